import { Command } from 'commander';
import { copyStore } from '../store/copy.js';
import { SCHEMA_VERSION } from '../store/migrations.js';
import { openCliStore, DB_HELP } from './store-option.js';

/** `partcredit db`: the store itself: apply its migrations, copy it between SQLite and PostgreSQL. */
export function dbCommand(): Command {
  const db = new Command('db').description('the store: apply migrations, copy between a SQLite file and PostgreSQL');
  db.command('migrate')
    .description('apply the schema migrations the store lacks (every command also does on start)')
    .option('--db <store>', DB_HELP)
    .action(async (flags: { db?: string }) => {
      const store = await openCliStore(flags.db, false);
      await store.close();
      process.stdout.write(`${store.where}: schema version ${SCHEMA_VERSION}\n`);
    });
  db.command('copy')
    .description('copy every row of one store into a new, empty one (either engine, either way), then compare counts and checksums of every table')
    .requiredOption('--from <store>', 'the source: a SQLite file or a postgres:// URL')
    .requiredOption('--to <store>', 'the target, empty: a new SQLite file or an empty postgres:// database')
    .action(async (flags: { from: string; to: string }) => {
      const from = await openCliStore(flags.from, true);
      try {
        const to = await openCliStore(flags.to, false);
        try {
          const tables = await copyStore(from, to, (table, rows) => process.stderr.write(`copied ${table}: ${rows} rows\n`));
          process.stdout.write(`table\trows\tsha256 (same on both sides)\n${tables.map((t) => `${t.table}\t${t.rows}\t${t.checksum}`).join('\n')}\n`);
          process.stderr.write(`copied ${from.where} to ${to.where}: every table's count and checksum match\n`);
        } finally {
          await to.close();
        }
      } finally {
        await from.close();
      }
    });
  return db;
}
