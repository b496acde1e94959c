import { UserError } from '../model/errors.js';
import {
  createInvite,
  createUser,
  ensureCourse,
  courseByName,
  isRole,
  removeMembership,
  removeUser as deleteUser,
  setMembership,
  setPassword,
  takeInvite,
  userByName,
  ROLES,
  type Role,
} from '../store/accounts.js';
import type { Store } from '../store/db.js';
import { hashPassword, newToken, passwordProblem, tokenHash, verifyPassword } from './passwords.js';

/**
 * Managing staff accounts: what `partcredit users` and the login page do, over the store's
 * queries (store/accounts.ts). Anyone who can run the CLI against the store is trusted (they
 * can write its tables anyway), so the CLI is how the first instructor is made.
 */

/** Login names: letters, digits and `._@+-` (an e-mail address will do), so they print unambiguously in audit trails. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}$/;

export function checkUserName(name: string): void {
  if (!NAME.test(name)) throw new UserError(`"${name}" is not a user name: use up to 64 letters, digits and . _ @ + - (starting with a letter or digit)`);
}

export function checkRole(role: string): Role {
  if (!isRole(role)) throw new UserError(`unknown role "${role}": use ${ROLES.join(', ')}`);
  return role;
}

function checkCourseName(course: string): void {
  if (!course.trim() || course.length > 100 || /[\u0000-\u001f\u007f]/.test(course)) throw new UserError(`"${course}" is not a course name: 1 to 100 printable characters`);
}

/**
 * Adds a user to a course with a role (creating the course when it is new). A new user needs a
 * password; an existing one keeps theirs unless one is given (a reset, which ends their sessions).
 */
export async function addUser(store: Store, input: { name: string; role: string; course: string; password?: string }): Promise<{ created: boolean; courseCreated: boolean; reset: boolean }> {
  checkUserName(input.name);
  const role = checkRole(input.role);
  checkCourseName(input.course);
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password);
    if (problem) throw new UserError(problem);
  }
  const existing = await userByName(store, input.name);
  if (!existing && input.password === undefined) throw new UserError(`${input.name} is a new user: give a password (--password-stdin), or send an invite (partcredit users invite)`);
  const hash = input.password === undefined ? undefined : await hashPassword(input.password);
  const course = await ensureCourse(store, input.course);
  let userId = existing?.id;
  if (userId === undefined) userId = await createUser(store, input.name, hash!);
  else if (hash) await setPassword(store, userId, hash);
  await setMembership(store, userId, course.id, role);
  return { created: !existing, courseCreated: course.created, reset: !!existing && !!hash };
}

/**
 * An invite for a new user: a one-time token (valid `days` days) that sets their password and
 * gives them `role` in `course`. Returns the token; the store keeps only its hash.
 */
export async function inviteUser(store: Store, input: { name: string; role: string; course: string; by: string; days: number }): Promise<{ token: string; expiresAt: Date; courseCreated: boolean }> {
  checkUserName(input.name);
  const role = checkRole(input.role);
  checkCourseName(input.course);
  if (!(input.days > 0 && input.days <= 90)) throw new UserError('an invite lasts between a moment and 90 days');
  const existing = await userByName(store, input.name);
  if (existing?.password_hash) throw new UserError(`${input.name} already has an account: partcredit users add ${input.name} --course '${input.course}' --role ${role} adds them to the course`);
  const course = await ensureCourse(store, input.course);
  const userId = existing?.id ?? (await createUser(store, input.name, null));
  const token = newToken();
  const expiresAt = new Date(Date.now() + input.days * 86_400_000);
  await createInvite(store, { tokenHash: tokenHash(token), userId, courseId: course.id, role, createdBy: input.by, expiresAt });
  return { token, expiresAt, courseCreated: course.created };
}

/** Accepts an invite: sets the user's password and their role in the course. Returns the user's id and name. */
export async function acceptInvite(store: Store, token: string, password: string): Promise<{ id: number; name: string }> {
  // Checked before the invite is taken: a password that is too short must not use up the link.
  const problem = passwordProblem(password);
  if (problem) throw new UserError(problem);
  const hash = await hashPassword(password);
  const invite = await takeInvite(store, tokenHash(token));
  if (!invite) throw new UserError('this invite link cannot be used: it was used already, it expired, or it was never issued; ask for a new one');
  const user = await store.db.selectFrom('users').select(['id', 'name']).where('id', '=', invite.userId).executeTakeFirst();
  if (!user) throw new UserError('the invited user was removed; ask for a new invite');
  await setPassword(store, user.id, hash);
  await setMembership(store, user.id, invite.courseId, checkRole(invite.role));
  return user;
}

/** The user a name and password log in as, or undefined (the same for a wrong name and a wrong password). */
export async function checkLogin(store: Store, name: string, password: string): Promise<{ id: number; name: string } | undefined> {
  const user = NAME.test(name) ? await userByName(store, name) : undefined;
  // Verified against a decoy when there is no such user, so timing does not tell which names exist.
  const ok = await verifyPassword(password, user?.password_hash ?? null);
  return ok && user ? { id: user.id, name: user.name } : undefined;
}

/** Removes a user from one course, or (no course) entirely. Their overrides keep their name. */
export async function removeUser(store: Store, name: string, course?: string): Promise<string> {
  const user = await userByName(store, name);
  if (!user) throw new UserError(`no user ${name}`);
  if (course === undefined) {
    await deleteUser(store, user.id);
    return `removed ${name} (their sessions end now; their overrides keep their name)`;
  }
  const c = await courseByName(store, course);
  if (!c || !(await removeMembership(store, user.id, c.id))) throw new UserError(`${name} is not in the course ${course}`);
  return `removed ${name} from ${course}`;
}
