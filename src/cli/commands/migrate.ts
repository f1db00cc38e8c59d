import { loadConfig } from '../../config.ts';
import { openStore } from '../../server/database.ts';
import type { Io } from '../io.ts';

export async function migrateCommand(_args: string[], io: Io): Promise<number> {
  const store = await openStore(loadConfig(), { attach: true });
  await store.close();
  io.out('Migrations are up to date.');
  return 0;
}
