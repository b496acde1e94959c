import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { UserError } from '../model/errors.js';
import { courseOfRun, createSession, deleteSession, roleAtLeast, sessionUser, type Role } from '../store/accounts.js';
import type { Store } from '../store/db.js';
import { acceptInvite, checkLogin } from './accounts.js';
import { newToken, tokenHash } from './passwords.js';
import { clearAttempts, countAttempt, forgetAttempt } from '../store/login-throttle.js';

/** Staff accounts in the review app: who may log in, for how long, under which cookie. */
export interface AuthOptions {
  store: Store;
  /** How long a session lasts from login (default 12 hours); then the user logs in again. */
  sessionHours?: number;
  /** The session cookie's name (the port is part of it: cookies are not kept apart by port, two local servers would log each other out). */
  cookieName: string;
  /**
   * The server sits behind one reverse proxy: a request's address for the login throttle is the
   * last one in X-Forwarded-For (the one the proxy added; a client can forge only those before
   * it). Without it the header is ignored, and behind a proxy every login would share its address.
   */
  trustProxy?: boolean;
}

/** The address a request came from, as far as this server can trust it (see `AuthOptions.trustProxy`). */
export function clientAddress(c: Context, trustProxy = false): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
    if (forwarded) return forwarded;
  }
  return (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress ?? '';
}

/** The logged-in user of a request and their role in each of their courses. */
export interface SessionUser {
  id: number;
  name: string;
  courses: Map<number, { course: string; role: Role }>;
  /** The token in the cookie (the CSRF token is derived from it). */
  token: string;
}

/** A request the user may not make: the route answers 403 with this message. */
export class Forbidden extends UserError {}
/** A run the user's courses do not own: answered 404 like a run that does not exist, so ids of other courses leak nothing. */
export class NotFound extends UserError {}

/**
 * The CSRF token of a session: derived from the session's secret (a page on another site can
 * read neither), so it needs no storage and survives a server restart with the session.
 */
export function csrfOf(sessionToken: string): string {
  return createHash('sha256').update(`partcredit-csrf\0${sessionToken}`).digest('base64url');
}

/** The session's user, or undefined when the cookie is missing, unknown or expired. */
export async function currentUser(c: Context, auth: AuthOptions): Promise<SessionUser | undefined> {
  const token = getCookie(c, auth.cookieName);
  if (!token || token.length > 100) return undefined;
  const user = await sessionUser(auth.store, tokenHash(token));
  if (!user) {
    // An expired or revoked cookie is dropped, so the browser stops sending it.
    deleteCookie(c, auth.cookieName, { path: '/' });
    return undefined;
  }
  return { id: user.id, name: user.name, courses: user.courses, token };
}

function startSession(c: Context, auth: AuthOptions, userId: number): Promise<string> {
  const token = newToken();
  const hours = auth.sessionHours ?? 12;
  return createSession(auth.store, userId, tokenHash(token), new Date(Date.now() + hours * 3_600_000)).then(() => {
    setCookie(c, auth.cookieName, token, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      maxAge: Math.round(hours * 3600),
      // Behind a TLS proxy the cookie is kept off plain HTTP; on a laptop's loopback there is no TLS to require.
      secure: c.req.header('x-forwarded-proto') === 'https' || new URL(c.req.url).protocol === 'https:',
    });
    return token;
  });
}

/** Login attempts per (address, name) in a quarter hour that may check a password; a right one clears them. */
export const ATTEMPTS_ALLOWED = 5;
export const ATTEMPT_WINDOW_MS = 15 * 60_000;

/** Logging in, out, and accepting invites. Attempts are counted in the store, so every server process on it counts the same. */
export class Sessions {
  constructor(readonly auth: AuthOptions) {}

  /** POST /api/login {name, password}: a session cookie and the page's CSRF token, or 401 (or 429 after repeated failures). */
  async login(c: Context, body: { name?: unknown; password?: unknown }): Promise<Response> {
    const name = typeof body.name === 'string' ? body.name.trim() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const address = clientAddress(c, this.auth.trustProxy);
    const key = createHash('sha256').update(`login\0${address}\0${name.toLowerCase()}`).digest('hex');
    const now = Date.now();
    const attempt = await countAttempt(this.auth.store, key, now, ATTEMPT_WINDOW_MS);
    if (attempt.count > ATTEMPTS_ALLOWED) {
      await forgetAttempt(this.auth.store, attempt.id);
      const wait = Math.max(1, Math.ceil((attempt.oldestAt + ATTEMPT_WINDOW_MS - now) / 1000));
      return c.json(
        {
          error: `too many wrong passwords for ${name || 'this name'} from your address (${ATTEMPTS_ALLOWED} in ${ATTEMPT_WINDOW_MS / 60_000} minutes): try again in ${waitText(wait)}, or ask an instructor to reset your password`,
        },
        429,
        { 'Retry-After': String(wait) },
      );
    }
    const user = await checkLogin(this.auth.store, name, password);
    if (!user) return c.json({ error: 'wrong user name or password' }, 401);
    await clearAttempts(this.auth.store, key);
    const token = await startSession(c, this.auth, user.id);
    return c.json({ name: user.name, csrf: csrfOf(token) });
  }

  /** POST /api/invite {token, password}: sets the password, joins the course, and logs in. */
  async accept(c: Context, body: { token?: unknown; password?: unknown }): Promise<Response> {
    const user = await acceptInvite(this.auth.store, String(body.token ?? ''), String(body.password ?? ''));
    const token = await startSession(c, this.auth, user.id);
    return c.json({ name: user.name, csrf: csrfOf(token) });
  }

  /** POST /api/logout: the session ends in the store (the cookie alone would outlive a logout). */
  async logout(c: Context, user: SessionUser): Promise<Response> {
    await deleteSession(this.auth.store, tokenHash(user.token));
    deleteCookie(c, this.auth.cookieName, { path: '/' });
    return c.json({ ok: true });
  }
}

const ACTIONS: Record<Role, string> = { 'read-only': 'see', ta: 'override grades in', instructor: 'change the key of' };

/**
 * Whether `user` may act on `runId` with at least role `needed`: the run's course must be one
 * of theirs (else NotFound, as for a run that does not exist), and their role there enough
 * (else Forbidden, naming what they lack). Returns their role.
 */
export async function requireRole(store: Store, user: SessionUser, runId: number, needed: Role): Promise<Role> {
  const course = await courseOfRun(store, runId);
  const membership = course === null || course === undefined ? undefined : user.courses.get(course);
  if (!membership) throw new NotFound(`no run ${runId}`);
  if (!roleAtLeast(membership.role, needed)) {
    const who = membership.role === 'ta' ? 'a TA' : 'a read-only member';
    throw new Forbidden(`${user.name} is ${who} of ${membership.course}: only ${needed === 'instructor' ? 'an instructor' : 'a TA or an instructor'} can ${ACTIONS[needed]} its runs`);
  }
  return membership.role;
}

/** Seconds as a person reads them: `40 s`, `12 min`. */
function waitText(seconds: number): string {
  return seconds < 90 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}
