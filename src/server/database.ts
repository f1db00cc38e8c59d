// Opens the configured store: the external PostgreSQL from DATABASE_URL, or the embedded one
// in the data directory. Migrations are applied either way.
import type { Config } from '../config.ts';
import { migrateDatabase, openDatabase, type Database } from '../db/client.ts';
import { attachEmbedded, startEmbedded, type EmbeddedServer } from '../db/embedded.ts';

export interface Store {
  database: Database;
  url: string;
  embedded: EmbeddedServer | null;
  close(): Promise<void>;
}

/** `attach` lets a CLI command share the PostgreSQL of a running `redress serve`. */
export async function openStore(
  config: Config,
  opts: { migrate?: boolean; attach?: boolean } = {},
): Promise<Store> {
  let embedded: EmbeddedServer | null = null;
  let url = config.DATABASE_URL;
  if (!url) {
    embedded =
      (opts.attach ? await attachEmbedded(config.REDRESS_DATA_DIR) : null) ??
      (await startEmbedded({ dataDir: config.REDRESS_DATA_DIR, port: config.REDRESS_PG_PORT }));
    url = embedded.url;
  }
  const database = openDatabase(url, { max: config.REDRESS_DB_POOL });
  try {
    if (opts.migrate !== false) await migrateDatabase(database);
  } catch (err) {
    await database.close();
    await embedded?.stop();
    throw err;
  }
  return {
    database,
    url,
    embedded,
    close: async () => {
      await database.close();
      await embedded?.stop();
    },
  };
}
