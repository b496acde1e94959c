import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing with scrypt (memory-hard, in node:crypto: no native addon to build).
 * N = 2^15, r = 8 takes 32 MiB and tens of milliseconds per hash, which is what OWASP's
 * guidance asks of scrypt; the parameters are written into each hash, so raising them later
 * still verifies the old ones.
 */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

/** The shortest password accepted (NIST SP 800-63B's floor is 8). */
export const MIN_PASSWORD = 10;
/** The longest: a megabyte "password" must not cost the server a megabyte of hashing per try. */
export const MAX_PASSWORD = 1024;

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  // maxmem above the 128·N·r bytes scrypt needs (Node's default, 32 MiB, is exactly that and refuses).
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (e, key) => (e ? reject(e) : resolve(key))));
}

/** What is wrong with a password as a new one, or undefined when it will do. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < MIN_PASSWORD) return `a password needs at least ${MIN_PASSWORD} characters`;
  if (password.length > MAX_PASSWORD) return `a password has at most ${MAX_PASSWORD} characters`;
  return undefined;
}

/** `scrypt$N$r$p$salt$hash` (base64url), for the users table. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** A hash of a random password, verified against when the user does not exist, so a wrong name takes as long as a wrong password. */
let decoy: Promise<string> | undefined;

/** Whether `password` matches `stored` (a hash from hashPassword; null: no password set, never matches). */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  if (password.length > MAX_PASSWORD) return false;
  const target = stored ?? (await (decoy ??= hashPassword(randomBytes(18).toString('base64url'))));
  const [scheme, n, r, p, salt, hash] = target.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const got = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return got.length === expected.length && timingSafeEqual(got, expected) && stored !== null;
}

/** A random token for a cookie or an invite link (192 bits). */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** What the store keeps of a token: its sha256, so reading the table gives nobody a session. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
