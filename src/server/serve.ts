import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { userInfo } from 'node:os';
import { serve } from '@hono/node-server';
import { UserError } from '../model/errors.js';
import { hasUsers, unassignedRuns } from '../store/accounts.js';
import { openStore, type Store } from '../store/db.js';
import { createApp } from './app.js';
import { Review } from './review.js';

export interface ServeOptions {
  /** A SQLite file or a postgres:// URL, or a store already open (closed with the server). */
  db: string | Store;
  /** 0 picks a free port. */
  port: number;
  /** 127.0.0.1 unless given; any other address requires a token. */
  host?: string;
  token?: string;
  /** Who overrides are recorded as in single-user mode (default: the OS user). */
  author?: string;
  /**
   * Staff accounts. Undefined: on when the store has users (`partcredit users add`), else
   * single-user mode. true: required (refused when the store has no user yet).
   */
  auth?: true;
  /** How long a login lasts, in hours (default 12). */
  sessionHours?: number;
  /** Behind one reverse proxy: the login throttle counts by X-Forwarded-For (see `AuthOptions.trustProxy`). */
  trustProxy?: boolean;
  uiDir?: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * Starts the review app. Single-user mode (a store without accounts): on loopback it needs no
 * token; on any other address it refuses to start without one (`--token`, or one it generates
 * and prints in the URL). Accounts mode (the store has users, or `auth`): everyone logs in,
 * on any address, and `notes` says what no account can see yet.
 */
export async function startServer(options: ServeOptions): Promise<{ url: string; port: number; token?: string; accounts: boolean; notes: string[]; close: () => Promise<void>; review: Review }> {
  const host = options.host ?? '127.0.0.1';
  const exposed = !LOOPBACK.has(host);
  if (options.sessionHours !== undefined && !(options.sessionHours > 0 && options.sessionHours <= 24 * 90)) throw new UserError('--session-hours must be between 0 and 2160 (90 days)');
  const store = typeof options.db === 'string' ? await openStore(options.db) : options.db;
  const notes: string[] = [];
  let accounts: boolean;
  try {
    accounts = await hasUsers(store);
    if (options.auth && !accounts)
      throw new UserError(`--auth: ${store.where} has no users yet: add the first instructor with partcredit users add NAME --role instructor --course COURSE --password-stdin`);
    // Accounts replace the shared token and the fixed author: each person logs in, and is the author of what they change.
    if (accounts && options.token !== undefined) throw new UserError('--token is for single-user mode: this store has accounts, so everyone logs in instead');
    if (accounts && options.author !== undefined) throw new UserError('--user is for single-user mode: this store has accounts, so each change is recorded as the user who made it');
    if (!accounts && exposed && options.token !== undefined && options.token.length < 16) throw new UserError('--token must be at least 16 characters', '--token');
    const loose = accounts ? await unassignedRuns(store) : 0;
    if (loose) notes.push(`${loose} run(s) belong to no course, so no account sees them: give them to one with partcredit course assign COURSE --run N (or --unassigned)`);
  } catch (e) {
    if (typeof options.db === 'string') await store.close();
    throw e;
  }
  const token = accounts ? undefined : exposed ? (options.token ?? randomBytes(24).toString('base64url')) : options.token;
  const review = new Review(store, options.author ?? safeUser());
  let hosts: string[] = [];
  let port = 0;
  const { app } = createApp({
    review,
    get hosts() {
      return hosts;
    },
    ...(token ? { token } : {}),
    ...(accounts
      ? {
          auth: {
            store,
            ...(options.sessionHours !== undefined ? { sessionHours: options.sessionHours } : {}),
            ...(options.trustProxy ? { trustProxy: true } : {}),
            get cookieName() {
              return `partcredit_session_${port}`;
            },
          },
        }
      : {}),
    ...(options.uiDir ? { uiDir: options.uiDir } : {}),
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolveServer, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: host }, () => resolveServer(s));
    // Idle keep-alive connections outlive the clients' own idle timeouts (browsers, undici's 4 s): a server closing one as a request arrives on it resets that request, and a POST is not retried.
    Object.assign(s, { keepAliveTimeout: 65_000, headersTimeout: 66_000 });
    s.on('error', (e: NodeJS.ErrnoException) => reject(e.code === 'EADDRINUSE' ? new UserError(`port ${options.port} is in use: give another with --port`) : e));
  });
  port = (server.address() as AddressInfo).port;
  const names = exposed ? [host] : ['127.0.0.1', 'localhost', '[::1]'];
  hosts = names.map((h) => `${h.includes(':') && !h.startsWith('[') ? `[${h}]` : h}:${port}`);
  const base = `http://${hosts[0]}/`;
  return {
    url: token ? `${base}?token=${token}` : base,
    port,
    ...(token ? { token } : {}),
    accounts,
    notes,
    review,
    close: async () => {
      await new Promise<void>((r) => {
        server.close(() => r());
        (server as import('node:http').Server).closeAllConnections?.();
      });
      await store.close();
    },
  };
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'staff';
  }
}
