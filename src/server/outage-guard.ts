// pg-boss 10 completes or fails a worker's jobs without awaiting the promise
// (timgit/pg-boss#577). When PostgreSQL goes away at that moment the rejection has no handler,
// and Node stops the process: `npm run chaos` lost an instance this way during a PostgreSQL
// restart. A rejection nobody handled that says "the database is unavailable" is logged and
// survived: the job stays active and is handed out again when it expires, and its effect is
// claimed once, so nothing is lost or doubled. Any other unhandled rejection still stops the
// process, as Node would.
import { isDatabaseDown } from '../api/plugins/errors.ts';

export function surviveDatabaseOutages(warn: (obj: object, msg: string) => void): () => void {
  const listener = (reason: unknown) => {
    if (!isDatabaseDown(reason)) throw reason;
    const { code, message } = reason as { code?: unknown; message?: unknown };
    warn(
      { code, error: String(message).slice(0, 200) },
      'a database call failed while PostgreSQL was unavailable; carrying on',
    );
  };
  process.on('unhandledRejection', listener);
  return () => void process.off('unhandledRejection', listener);
}
