import type { Store } from './db.js';

/**
 * Login attempts in the store (migration 4), so every `serve` process on one store counts the
 * same tries: a guesser spreading requests over several servers behind a balancer gets no more.
 * Keys are the caller's digest of (address, name); no address or name is stored in clear.
 */

/** One attempt, counted before its password is checked, and what the window holds with it. */
export interface Attempt {
  id: number;
  /** Attempts in the window, this one included. */
  count: number;
  /** When the oldest of them was made (ms): the window opens again `windowMs` after it. */
  oldestAt: number;
}

/**
 * Records an attempt for `key` and counts the window's attempts. Recorded first, counted after:
 * of many attempts at once (in one process or several), the n-th committed sees at least n, so
 * no more than the allowed number ever get to check a password.
 */
export async function countAttempt(store: Store, key: string, now: number, windowMs: number): Promise<Attempt> {
  const since = new Date(now - windowMs).toISOString();
  const row = await store.writingAsync(async () => {
    // Expired attempts of every key go with each new one: the table stays as small as the window.
    await store.db.deleteFrom('login_failures').where('at', '<', since).execute();
    return store.db
      .insertInto('login_failures')
      .values({ key, at: new Date(now).toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
  });
  const seen = await store.db.selectFrom('login_failures').select(['at']).where('key', '=', key).where('at', '>=', since).orderBy('at').execute();
  return { id: row.id, count: seen.length, oldestAt: seen.length ? Date.parse(seen[0]!.at) : now };
}

/** Takes back an attempt that was refused unchecked: a refused try does not push the window further. */
export async function forgetAttempt(store: Store, id: number): Promise<void> {
  await store.writingAsync(() => store.db.deleteFrom('login_failures').where('id', '=', id).execute());
}

/** A right password clears the key's attempts. */
export async function clearAttempts(store: Store, key: string): Promise<void> {
  await store.writingAsync(() => store.db.deleteFrom('login_failures').where('key', '=', key).execute());
}
