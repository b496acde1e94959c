import { sql } from 'kysely';
import type { Store } from './db.js';

/**
 * Staff accounts in the store (migration 3): courses, users, a role per (user, course),
 * sessions and invites. Only queries live here; hashing passwords and tokens is the caller's
 * (server/passwords.ts), so nothing here ever sees a secret in clear.
 */

/** What a member of a course may do, weakest first. */
export const ROLES = ['read-only', 'ta', 'instructor'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(x: string): x is Role {
  return (ROLES as readonly string[]).includes(x);
}

/** Whether `role` grants at least what `needed` does (instructor > ta > read-only). */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export interface UserRow {
  id: number;
  name: string;
  password_hash: string | null;
}

/** Whether the store has any account: then `serve` requires a login. */
export async function hasUsers(store: Store): Promise<boolean> {
  return !!(await store.db.selectFrom('users').select('id').limit(1).executeTakeFirst());
}

export async function courseByName(store: Store, name: string): Promise<{ id: number; name: string } | undefined> {
  return store.db.selectFrom('courses').select(['id', 'name']).where('name', '=', name).executeTakeFirst();
}

/** The course of that name, created when missing (`created` says which). */
export async function ensureCourse(store: Store, name: string): Promise<{ id: number; created: boolean }> {
  const found = await courseByName(store, name);
  if (found) return { id: found.id, created: false };
  const r = await store.db.insertInto('courses').values({ name, created_at: new Date().toISOString() }).returning('id').executeTakeFirstOrThrow();
  return { id: r.id, created: true };
}

export async function listCourses(store: Store): Promise<{ id: number; name: string; runs: number; members: number }[]> {
  const courses = await store.db.selectFrom('courses').select(['id', 'name']).orderBy('name').execute();
  const out = [];
  for (const c of courses) {
    const runs = await store.db
      .selectFrom('runs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('course_id', '=', c.id)
      .executeTakeFirstOrThrow();
    const members = await store.db
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('course_id', '=', c.id)
      .executeTakeFirstOrThrow();
    out.push({ ...c, runs: Number(runs.n), members: Number(members.n) });
  }
  return out;
}

export async function userByName(store: Store, name: string): Promise<UserRow | undefined> {
  return store.db.selectFrom('users').select(['id', 'name', 'password_hash']).where('name', '=', name).executeTakeFirst();
}

/** A new user; `passwordHash` null for an invited one who has not chosen a password yet. */
export async function createUser(store: Store, name: string, passwordHash: string | null): Promise<number> {
  const r = await store.db.insertInto('users').values({ name, password_hash: passwordHash, created_at: new Date().toISOString() }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Sets a password and ends the user's sessions (a reset must lock out whoever had the old one). */
export async function setPassword(store: Store, userId: number, passwordHash: string): Promise<void> {
  await store.db.transaction().execute(async (tx) => {
    await tx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
    await tx.deleteFrom('sessions').where('user_id', '=', userId).execute();
  });
}

/** Gives a user a role in a course (replacing the role they had there). */
export async function setMembership(store: Store, userId: number, courseId: number, role: Role): Promise<void> {
  await store.db
    .insertInto('memberships')
    .values({ user_id: userId, course_id: courseId, role })
    .onConflict((oc) => oc.columns(['user_id', 'course_id']).doUpdateSet({ role }))
    .execute();
}

/** Removes a user from one course; returns whether they were in it. */
export async function removeMembership(store: Store, userId: number, courseId: number): Promise<boolean> {
  const r = await store.db.deleteFrom('memberships').where('user_id', '=', userId).where('course_id', '=', courseId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Removes a user, their memberships, sessions and open invites. Their overrides keep their name. */
export async function removeUser(store: Store, userId: number): Promise<void> {
  await store.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await tx.deleteFrom('invites').where('user_id', '=', userId).execute();
    await tx.deleteFrom('memberships').where('user_id', '=', userId).execute();
    await tx.deleteFrom('users').where('id', '=', userId).execute();
  });
}

/**
 * Every (user, course, role), by user then course. An invited user who has not accepted yet
 * shows the course and role of their open invite, with `invitedUntil`; a user in no course
 * appears once with course null.
 */
export async function listMembers(store: Store, courseId?: number): Promise<{ name: string; course: string | null; role: string | null; active: boolean; invitedUntil?: string }[]> {
  let q = store.db
    .selectFrom('users')
    .leftJoin('memberships', 'memberships.user_id', 'users.id')
    .leftJoin('courses', 'courses.id', 'memberships.course_id')
    .select(['users.id as id', 'users.name as name', 'courses.name as course', 'memberships.role as role', 'users.password_hash as hash']);
  if (courseId !== undefined) q = q.where('memberships.course_id', '=', courseId);
  const rows = await q.orderBy('users.name').orderBy('courses.name').execute();
  let iq = store.db
    .selectFrom('invites')
    .innerJoin('users', 'users.id', 'invites.user_id')
    .innerJoin('courses', 'courses.id', 'invites.course_id')
    .select(['users.name as name', 'courses.name as course', 'invites.role as role', 'invites.expires_at as until'])
    .where('invites.used_at', 'is', null)
    .where('invites.expires_at', '>', new Date().toISOString())
    .where('users.password_hash', 'is', null);
  if (courseId !== undefined) iq = iq.where('invites.course_id', '=', courseId);
  const invites = await iq.orderBy('users.name').execute();
  const out: { name: string; course: string | null; role: string | null; active: boolean; invitedUntil?: string }[] = rows
    .filter((r) => !(r.hash === null && r.course === null && invites.some((i) => i.name === r.name)))
    .map((r) => ({ name: r.name, course: r.course, role: r.role, active: r.hash !== null }));
  for (const i of invites) out.push({ name: i.name, course: i.course, role: i.role, active: false, invitedUntil: i.until });
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return out.sort((a, b) => cmp(a.name, b.name) || cmp(a.course ?? '', b.course ?? ''));
}

export async function createSession(store: Store, userId: number, tokenHash: string, expiresAt: Date): Promise<void> {
  const now = new Date();
  await store.db.transaction().execute(async (tx) => {
    // Old sessions are swept as new ones start, so the table holds only live ones (and a few just expired).
    await tx.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
    await tx.insertInto('sessions').values({ token_hash: tokenHash, user_id: userId, created_at: now.toISOString(), expires_at: expiresAt.toISOString() }).execute();
  });
}

/**
 * The user of an unexpired session and their role in each course, in one query (it runs on
 * every request); undefined when the session is unknown, expired, or its user was removed.
 */
export async function sessionUser(
  store: Store,
  tokenHash: string,
  now = new Date(),
): Promise<{ id: number; name: string; expiresAt: string; courses: Map<number, { course: string; role: Role }> } | undefined> {
  const rows = await store.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('memberships', 'memberships.user_id', 'users.id')
    .leftJoin('courses', 'courses.id', 'memberships.course_id')
    .select(['users.id as id', 'users.name as name', 'sessions.expires_at as expiresAt', 'courses.id as courseId', 'courses.name as course', 'memberships.role as role'])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', now.toISOString())
    .execute();
  const first = rows[0];
  if (!first) return undefined;
  const courses = new Map<number, { course: string; role: Role }>();
  for (const r of rows) if (r.courseId !== null && r.course !== null && r.role !== null && isRole(r.role)) courses.set(r.courseId, { course: r.course, role: r.role });
  return { id: first.id, name: first.name, expiresAt: first.expiresAt, courses };
}

export async function deleteSession(store: Store, tokenHash: string): Promise<void> {
  await store.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function createInvite(store: Store, invite: { tokenHash: string; userId: number; courseId: number; role: Role; createdBy: string; expiresAt: Date }): Promise<void> {
  await store.db
    .insertInto('invites')
    .values({
      token_hash: invite.tokenHash,
      user_id: invite.userId,
      course_id: invite.courseId,
      role: invite.role,
      created_by: invite.createdBy,
      created_at: new Date().toISOString(),
      expires_at: invite.expiresAt.toISOString(),
      used_at: null,
    })
    .execute();
}

/**
 * Takes an invite: marks it used in the same statement that finds it, so two tabs accepting
 * one link at once cannot both succeed. Undefined when unknown, used or expired.
 */
export async function takeInvite(store: Store, tokenHash: string, now = new Date()): Promise<{ userId: number; courseId: number; role: string } | undefined> {
  const r = await store.db
    .updateTable('invites')
    .set({ used_at: now.toISOString() })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .returning(['user_id', 'course_id', 'role'])
    .executeTakeFirst();
  return r ? { userId: r.user_id, courseId: r.course_id, role: r.role } : undefined;
}

/** The course a run belongs to: a course id, null (none), or undefined (no such run). */
export async function courseOfRun(store: Store, runId: number): Promise<number | null | undefined> {
  const r = await store.db.selectFrom('runs').select('course_id').where('id', '=', runId).executeTakeFirst();
  return r ? r.course_id : undefined;
}

/** Gives runs to a course; returns the ids that exist (the others are the caller's to report). */
export async function assignRuns(store: Store, courseId: number, runIds: number[] | 'unassigned'): Promise<number[]> {
  const ids =
    runIds === 'unassigned'
      ? (await store.db.selectFrom('runs').select('id').where('course_id', 'is', null).execute()).map((r) => r.id)
      : (
          await store.db
            .selectFrom('runs')
            .select('id')
            .where('id', 'in', runIds.length ? runIds : [-1])
            .execute()
        ).map((r) => r.id);
  if (ids.length) await store.db.updateTable('runs').set({ course_id: courseId }).where('id', 'in', ids).execute();
  return ids.sort((a, b) => a - b);
}

/** How many runs belong to no course (for a hint when accounts are on). */
export async function unassignedRuns(store: Store): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n from runs where course_id is null`.execute(store.db);
  return Number(r.rows[0]?.n ?? 0);
}

/** Records an answer added to a run's key from the review app, with its author. */
export async function recordKeyChange(store: Store, change: { runId: number; partId: string; answer: string; as: string; author: string; keyPath: string }): Promise<void> {
  await store.db
    .insertInto('key_changes')
    .values({ run_id: change.runId, part_id: change.partId, answer: change.answer, as_what: change.as, author: change.author, created_at: new Date().toISOString(), key_path: change.keyPath })
    .execute();
}

/** Ends a user's open invites to one course (an instructor took them back); returns how many. */
export async function revokeInvites(store: Store, userId: number, courseId: number): Promise<number> {
  const r = await store.db
    .updateTable('invites')
    .set({ used_at: new Date().toISOString() })
    .where('user_id', '=', userId)
    .where('course_id', '=', courseId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * Sets (a role) or ends (null) a member's place in a course, unless that would leave the course
 * without an instructor: returns false then, changing nothing. The course's memberships are
 * locked for the check on PostgreSQL (SQLite's writer lock does the same), so two instructors
 * demoting each other at once cannot both succeed.
 */
export async function changeMembership(store: Store, userId: number, courseId: number, role: Role | null): Promise<boolean> {
  return store.writingAsync(() =>
    store.db.transaction().execute(async (tx) => {
      let q = tx.selectFrom('memberships').select(['user_id', 'role']).where('course_id', '=', courseId);
      if (store.engine === 'postgres') q = q.forUpdate();
      const members = await q.execute();
      const instructorsAfter = members.filter((m) => (m.user_id === userId ? role === 'instructor' : m.role === 'instructor')).length;
      if (instructorsAfter === 0) return false;
      if (role === null) await tx.deleteFrom('memberships').where('user_id', '=', userId).where('course_id', '=', courseId).execute();
      else await tx.updateTable('memberships').set({ role }).where('user_id', '=', userId).where('course_id', '=', courseId).execute();
      return true;
    }),
  );
}
