import { UserError } from '../model/errors.js';
import { changeMembership, listMembers, revokeInvites, setMembership, userByName } from '../store/accounts.js';
import type { Store } from '../store/db.js';
import { checkRole, checkUserName, inviteUser } from './accounts.js';
import { Forbidden, NotFound, type SessionUser } from './auth.js';

/**
 * A course's staff as its instructors manage them from the browser (the `/staff` page): the
 * members, invites, roles, removal. Only an instructor of the course may; everyone else gets
 * 403 (a member) or 404 (not a member, as for a course that does not exist).
 */

/** The course of a staff route, if `user` is its instructor: its id and name. */
export function instructorCourse(user: SessionUser, param: string): { id: number; name: string } {
  const id = Number(param);
  const membership = Number.isInteger(id) ? user.courses.get(id) : undefined;
  if (!membership) throw new NotFound(`no course ${param}`);
  if (membership.role !== 'instructor')
    throw new Forbidden(`${user.name} is ${membership.role === 'ta' ? 'a TA' : 'a read-only member'} of ${membership.course}: only an instructor can manage its staff`);
  return { id, name: membership.course };
}

/** A course's members and open invites. */
export async function courseStaff(store: Store, courseId: number): Promise<{ name: string; role: string | null; active: boolean; invitedUntil?: string }[]> {
  return (await listMembers(store, courseId)).map(({ course: _, ...m }) => m);
}

/**
 * Invites `name` to the course: a new user gets a one-time link (valid `days`) to choose a
 * password; a user who already has an account is added with the role at once (they log in as
 * they do), so an instructor never needs the CLI to staff a course.
 */
export async function inviteToCourse(
  store: Store,
  course: { id: number; name: string },
  input: { name: string; role: string; days: number; by: string },
): Promise<{ name: string; role: string; token?: string; expiresAt?: string; added?: true }> {
  checkUserName(input.name);
  const role = checkRole(input.role);
  const existing = await userByName(store, input.name);
  if (existing?.password_hash) {
    await setMembership(store, existing.id, course.id, role);
    return { name: existing.name, role, added: true };
  }
  // A new link replaces the ones sent before: only the newest works.
  if (existing) await revokeInvites(store, existing.id, course.id);
  const invite = await inviteUser(store, { name: input.name, role, course: course.name, by: input.by, days: input.days });
  return { name: input.name, role, token: invite.token, expiresAt: invite.expiresAt.toISOString() };
}

/** A member of the course by name (an invited user too), or NotFound. */
async function memberOf(store: Store, course: { id: number; name: string }, name: string): Promise<{ id: number; active: boolean }> {
  const user = await userByName(store, name);
  const listed = user && (await courseStaff(store, course.id)).find((m) => m.name === user.name);
  if (!user || !listed) throw new NotFound(`${name} is not a member of ${course.name}`);
  return { id: user.id, active: listed.active };
}

const LAST_INSTRUCTOR = (course: string) => `${course} would have no instructor left: make someone else instructor first`;

/** Changes a member's role in the course (never leaving it without an instructor). */
export async function setCourseRole(store: Store, course: { id: number; name: string }, name: string, role: string): Promise<void> {
  const checked = checkRole(role);
  const member = await memberOf(store, course, name);
  if (!member.active) throw new UserError(`${name} has not accepted the invite yet: remove the invite and invite them again with the role`);
  if (!(await changeMembership(store, member.id, course.id, checked))) throw new UserError(LAST_INSTRUCTOR(course.name));
}

/** Removes a member from the course, or takes back their open invite. */
export async function removeFromCourse(store: Store, course: { id: number; name: string }, name: string): Promise<string> {
  const member = await memberOf(store, course, name);
  if (!member.active) {
    await revokeInvites(store, member.id, course.id);
    return `the invite of ${name} to ${course.name} no longer works`;
  }
  if (!(await changeMembership(store, member.id, course.id, null))) throw new UserError(LAST_INSTRUCTOR(course.name));
  return `removed ${name} from ${course.name}`;
}
