// A separate process holding an embedded PostgreSQL, for lifecycle tests that need a second
// owner (the data-dir lock is per process). Usage: node --import tsx embedded-holder.ts DIR PORT
// Prints one JSON line {url, port, pid} when ready; stops cleanly on SIGTERM.
import { startEmbedded } from '../../src/db/embedded.ts';

const [dataDir, port] = process.argv.slice(2);
if (!dataDir || !port) throw new Error('usage: embedded-holder DIR PORT');
const server = await startEmbedded({ dataDir, port: Number(port) });
process.once('SIGTERM', () => {
  void server.stop().then(() => process.exit(0));
});
process.stdout.write(
  `${JSON.stringify({ url: server.url, port: server.port, pid: process.pid })}\n`,
);
setInterval(() => undefined, 60_000);
