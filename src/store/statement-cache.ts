import type Database from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * A better-sqlite3 database whose prepared statements are kept for kysely, which prepares every
 * query it runs: compiling an insert costs about as much as running it, and grading writes the
 * same few statements for every submission. The least recently used go past `size` distinct
 * statements (multi-row inserts differ by their row count).
 */
export function withStatementCache(db: Database.Database, size = 128): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => db.close(),
    prepare(sql: string): SqliteStatement {
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql);
      } else {
        statement = db.prepare(sql);
        if (cache.size >= size) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}
