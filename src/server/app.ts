import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Role } from '../store/accounts.js';
import { csrfOf, currentUser, Forbidden, NotFound, requireRole, Sessions, type AuthOptions, type SessionUser } from './auth.js';
import { isUserError, UserError } from '../model/errors.js';
import type { PartVerdict } from '../model/grade.js';
import type { AcceptAs } from '../documents/key-accept.js';
import type { Review } from './review.js';
import { StaleOverride } from '../store/overrides.js';
import { acceptsGzip, CompressedCache } from './compressed.js';
import { courseStaff, instructorCourse, inviteToCourse, removeFromCourse, setCourseRole } from './staff.js';

/** Where `npm run build` puts the UI Vite built: dist/ui, beside dist/src. */
export const UI_DIR = fileURLToPath(new URL('../../ui/', import.meta.url));

export interface AppOptions {
  review: Review;
  /** Host:port pairs the app answers to (a DNS-rebinding page gets 403). */
  hosts: string[];
  /** Required on every request when set (any bind other than loopback, single-user mode). */
  token?: string;
  /** Staff accounts: every request but the login page's needs a session, and each run route a role in the run's course. */
  auth?: AuthOptions;
  uiDir?: string;
}

type Env = { Variables: { user: SessionUser | undefined } };

/** Routes open without a session in accounts mode: the login page, its assets, logging in and accepting an invite. */
const PUBLIC = new Set(['/login', '/api/login', '/api/invite']);

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Content Security Policy: the app's own scripts only; KaTeX needs inline style attributes and data: fonts. */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The review app's HTTP API and UI. Every write is a JSON POST carrying a CSRF token in a
 * header (which a page on another site cannot send without a CORS preflight this app never
 * grants), from the app's own origin; every request is checked against the Host header
 * (against DNS rebinding). Single-user mode: off loopback every request needs the access
 * token, and the CSRF token is the server's. Accounts mode (`auth`): every request needs a
 * session, the CSRF token is the session's, and each run route checks the user's role in the
 * course that owns the run.
 */
export function createApp(options: AppOptions): { app: Hono<Env>; csrf: string } {
  const { review, auth } = options;
  const csrf = randomBytes(24).toString('base64url');
  const uiDir = options.uiDir ?? UI_DIR;
  const app = new Hono<Env>();
  const sessions = auth ? new Sessions(auth) : undefined;

  app.use('*', async (c, next) => {
    c.header('Content-Security-Policy', CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    const host = c.req.header('host') ?? '';
    if (!options.hosts.includes(host)) return c.text(`partcredit: this server answers to ${options.hosts[0]} only`, 403);
    if (options.token && !auth) {
      const given = c.req.query('token') ?? getCookie(c, 'partcredit_token') ?? c.req.header('authorization')?.replace(/^Bearer\s+/i, '');
      if (!given || !same(given, options.token)) return c.text('partcredit: give the access token (open the URL partcredit serve printed)', 401);
      if (c.req.query('token')) {
        setCookie(c, 'partcredit_token', options.token, { httpOnly: true, sameSite: 'Strict', path: '/' });
        return c.redirect('/');
      }
    }
    const isPublic = PUBLIC.has(c.req.path) || c.req.path.startsWith('/assets/');
    const user = auth && !c.req.path.startsWith('/assets/') ? await currentUser(c, auth) : undefined;
    const open = !auth || isPublic;
    c.set('user', user);
    if (!open && !user) return c.req.path.startsWith('/api/') ? c.json({ error: 'log in first (your session ended, or you never logged in)' }, 401) : c.redirect('/login');
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const origin = c.req.header('origin');
      if (origin && !options.hosts.some((h) => origin === `http://${h}` || origin === `https://${h}`)) return c.json({ error: 'cross-origin write refused' }, 403);
      // A session's own token once logged in; the server's on the login page (there is no session yet).
      const expected = user && !isPublic ? csrfOf(user.token) : csrf;
      if (!same(c.req.header('x-partcredit-csrf') ?? '', expected)) return c.json({ error: 'missing or wrong CSRF token: reload the page' }, 403);
      if (!(c.req.header('content-type') ?? '').startsWith('application/json')) return c.json({ error: 'writes are JSON' }, 415);
    }
    try {
      await next();
    } catch (e) {
      return errorResponse(c, e);
    }
  });
  app.onError((e, c) => errorResponse(c, e));

  const run = (c: Context) => {
    const n = Number(c.req.param('run'));
    if (!Number.isInteger(n)) throw new UserError(`no run ${c.req.param('run')}`);
    return n;
  };
  // In accounts mode a run's routes need the user's role in its course to be at least `needed` (read-only: reading).
  const needs = (needed: Role) => async (c: Context<Env>, next: () => Promise<void>) => {
    const n = Number(c.req.param('run'));
    if (!Number.isInteger(n)) throw new NotFound(`no run ${c.req.param('run')}`);
    if (auth) {
      const user = c.get('user');
      // The middleware above answered 401 already; this is the second lock on the same door.
      if (!user) throw new Forbidden('log in first');
      await requireRole(auth.store, user, n, needed);
    }
    await next();
  };
  // With accounts, the author is the logged-in user, whatever the request says; without, the request's or the server's.
  const authorOf = (c: Context<Env>, given?: string) => c.get('user')?.name ?? (given ? String(given) : undefined);
  const body = async <T>(c: Context): Promise<T> => {
    try {
      return (await c.req.json()) as T;
    } catch {
      throw new UserError('the request body is not JSON');
    }
  };

  app.get('/api/runs', async (c) => {
    const user = c.get('user');
    const runs = await review.listRuns(user ? [...user.courses.keys()] : undefined);
    return c.json(
      runs.map((r) => ({ ...r, course: r.courseId === null ? null : (user?.courses.get(r.courseId)?.course ?? null), role: user ? (user.courses.get(r.courseId!)?.role ?? null) : 'instructor' })),
    );
  });
  app.get('/api/me', (c) => {
    const user = c.get('user');
    return c.json(user ? { mode: 'accounts', name: user.name, courses: [...user.courses].map(([id, m]) => ({ id, ...m })) } : { mode: 'single-user', name: review.defaultAuthor, courses: [] });
  });
  app.post('/api/login', async (c) => (sessions ? sessions.login(c, await body(c)) : c.json({ error: 'this server runs without accounts' }, 404)));
  app.post('/api/invite', async (c) => (sessions ? sessions.accept(c, await body(c)) : c.json({ error: 'this server runs without accounts' }, 404)));
  app.post('/api/logout', async (c) => {
    const user = c.get('user');
    return sessions && user ? sessions.logout(c, user) : c.json({ error: 'this server runs without accounts' }, 404);
  });
  app.use('/api/runs/:run/override', needs('ta'));
  app.use('/api/runs/:run/groups/grade', needs('ta'));
  app.use('/api/runs/:run/accept', needs('instructor'));
  // Everything else about a run is reading (the Canvas export is a POST only to carry the roster).
  app.use('/api/runs/:run/*', needs('read-only'));
  const compressedGrids = new CompressedCache();
  app.get('/api/runs/:run/grid', async (c) => {
    // 1,500 × 30 cells are about 800 kB: a browser that has this version already gets a 304.
    const { json, version, newer } = await review.gridWithVersion(run(c));
    const etag = `"${version}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'no-cache');
    // The grid of the previous grading while a newer one is being read: the UI asks again shortly.
    if (newer) c.header('X-Partcredit-Newer-Grading', 'loading');
    c.header('Vary', 'Accept-Encoding');
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    const type = { 'Content-Type': 'application/json; charset=utf-8' };
    if (!acceptsGzip(c.req.header('accept-encoding'))) return c.body(json, 200, type);
    const gz = await compressedGrids.gzip(c.req.param('run'), version, json);
    // zlib gives a Buffer over an ordinary ArrayBuffer (never shared memory).
    return c.body(gz as Uint8Array<ArrayBuffer>, 200, { ...type, 'Content-Encoding': 'gzip' });
  });
  app.get('/api/runs/:run/part', async (c) => c.json(await review.partView(run(c), c.req.query('submission') ?? '', c.req.query('part') ?? '')));
  app.get('/api/runs/:run/answer.png', async (c) => {
    const png = await review.answerImage(run(c), c.req.query('submission') ?? '', c.req.query('part') ?? '');
    return png
      ? c.body(new Uint8Array(png), 200, { 'Content-Type': 'image/png' })
      : c.json({ error: 'no page image: the submission is not a PDF on disk, or the answer was not found on a page' }, 404);
  });
  app.post('/api/runs/:run/override', async (c) => {
    const b = await body<{ submission: string; part: string; verdict?: PartVerdict; points?: number; comment?: string; author?: string; base?: number | null }>(c);
    return c.json(
      await review.override(run(c), {
        submission: String(b.submission),
        partId: String(b.part),
        // The override the reviewer saw (null: none); a newer one makes this a 409 with the current value.
        ...(b.base === null || typeof b.base === 'number' ? { base: b.base } : {}),
        ...(b.verdict ? { verdict: b.verdict } : {}),
        ...(typeof b.points === 'number' ? { points: b.points } : {}),
        comment: String(b.comment ?? ''),
        ...(authorOf(c, b.author) ? { author: authorOf(c, b.author)! } : {}),
      }),
    );
  });
  app.get('/api/runs/:run/groups', async (c) => c.json(await review.groups(run(c), c.req.query('part') ?? '')));
  app.post('/api/runs/:run/groups/grade', async (c) => {
    const b = await body<{ part: string; submissions: string[]; verdict?: PartVerdict; points?: number; comment?: string; author?: string }>(c);
    const n = await review.gradeGroup(run(c), String(b.part), (b.submissions ?? []).map(String), {
      ...(b.verdict ? { verdict: b.verdict } : {}),
      ...(typeof b.points === 'number' ? { points: b.points } : {}),
      comment: String(b.comment ?? ''),
      ...(authorOf(c, b.author) ? { author: authorOf(c, b.author)! } : {}),
    });
    return c.json({ graded: n });
  });
  app.post('/api/runs/:run/accept', async (c) => {
    const b = await body<{ part: string; answer: string; as?: AcceptAs['as']; credit?: number; label?: string; author?: string }>(c);
    const how: AcceptAs =
      b.as === 'partial' ? { as: 'partial', credit: Number(b.credit ?? 0.5) } : b.as === 'conventions' ? { as: 'conventions', label: String(b.label ?? 'another convention') } : { as: 'accept' };
    return c.json(await review.acceptInKey(run(c), String(b.part), String(b.answer), how, authorOf(c, b.author)));
  });
  app.get('/api/runs/:run/agreement', async (c) => c.json(await review.agreement(run(c))));
  app.get('/api/runs/:run/export/grades.csv', async (c) => {
    c.header('Content-Disposition', `attachment; filename="grades-run-${run(c)}.csv"`);
    return c.body(await review.gradebook(run(c)), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  });
  app.get('/api/runs/:run/export/results.json', async (c) => {
    c.header('Content-Disposition', `attachment; filename="results-run-${run(c)}.json"`);
    return c.json(await review.gradescope(run(c), c.req.query('release') === '1'));
  });
  app.post('/api/runs/:run/export/canvas', async (c) => {
    const b = await body<{ roster: string; assignment?: string }>(c);
    return c.json(await review.canvas(run(c), String(b.roster ?? ''), b.assignment));
  });
  app.get('/api/runs/:run/export/student', async (c) => c.html(await review.studentPage(run(c), c.req.query('submission') ?? '', c.req.query('release') === '1')));

  // A course's staff, managed by its instructors (staff.ts says who may).
  const staffCourse = (c: Context<Env>) => {
    const user = c.get('user');
    if (!auth || !user) throw new NotFound('this server runs without accounts: there is no staff to manage');
    return { user, course: instructorCourse(user, c.req.param('course') ?? '') };
  };
  app.get('/api/courses/:course/staff', async (c) => {
    const { course } = staffCourse(c);
    return c.json({ course: course.name, members: await courseStaff(review.store, course.id) });
  });
  app.post('/api/courses/:course/invite', async (c) => {
    const { user, course } = staffCourse(c);
    const b = await body<{ name?: unknown; role?: unknown; days?: unknown }>(c);
    const r = await inviteToCourse(review.store, course, { name: String(b.name ?? ''), role: String(b.role ?? ''), days: b.days === undefined ? 7 : Number(b.days), by: user.name });
    // The link on the address the instructor reached this server by (checked against --host above); the token in the #fragment.
    const proto = c.req.header('x-forwarded-proto') === 'https' ? 'https' : new URL(c.req.url).protocol.replace(':', '');
    const { token, ...rest } = r;
    return c.json(token ? { ...rest, link: `${proto}://${c.req.header('host')}/login#invite=${token}` } : rest);
  });
  app.post('/api/courses/:course/role', async (c) => {
    const { course } = staffCourse(c);
    const b = await body<{ name?: unknown; role?: unknown }>(c);
    await setCourseRole(review.store, course, String(b.name ?? ''), String(b.role ?? ''));
    return c.json({ ok: true });
  });
  app.post('/api/courses/:course/remove', async (c) => {
    const { course } = staffCourse(c);
    const b = await body<{ name?: unknown }>(c);
    return c.json({ message: await removeFromCourse(review.store, course, String(b.name ?? '')) });
  });

  // The UI: index.html with the CSRF token, and Vite's hashed assets.
  const page = (c: Context<Env>, file: string, token: string) => {
    const path = join(uiDir, file);
    if (!existsSync(path)) return c.text('partcredit: the review UI is not built (npm run build)', 500);
    return c.html(readFileSync(path, 'utf8').replace('<head>', `<head><meta name="partcredit-csrf" content="${token}">`));
  };
  app.get('/', (c) => {
    const user = c.get('user');
    return page(c, 'index.html', user ? csrfOf(user.token) : csrf);
  });
  // The login page: also where an invite link lands (its token in the #fragment, which no server log or Referer sees).
  app.get('/login', (c) => (auth ? page(c, 'login.html', csrf) : c.redirect('/')));
  // The staff page: any logged-in user may open it; the API above shows and changes only the courses they teach.
  app.get('/staff', (c) => {
    const user = c.get('user');
    return user ? page(c, 'staff.html', csrfOf(user.token)) : c.redirect('/');
  });
  app.get('/assets/*', (c) => {
    const rel = normalize(decodeURIComponent(c.req.path)).replace(/^[/\\]+/, '');
    const file = join(uiDir, rel);
    if (!file.startsWith(uiDir.endsWith(sep) ? uiDir : uiDir + sep) || !existsSync(file)) return c.notFound();
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(readFileSync(file), 200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
  });
  return { app, csrf };
}

/** An error as the API answers it: one JSON line with the status that says what kind. */
function errorResponse(c: Context, e: unknown): Response {
  if (e instanceof StaleOverride) return c.json({ error: e.message, current: e.current }, 409);
  if (e instanceof Forbidden) return c.json({ error: e.message }, 403);
  if (e instanceof NotFound) return c.json({ error: e.message }, 404);
  if (isUserError(e)) return c.json({ error: e.message }, 400);
  return c.json({ error: `internal error: ${(e as Error).message}` }, 500);
}
