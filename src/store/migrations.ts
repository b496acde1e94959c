import {
  CompiledQuery,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type ColumnDataType,
  type CreateTableBuilder,
  type SchemaModule,
} from 'kysely';

/** The two engines a store can live on. */
export type Engine = 'sqlite' | 'postgres';

/** The column types that differ between the engines; everything else is spelled the same. */
interface Types {
  /** An integer key the database numbers itself. */
  serial: ColumnDataType;
  /** A float of 8 bytes (PostgreSQL's `real` has only 4: points would round). */
  real: ColumnDataType;
}

const TYPES: Record<Engine, Types> = {
  sqlite: { serial: 'integer', real: 'real' },
  postgres: { serial: 'serial', real: 'double precision' },
};

/**
 * One step of the schema. The list below is the only schema there is: both engines apply the
 * same steps in order, and a store records in `schema_migrations` which ones it has. A step is
 * written with kysely's schema builder (so its SQL is each engine's own) and never edited once
 * released: a change is a new step.
 */
export interface Migration {
  version: number;
  name: string;
  steps: (schema: SchemaModule, t: Types, engine: Engine) => { compile(): CompiledQuery }[];
}

/** A table with an `id` the database numbers. */
function withId(schema: SchemaModule, name: string, t: Types): CreateTableBuilder<string, 'id'> {
  return schema
    .createTable(name)
    .ifNotExists()
    .addColumn('id', t.serial, (c) => c.primaryKey());
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'runs, submissions, gradings, grades, model runs and their locks, request cache, overrides',
    // `if not exists` throughout: SQLite stores made before versioned migrations already hold these tables.
    steps: (s, t) => [
      withId(s, 'runs', t)
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('key_path', 'text')
        .addColumn('problems_path', 'text')
        .addColumn('variants_dir', 'text'),
      withId(s, 'submissions', t)
        .addColumn('run_id', 'integer', (c) => c.notNull().references('runs.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('path', 'text')
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('responses', 'text', (c) => c.notNull())
        .addColumn('warnings', 'text', (c) => c.notNull()),
      withId(s, 'gradings', t)
        .addColumn('run_id', 'integer', (c) => c.notNull().references('runs.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('key_json', 'text', (c) => c.notNull())
        .addColumn('key_path', 'text'),
      withId(s, 'grades', t)
        .addColumn('grading_id', 'integer', (c) => c.notNull().references('gradings.id'))
        .addColumn('submission_id', 'integer', (c) => c.notNull().references('submissions.id'))
        .addColumn('part_id', 'text', (c) => c.notNull())
        .addColumn('verdict', 'text', (c) => c.notNull())
        .addColumn('score', t.real, (c) => c.notNull())
        .addColumn('points', t.real, (c) => c.notNull())
        .addColumn('max_points', t.real, (c) => c.notNull())
        .addColumn('graded', 'integer', (c) => c.notNull())
        .addColumn('category', 'text')
        .addColumn('answer', 'text', (c) => c.notNull())
        .addColumn('expected', 'text', (c) => c.notNull())
        .addColumn('feedback', 'text', (c) => c.notNull())
        .addColumn('first_verdict', 'text')
        .addColumn('first_answer', 'text')
        .addColumn('source', 'text')
        .addColumn('check_name', 'text'),
      s.createIndex('grades_by_grading').ifNotExists().on('grades').columns(['grading_id', 'submission_id']),
      withId(s, 'model_runs', t)
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('key_path', 'text', (c) => c.notNull())
        .addColumn('problems_path', 'text')
        .addColumn('config', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text'),
      s
        .createTable('requests')
        .ifNotExists()
        .addColumn('hash', 'text', (c) => c.primaryKey())
        .addColumn('model', 'text', (c) => c.notNull())
        .addColumn('request', 'text', (c) => c.notNull())
        .addColumn('response', 'text', (c) => c.notNull())
        .addColumn('input_tokens', 'integer', (c) => c.notNull())
        .addColumn('output_tokens', 'integer', (c) => c.notNull())
        .addColumn('ms', t.real, (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull()),
      s
        .createTable('run_requests')
        .ifNotExists()
        .addColumn('run_id', 'integer', (c) => c.notNull().references('model_runs.id'))
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('model', 'text', (c) => c.notNull())
        .addColumn('part_id', 'text', (c) => c.notNull())
        .addColumn('step', 'integer', (c) => c.notNull())
        .addColumn('cached', 'integer', (c) => c.notNull()),
      s
        .createTable('model_results')
        .ifNotExists()
        .addColumn('run_id', 'integer', (c) => c.notNull().references('model_runs.id'))
        .addColumn('model', 'text', (c) => c.notNull())
        .addColumn('sample', 'integer', (c) => c.notNull())
        .addColumn('part_id', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('hints_used', 'integer')
        .addColumn('verdict', 'text', (c) => c.notNull())
        .addColumn('first_verdict', 'text', (c) => c.notNull())
        .addColumn('answer', 'text', (c) => c.notNull())
        .addColumn('category', 'text')
        .addColumn('feedback', 'text', (c) => c.notNull())
        .addColumn('messages', 'text', (c) => c.notNull())
        .addColumn('input_tokens', 'integer', (c) => c.notNull())
        .addColumn('output_tokens', 'integer', (c) => c.notNull())
        .addColumn('ms', t.real, (c) => c.notNull())
        .addColumn('first_answer', 'text')
        .addPrimaryKeyConstraint('model_results_pk', ['run_id', 'model', 'sample', 'part_id']),
      // The process running a model run, so a second `--resume` of it at once is refused.
      s
        .createTable('model_run_locks')
        .ifNotExists()
        .addColumn('run_id', 'integer', (c) => c.primaryKey().references('model_runs.id'))
        .addColumn('pid', 'integer', (c) => c.notNull())
        .addColumn('host', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull()),
      s.createIndex('submissions_by_run').ifNotExists().on('submissions').column('run_id'),
      // Staff overrides from the review app (queries in overrides.ts): append-only, the newest per (run, submission, part) in force.
      withId(s, 'overrides', t)
        .addColumn('run_id', 'integer', (c) => c.notNull().references('runs.id'))
        .addColumn('submission', 'text', (c) => c.notNull())
        .addColumn('part_id', 'text', (c) => c.notNull())
        .addColumn('verdict', 'text')
        .addColumn('points', t.real)
        .addColumn('comment', 'text', (c) => c.notNull())
        .addColumn('author', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('previous_verdict', 'text', (c) => c.notNull())
        .addColumn('previous_points', t.real, (c) => c.notNull())
        .addColumn('auto_verdict', 'text', (c) => c.notNull())
        .addColumn('auto_points', t.real, (c) => c.notNull())
        .addColumn('grading_id', 'integer', (c) => c.notNull()),
      s.createIndex('overrides_by_run').ifNotExists().on('overrides').columns(['run_id', 'submission', 'part_id']),
    ],
  },
  {
    version: 2,
    name: 'grading jobs: a queue of submissions that worker processes take with SKIP LOCKED',
    steps: (s, t) => [
      withId(s, 'jobs', t)
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('run_id', 'integer', (c) => c.notNull().references('runs.id'))
        .addColumn('grading_id', 'integer', (c) => c.notNull().references('gradings.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text'),
      s
        .createTable('job_items')
        .ifNotExists()
        .addColumn('job_id', 'integer', (c) => c.notNull().references('jobs.id'))
        .addColumn('submission_id', 'integer', (c) => c.notNull().references('submissions.id'))
        .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('worker', 'text')
        .addColumn('done_at', 'text')
        .addPrimaryKeyConstraint('job_items_pk', ['job_id', 'submission_id']),
    ],
  },
  {
    version: 3,
    name: 'staff accounts: courses own runs, users with a role per course, sessions, invites, the key changes made in review',
    steps: (s, t) => [
      withId(s, 'courses', t)
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull()),
      // Null: a run graded before accounts or without --course; no account sees it until `partcredit course assign`.
      s.alterTable('runs').addColumn('course_id', 'integer', (c) => c.references('courses.id')),
      // password_hash null: invited, not yet accepted (nobody can log in as them).
      withId(s, 'users', t)
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('password_hash', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull()),
      s
        .createTable('memberships')
        .ifNotExists()
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('course_id', 'integer', (c) => c.notNull().references('courses.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('memberships_pk', ['user_id', 'course_id']),
      // Keyed by the sha256 of the cookie's token: a copy of the table logs nobody in.
      s
        .createTable('sessions')
        .ifNotExists()
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull()),
      s
        .createTable('invites')
        .ifNotExists()
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('course_id', 'integer', (c) => c.notNull().references('courses.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text'),
      // Answers added to a run's key from the review app: who, when, what (the key file has the line too).
      withId(s, 'key_changes', t)
        .addColumn('run_id', 'integer', (c) => c.notNull().references('runs.id'))
        .addColumn('part_id', 'text', (c) => c.notNull())
        .addColumn('answer', 'text', (c) => c.notNull())
        .addColumn('as_what', 'text', (c) => c.notNull())
        .addColumn('author', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('key_path', 'text', (c) => c.notNull()),
    ],
  },
  {
    version: 4,
    name: 'model results keep the order their run asked the parts in (run and compare on PostgreSQL); wrong passwords counted in the store, across serve processes',
    steps: (s, t, engine) => [
      s.alterTable('model_results').addColumn('position', 'integer'),
      // SQLite's rows were read in rowid order: that order, kept. (PostgreSQL could not run models before this step; rows a db copy brought keep null and come in name order.)
      ...(engine === 'sqlite' ? [{ compile: () => CompiledQuery.raw('UPDATE model_results SET position = rowid') }] : []),
      withId(s, 'login_failures', t)
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull()),
      s.createIndex('login_failures_by_key').ifNotExists().on('login_failures').columns(['key', 'at']),
    ],
  },
  {
    version: 5,
    name: 'PostgreSQL: an override is stored in one statement (lock, version check and insert), so the run lock is held for microseconds, not round trips',
    // SQLite writes one at a time in process and needs no such thing.
    steps: (_s, _t, engine) => (engine === 'postgres' ? [{ compile: () => CompiledQuery.raw(SAVE_OVERRIDE_FUNCTION) }] : []),
  },
];

/**
 * overrides.ts's saveOverride on PostgreSQL. In READ COMMITTED each statement of a volatile
 * function takes a new snapshot, so the newest override is read after the run's lock is
 * granted: it sees every override committed before, and ids are committed in lock order.
 * The lock is released at the end of the caller's transaction (the statement, in autocommit).
 * Returns the new row's id, or null and the newest id when `checked` and it is not `base`.
 */
const SAVE_OVERRIDE_FUNCTION = `
CREATE OR REPLACE FUNCTION partcredit_save_override(
  lock_class integer, run integer, sub text, part text, new_verdict text, new_points double precision,
  note text, by_author text, at_time text, was_verdict text, was_points double precision,
  auto_was_verdict text, auto_was_points double precision, grading integer, checked boolean, base integer)
RETURNS TABLE (inserted_id integer, latest_id integer)
LANGUAGE plpgsql VOLATILE AS $fn$
DECLARE
  latest integer;
BEGIN
  PERFORM pg_advisory_xact_lock(lock_class, run);
  SELECT o.id INTO latest FROM overrides o WHERE o.run_id = run AND o.submission = sub AND o.part_id = part ORDER BY o.id DESC LIMIT 1;
  IF checked AND latest IS DISTINCT FROM base THEN
    RETURN QUERY SELECT NULL::integer, latest;
    RETURN;
  END IF;
  RETURN QUERY
    INSERT INTO overrides (run_id, submission, part_id, verdict, points, comment, author, created_at,
      previous_verdict, previous_points, auto_verdict, auto_points, grading_id)
    VALUES (run, sub, part, new_verdict, new_points, note, by_author, at_time,
      was_verdict, was_points, auto_was_verdict, auto_was_points, grading)
    RETURNING overrides.id, latest;
END
$fn$`;

/** The newest schema version this build knows. */
export const SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

/** The table that records the applied steps, spelled for `engine`. */
export function migrationsTable(engine: Engine): CompiledQuery {
  return compiler(engine)
    .schema.createTable('schema_migrations')
    .ifNotExists()
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .compile();
}

/** The SQL of one migration for one engine (nothing is executed here). */
export function migrationSql(m: Migration, engine: Engine): CompiledQuery[] {
  return m.steps(compiler(engine).schema, TYPES[engine], engine).map((b) => b.compile());
}

const compilers = new Map<Engine, Kysely<unknown>>();

/** A kysely that only compiles, in `engine`'s SQL: the same builders give each engine its DDL. */
function compiler(engine: Engine): Kysely<unknown> {
  let k = compilers.get(engine);
  if (!k) {
    k = new Kysely<unknown>({
      dialect:
        engine === 'sqlite'
          ? {
              createAdapter: () => new SqliteAdapter(),
              createDriver: () => new DummyDriver(),
              createIntrospector: (db) => new SqliteIntrospector(db),
              createQueryCompiler: () => new SqliteQueryCompiler(),
            }
          : {
              createAdapter: () => new PostgresAdapter(),
              createDriver: () => new DummyDriver(),
              createIntrospector: (db) => new PostgresIntrospector(db),
              createQueryCompiler: () => new PostgresQueryCompiler(),
            },
    });
    compilers.set(engine, k);
  }
  return k;
}

/** The message a store prints when it applied steps: which versions, from which. */
export function migratedMessage(location: string, from: number, applied: Migration[]): string {
  const what = applied.map((m) => `${m.version} (${m.name})`).join('; ');
  return from === 0
    ? `${location}: created the store at schema version ${SCHEMA_VERSION} (applied migration ${what})`
    : `${location}: upgraded the store from schema version ${from} to ${SCHEMA_VERSION} (applied migration ${what})`;
}
