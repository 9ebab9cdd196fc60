import { createHash, createHmac, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { AppError } from '../core/errors.js';

/**
 * Credential primitives of the platform: scrypt password hashes with a per-user salt, random
 * 256-bit secrets, SHA-256 digests of high-entropy secrets (sessions, tokens) and the CSRF token
 * derived from a session id. Nothing here logs or returns a secret it did not just create.
 */
const SCRYPT = { N: 16_384, r: 8, p: 1, keyLength: 64, saltBytes: 16 } as const;

function scryptAsync(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SCRYPT.saltBytes);
  const key = await scryptAsync(password, salt, SCRYPT.keyLength, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Constant-time check of a password against a stored hash; a malformed hash never matches. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4], 'base64');
  const expected = Buffer.from(parts[5], 'base64');
  if (!Number.isInteger(N) || !Number.isInteger(r) || !Number.isInteger(p) || expected.length === 0) return false;
  const key = await scryptAsync(password, salt, expected.length, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 });
  return timingSafeEqual(key, expected);
}

/** A hash to spend the same time on unknown usernames as on known ones. */
let dummyHash: Promise<string> | undefined;
export function timingDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomSecret());
  return dummyHash;
}

/** 256 random bits, base64url. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** A readable random password (about 120 bits). */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url').replace(/[-_]/g, 'x') + 'A9';
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The CSRF token of a session: an HMAC of its id, so nothing is stored and it dies with the session. */
export function csrfTokenFor(sessionId: string): string {
  return createHmac('sha256', sessionId).update('gridlens-csrf-v1').digest('base64url');
}

/** Constant-time string equality. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** No valid credentials (HTTP 401). */
export class AuthenticationError extends AppError {
  constructor(message = 'authentication required') {
    super('UNAUTHENTICATED', message);
  }
}

/** Authenticated but not allowed (HTTP 403). */
export class ForbiddenError extends AppError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('FORBIDDEN', message, { details });
  }
}

/** Too many failed logins: the username is locked until `until` (HTTP 429). */
export class LockedError extends AppError {
  constructor(readonly until: Date) {
    super('LOCKED', `too many failed logins; try again after ${until.toISOString()}`, { details: { until: until.toISOString() } });
  }
}
