import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { MIGRATIONS, migratedMessage, migrationSql, migrationsTable, type Migration } from './migrations.js';

/** Whether a `--db` value names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(location);
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^@]*@/i, '$1:***@');
}

/**
 * Results as the SQLite store returns them: counts (int8) and numbers as JS numbers, not strings.
 * A count past 2^53 cannot occur in a grading store.
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 || oid === 1700 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

/** A kysely over a pool of connections to `url` (nothing connects until the first query). */
export function postgresKysely<T>(url: string, maxConnections = 10): Kysely<T> {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections, types });
  // An idle connection the server dropped (restart, kill) must not crash the process: the pool replaces it.
  pool.on('error', () => {});
  return new Kysely<T>({ dialect: new PostgresDialect({ pool }) });
}

/** Any number that names this store's migration lock among PostgreSQL's advisory locks. */
const MIGRATION_LOCK = 7_300_014;

/**
 * Applies the migrations the database lacks, in one transaction under an advisory lock, so
 * several workers starting at once apply each step exactly once. Returns the message to show
 * (undefined when the store was up to date).
 */
export async function migratePostgres(db: Kysely<unknown>, location: string): Promise<string | undefined> {
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(tx);
    await tx.executeQuery(migrationsTable('postgres'));
    const done = await sql<{ version: number }>`select version from schema_migrations`.execute(tx);
    const have = new Set(done.rows.map((r) => r.version));
    const from = Math.max(0, ...have);
    const applied: Migration[] = [];
    for (const m of MIGRATIONS) {
      if (have.has(m.version)) continue;
      for (const q of migrationSql(m, 'postgres')) await tx.executeQuery(q);
      await sql`insert into schema_migrations (version, name, applied_at) values (${m.version}, ${m.name}, ${new Date().toISOString()})`.execute(tx);
      applied.push(m);
    }
    return applied.length ? migratedMessage(redactUrl(location), from, applied) : undefined;
  });
}
