import { describe, expect, it } from 'vitest';
import { csrfTokenFor, hashPassword, randomSecret, safeEqual, verifyPassword } from './api-credentials.js';

describe('credentials', () => {
  it('hashes passwords with a per-user salt and verifies only the right one', async () => {
    const [a, b] = await Promise.all([hashPassword('correct horse battery'), hashPassword('correct horse battery')]);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(a, 'correct horse batterz')).toBe(false);
    expect(await verifyPassword('plain-text-password', 'plain-text-password')).toBe(false);
  });

  it('makes 256-bit secrets and a CSRF token bound to the session', () => {
    const s = randomSecret();
    expect(Buffer.from(s, 'base64url')).toHaveLength(32);
    expect(csrfTokenFor(s)).toBe(csrfTokenFor(s));
    expect(csrfTokenFor(s)).not.toBe(csrfTokenFor(randomSecret()));
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });
});
