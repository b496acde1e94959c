import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { UserError } from '../model/errors.js';
import { storable, type Store } from './db.js';
import { redactUrl } from './postgres.js';

/**
 * Every table a store holds, parents before children (foreign keys), each with the columns
 * that order its rows for reading in pages. `schema_migrations` is not copied: the target
 * has its own, applied when it was opened.
 */
export const COPIED_TABLES: { name: string; order: string[]; serial: boolean }[] = [
  { name: 'courses', order: ['id'], serial: true },
  { name: 'users', order: ['id'], serial: true },
  { name: 'memberships', order: ['user_id', 'course_id'], serial: false },
  { name: 'sessions', order: ['token_hash'], serial: false },
  { name: 'invites', order: ['token_hash'], serial: false },
  { name: 'runs', order: ['id'], serial: true },
  { name: 'submissions', order: ['id'], serial: true },
  { name: 'gradings', order: ['id'], serial: true },
  { name: 'grades', order: ['id'], serial: true },
  { name: 'overrides', order: ['id'], serial: true },
  { name: 'key_changes', order: ['id'], serial: true },
  { name: 'jobs', order: ['id'], serial: true },
  { name: 'job_items', order: ['job_id', 'submission_id'], serial: false },
  { name: 'model_runs', order: ['id'], serial: true },
  { name: 'model_run_locks', order: ['run_id'], serial: false },
  { name: 'requests', order: ['hash'], serial: false },
  { name: 'run_requests', order: ['run_id', 'step', 'model', 'part_id', 'hash', 'cached'], serial: false },
  { name: 'model_results', order: ['run_id', 'model', 'sample', 'part_id'], serial: false },
  { name: 'login_failures', order: ['id'], serial: true },
];

/** One table's fingerprint: its row count and a checksum of its content. */
export interface TableSummary {
  table: string;
  rows: number;
  /** sha256 over the sorted digests of its rows (columns by name, values as JSON): the same content gives the same checksum on either engine, whatever order the rows come in. */
  checksum: string;
}

/** Rows per page when reading and writing: under both engines' limits on bound parameters. */
const PAGE = 500;

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

function anyDb(store: Store): AnyDb {
  return store.db as unknown as AnyDb;
}

/** Reads a table page by page in its key order, handing each page over. */
async function eachPage(store: Store, table: { name: string; order: string[] }, visit: (rows: Record<string, unknown>[]) => Promise<void> | void): Promise<void> {
  const db = anyDb(store);
  for (let offset = 0; ; offset += PAGE) {
    let q = db.selectFrom(table.name).selectAll();
    for (const c of table.order) q = q.orderBy(c);
    const rows = await q.limit(PAGE).offset(offset).execute();
    if (rows.length) await visit(rows);
    if (rows.length < PAGE) return;
  }
}

/** A row with its text as stores keep it: a store written before `storable` may hold NUL, which PostgreSQL refuses. */
function storableRow(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' ? storable(v) : v]));
}

/** A value as both engines give it back: integers and floats as numbers, text as text (NUL as the copy writes it, U+FFFD). */
function canonical(row: Record<string, unknown>): string {
  return JSON.stringify(
    Object.keys(row)
      .sort()
      .map((k) => [k, typeof row[k] === 'bigint' ? Number(row[k]) : typeof row[k] === 'string' ? storable(row[k]) : (row[k] ?? null)]),
  );
}

/** Counts and checksums of every copied table of a store. */
export async function summarize(store: Store): Promise<TableSummary[]> {
  const out: TableSummary[] = [];
  for (const t of COPIED_TABLES) {
    const digests: string[] = [];
    await eachPage(store, t, (rows) => {
      for (const r of rows) digests.push(createHash('sha256').update(canonical(r)).digest('hex'));
    });
    digests.sort();
    const h = createHash('sha256');
    for (const d of digests) h.update(d);
    out.push({ table: t.name, rows: digests.length, checksum: h.digest('hex') });
  }
  return out;
}

/** Refuses a source holding a table this copy does not know (a newer build's), rather than leaving it behind. */
async function checkKnownTables(store: Store): Promise<void> {
  const known = new Set([...COPIED_TABLES.map((t) => t.name), 'schema_migrations']);
  const tables = await store.db.introspection.getTables();
  const unknown = tables.map((t) => t.name).filter((n) => !known.has(n));
  if (unknown.length) throw new UserError(`holds table(s) ${unknown.join(', ')} that this version of partcredit cannot copy`, redactUrl(store.path));
}

/**
 * Copies every row of `from` into the empty store `to` (either engine either way), ids kept,
 * in one transaction on the target; then compares the counts and checksums of both sides and
 * throws if any table differs. Returns the summaries (equal on both sides).
 */
export async function copyStore(from: Store, to: Store, onTable?: (table: string, rows: number) => void): Promise<TableSummary[]> {
  await checkKnownTables(from);
  const occupied = (await summarize(to)).filter((t) => t.rows > 0);
  if (occupied.length) throw new UserError(`the target store is not empty (${occupied.map((t) => `${t.table}: ${t.rows} rows`).join(', ')}); copy into a new database or file`, redactUrl(to.path));
  await (to.db as unknown as AnyDb).transaction().execute(async (tx) => {
    for (const t of COPIED_TABLES) {
      let n = 0;
      await eachPage(from, t, async (rows) => {
        await tx.insertInto(t.name).values(rows.map(storableRow)).execute();
        n += rows.length;
      });
      // PostgreSQL numbers new rows from a sequence, which an insert with explicit ids does not advance.
      if (to.engine === 'postgres' && t.serial) await sql`select setval(pg_get_serial_sequence(${t.name}, 'id'), coalesce((select max(id) from ${sql.table(t.name)}), 0) + 1, false)`.execute(tx);
      onTable?.(t.name, n);
    }
  });
  const [a, b] = await Promise.all([summarize(from), summarize(to)]);
  const differ = a.filter((x, i) => x.rows !== b[i]!.rows || x.checksum !== b[i]!.checksum);
  if (differ.length) throw new Error(`the copy differs from its source in ${differ.map((d) => d.table).join(', ')}`);
  return a;
}
