import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { userInfo } from 'node:os';
import { serve } from '@hono/node-server';
import { UserError } from '../model/errors.js';
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
  /** Who overrides are recorded as (default: the OS user). */
  author?: string;
  uiDir?: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * Starts the review app. On loopback it needs no token; on any other address it refuses to
 * start without one (`--token`, or one it generates and prints in the URL).
 */
export async function startServer(options: ServeOptions): Promise<{ url: string; port: number; token?: string; close: () => Promise<void>; review: Review }> {
  const host = options.host ?? '127.0.0.1';
  const exposed = !LOOPBACK.has(host);
  if (exposed && options.token !== undefined && options.token.length < 16) throw new UserError('--token must be at least 16 characters', '--token');
  const token = exposed ? (options.token ?? randomBytes(24).toString('base64url')) : options.token;
  const store = typeof options.db === 'string' ? await openStore(options.db) : options.db;
  const review = new Review(store, options.author ?? safeUser());
  let hosts: string[] = [];
  const { app } = createApp({
    review,
    get hosts() {
      return hosts;
    },
    ...(token ? { token } : {}),
    ...(options.uiDir ? { uiDir: options.uiDir } : {}),
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolveServer, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: host }, () => resolveServer(s));
    // Idle keep-alive connections outlive the clients' own idle timeouts (browsers, undici's 4 s): a server closing one as a request arrives on it resets that request, and a POST is not retried.
    Object.assign(s, { keepAliveTimeout: 65_000, headersTimeout: 66_000 });
    s.on('error', (e: NodeJS.ErrnoException) => reject(e.code === 'EADDRINUSE' ? new UserError(`port ${options.port} is in use: give another with --port`) : e));
  });
  const port = (server.address() as AddressInfo).port;
  const names = exposed ? [host] : ['127.0.0.1', 'localhost', '[::1]'];
  hosts = names.map((h) => `${h.includes(':') && !h.startsWith('[') ? `[${h}]` : h}:${port}`);
  const base = `http://${hosts[0]}/`;
  return {
    url: token ? `${base}?token=${token}` : base,
    port,
    ...(token ? { token } : {}),
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
