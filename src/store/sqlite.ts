import type Database from 'better-sqlite3';
import { MIGRATIONS, migratedMessage, migrationSql, migrationsTable, type Migration } from './migrations.js';

/**
 * Applies the migrations a SQLite store lacks, in one immediate transaction (a second process
 * opening the same file waits, then finds them applied). Synchronous: better-sqlite3 is.
 * Returns the message to show, or undefined when the store was up to date.
 */
export function migrateSqlite(raw: Database.Database, location: string): string | undefined {
  // An up-to-date store is only read here: opening it never waits for another process's write.
  if (upToDate(raw)) return undefined;
  return raw
    .transaction(() => {
      const before = raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('runs', 'schema_migrations')`).all() as { name: string }[];
      const legacy = before.some((t) => t.name === 'runs') && !before.some((t) => t.name === 'schema_migrations');
      raw.exec(migrationsTable('sqlite').sql);
      const have = new Set((raw.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
      const from = Math.max(0, ...have);
      const applied: Migration[] = [];
      for (const m of MIGRATIONS) {
        if (have.has(m.version)) continue;
        for (const q of migrationSql(m, 'sqlite')) raw.prepare(q.sql).run(...(q.parameters as unknown[]));
        if (m.version === 1 && legacy) addLegacyColumns(raw);
        raw.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
        applied.push(m);
      }
      if (!applied.length) return undefined;
      return legacy ? `${location}: recorded the store's schema as versioned (now version ${Math.max(...applied.map((m) => m.version))})` : migratedMessage(location, from, applied);
    })
    .immediate();
}

/** Columns that stores from before versioned migrations may lack (they were added in place then). */
function addLegacyColumns(raw: Database.Database): void {
  for (const [table, column, type] of [
    ['runs', 'variants_dir', 'TEXT'],
    ['model_results', 'first_answer', 'TEXT'],
  ] as const) {
    const columns = raw.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
    if (!columns.some((c) => c.name === column)) raw.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
  }
}

/** Whether every migration is recorded (a read, no lock taken). */
function upToDate(raw: Database.Database): boolean {
  const table = raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).get();
  if (!table) return false;
  const have = new Set((raw.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  return MIGRATIONS.every((m) => have.has(m.version));
}
