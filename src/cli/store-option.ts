import { existsSync } from 'node:fs';
import { openStore, storeLocation, type Store, type StoreOptions } from '../store/db.js';
import { isPostgresUrl } from '../store/postgres.js';
import { CliError } from './load.js';

/** The help of every command's `--db`. */
export const DB_HELP = 'the store: a SQLite file or a postgres:// URL (default: $PARTCREDIT_DB, else partcredit.db)';

/**
 * Opens the store a command names (`--db`, else `PARTCREDIT_DB`, else `./partcredit.db`),
 * telling on stderr when it applied migrations. `mustExist`: a SQLite file that is not there
 * is a user's mistake (a command that only reads), not a new empty store.
 */
export async function openCliStore(flag: string | undefined, mustExist = true, options: StoreOptions = {}): Promise<Store> {
  const location = storeLocation(flag);
  if (mustExist && !isPostgresUrl(location) && location !== ':memory:' && !existsSync(location))
    throw new CliError(`no store at ${location}: grade something first (npm run example, or partcredit grade --key K files...)`);
  return openStore(location, { ...options, onMigrate: (m) => process.stderr.write(`partcredit: ${m}\n`) });
}
