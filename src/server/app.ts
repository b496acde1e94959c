import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { isUserError, UserError } from '../model/errors.js';
import type { PartVerdict } from '../model/grade.js';
import type { AcceptAs } from '../documents/key-accept.js';
import type { Review } from './review.js';
import { StaleOverride } from '../store/overrides.js';

/** Where `npm run build` puts the UI Vite built: dist/ui, beside dist/src. */
export const UI_DIR = fileURLToPath(new URL('../../ui/', import.meta.url));

export interface AppOptions {
  review: Review;
  /** Host:port pairs the app answers to (a DNS-rebinding page gets 403). */
  hosts: string[];
  /** Required on every request when set (any bind other than loopback). */
  token?: string;
  uiDir?: string;
}

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
 * The review app's HTTP API and UI. Every write is a JSON POST carrying the per-server CSRF
 * token in a header (which a page on another site cannot send without a CORS preflight this
 * app never grants), from the app's own origin; every request is checked against the Host
 * header (against DNS rebinding) and, off loopback, against the access token.
 */
export function createApp(options: AppOptions): { app: Hono; csrf: string } {
  const { review } = options;
  const csrf = randomBytes(24).toString('base64url');
  const uiDir = options.uiDir ?? UI_DIR;
  const app = new Hono();

  app.use('*', async (c, next) => {
    c.header('Content-Security-Policy', CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    const host = c.req.header('host') ?? '';
    if (!options.hosts.includes(host)) return c.text(`partcredit: this server answers to ${options.hosts[0]} only`, 403);
    if (options.token) {
      const given = c.req.query('token') ?? getCookie(c, 'partcredit_token') ?? c.req.header('authorization')?.replace(/^Bearer\s+/i, '');
      if (!given || !same(given, options.token)) return c.text('partcredit: give the access token (open the URL partcredit serve printed)', 401);
      if (c.req.query('token')) {
        setCookie(c, 'partcredit_token', options.token, { httpOnly: true, sameSite: 'Strict', path: '/' });
        return c.redirect('/');
      }
    }
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const origin = c.req.header('origin');
      if (origin && !options.hosts.some((h) => origin === `http://${h}`)) return c.json({ error: 'cross-origin write refused' }, 403);
      if (!same(c.req.header('x-partcredit-csrf') ?? '', csrf)) return c.json({ error: 'missing or wrong CSRF token: reload the page' }, 403);
      if (!(c.req.header('content-type') ?? '').startsWith('application/json')) return c.json({ error: 'writes are JSON' }, 415);
    }
    try {
      await next();
    } catch (e) {
      if (isUserError(e)) return c.json({ error: e.message }, 400);
      throw e;
    }
  });
  app.onError((e, c) =>
    e instanceof StaleOverride ? c.json({ error: e.message, current: e.current }, 409) : isUserError(e) ? c.json({ error: e.message }, 400) : c.json({ error: `internal error: ${e.message}` }, 500),
  );

  const run = (c: Context) => {
    const n = Number(c.req.param('run'));
    if (!Number.isInteger(n)) throw new UserError(`no run ${c.req.param('run')}`);
    return n;
  };
  const body = async <T>(c: Context): Promise<T> => {
    try {
      return (await c.req.json()) as T;
    } catch {
      throw new UserError('the request body is not JSON');
    }
  };

  app.get('/api/runs', async (c) => c.json(await review.listRuns()));
  app.get('/api/runs/:run/grid', async (c) => {
    // 1,500 × 30 cells are about 800 kB: a browser that has this version already gets a 304.
    const { json, version, newer } = await review.gridWithVersion(run(c));
    const etag = `"${version}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'no-cache');
    // The grid of the previous grading while a newer one is being read: the UI asks again shortly.
    if (newer) c.header('X-Partcredit-Newer-Grading', 'loading');
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    return c.body(json, 200, { 'Content-Type': 'application/json; charset=utf-8' });
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
        ...(b.author ? { author: String(b.author) } : {}),
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
      ...(b.author ? { author: String(b.author) } : {}),
    });
    return c.json({ graded: n });
  });
  app.post('/api/runs/:run/accept', async (c) => {
    const b = await body<{ part: string; answer: string; as?: AcceptAs['as']; credit?: number; label?: string; author?: string }>(c);
    const how: AcceptAs =
      b.as === 'partial' ? { as: 'partial', credit: Number(b.credit ?? 0.5) } : b.as === 'conventions' ? { as: 'conventions', label: String(b.label ?? 'another convention') } : { as: 'accept' };
    return c.json(await review.acceptInKey(run(c), String(b.part), String(b.answer), how, b.author));
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

  // The UI: index.html with the CSRF token, and Vite's hashed assets.
  app.get('/', (c) => {
    const index = join(uiDir, 'index.html');
    if (!existsSync(index)) return c.text('partcredit: the review UI is not built (npm run build)', 500);
    return c.html(readFileSync(index, 'utf8').replace('<head>', `<head><meta name="partcredit-csrf" content="${csrf}">`));
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
