import type { GridLensConfig } from '../core/config.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { AuthenticationError, LockedError, randomSecret, sha256Hex, timingDummyHash, verifyPassword } from './api-credentials.js';
import { cached, invalidateAuthCache } from './api-auth-cache.js';
import { insertRows, serializeWrites } from './api-write-lock.js';
import { appendAuditLocked } from './audit.js';
import { withStore } from './store.js';
import { findUserWithHash, getUser, userFromRow, usernameSchema, type User } from './users.js';

/** Lockout: this many failures within the window lock the username for the window. */
export const LOCKOUT = { failures: 5, windowMs: 15 * 60_000 } as const;
export const SESSION_TTL_MS = 8 * 60 * 60_000;

/** Token scopes: a token may call a route only when it holds the route's scope. */
export const SCOPES = [
  'customers:read', 'customers:unmask', 'load:read', 'quality:read', 'tariffs:read', 'analytics:read', 'risk:read', 'risk:write',
  'exports:read', 'admin:read', 'admin:write', 'audit:read',
] as const;
export type Scope = (typeof SCOPES)[number];

export interface LoginRequest { readonly username: string; readonly password: string; readonly ip?: string | null; readonly now?: Date }
export interface LoginResult { readonly user: User; readonly sessionId: string; readonly expiresAt: Date }

async function lockedUntil(wh: Warehouse, username: string, now: Date): Promise<Date | null> {
  const since = new Date(now.getTime() - LOCKOUT.windowMs);
  const rows = await wh.query<{ at: Date; success: boolean }>(
    'SELECT attempted_at AS "at", success FROM login_attempts WHERE username = ? AND attempted_at >= ? ORDER BY attempted_at DESC LIMIT ?', [username, since, LOCKOUT.failures]);
  const failures = rows.filter((r) => !r.success);
  if (failures.length < LOCKOUT.failures || rows.some((r) => r.success)) return null;
  return new Date(failures[0].at.getTime() + LOCKOUT.windowMs);
}

/**
 * Checks a password. Every attempt is recorded and audited; after LOCKOUT.failures failures within
 * the window the username is locked (LockedError) whether or not it exists, so lockout reveals nothing.
 */
export async function login(wh: Warehouse, request: LoginRequest): Promise<LoginResult> {
  const now = request.now ?? new Date();
  const username = request.username.trim().toLowerCase().slice(0, 64);
  const until = await lockedUntil(wh, username, now);
  if (until && until > now) {
    await serializeWrites(wh, () => appendAuditLocked(wh, { actor: username, action: 'auth.login_locked', outcome: 'denied', ip: request.ip }, now));
    throw new LockedError(until);
  }
  const found = usernameSchema.safeParse(username).success ? await findUserWithHash(wh, username) : null;
  const matches = await verifyPassword(found?.passwordHash ?? (await timingDummyHash()), request.password);
  const ok = Boolean(found && matches && !found.disabled);
  const sessionId = randomSecret();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await serializeWrites(wh, async () => {
    await insertRows(wh, 'login_attempts', [{ username, attempted_at: now, ip: request.ip ?? null, success: ok }]);
    if (ok) await insertRows(wh, 'sessions', [{ session_hash: sha256Hex(sessionId), username, created_at: now, expires_at: expiresAt, ip: request.ip ?? null }]);
    await appendAuditLocked(wh, { actor: username, action: ok ? 'auth.login' : 'auth.login_failed', outcome: ok ? 'ok' : 'denied', ip: request.ip }, now);
  });
  if (!ok || !found) throw new AuthenticationError('wrong username or password');
  const { passwordHash: _hidden, ...user } = found;
  return { user, sessionId, expiresAt };
}

/** The user of a live session, or null. */
export async function resolveSession(wh: Warehouse, sessionId: string, now = new Date()): Promise<User | null> {
  const entry = await cached(wh, `s:${sha256Hex(sessionId)}`, now, () => loadSession(wh, sessionId, now));
  return entry && entry.expiresAt > now ? entry.user : null;
}

async function loadSession(wh: Warehouse, sessionId: string, now: Date): Promise<{ user: User; expiresAt: Date } | null> {
  const [row] = await wh.query<{ username: string; display_name: string; roles: string; regions: string | null; disabled: boolean; expires_at: Date }>(
    `SELECT u.username, u.display_name, u.roles, u.regions, u.disabled, s.expires_at FROM sessions s JOIN users u ON u.username = s.username
     WHERE s.session_hash = ? AND s.expires_at > ?`, [sha256Hex(sessionId), now]);
  if (!row || row.disabled) return null;
  return { user: userFromRow(row), expiresAt: row.expires_at };
}

export async function logout(wh: Warehouse, sessionId: string, actor: string, ip?: string | null): Promise<void> {
  invalidateAuthCache(wh);
  await serializeWrites(wh, async () => {
    await wh.run('DELETE FROM sessions WHERE session_hash = ?', [sha256Hex(sessionId)]);
    await appendAuditLocked(wh, { actor, action: 'auth.logout', ip });
  });
}

export interface CreateTokenRequest {
  readonly username: string;
  readonly name: string;
  readonly scopes: readonly string[];
  /** A partner outside the company: its exports are always aggregated under the 15/15 rule. */
  readonly partner?: boolean;
  readonly expiresInDays?: number;
}

export interface TokenInfo {
  readonly tokenId: string; readonly username: string; readonly name: string; readonly scopes: Scope[]; readonly partner: boolean;
  readonly createdAt: string; readonly expiresAt: string | null; readonly revoked: boolean;
}

function parseScopes(scopes: readonly string[]): Scope[] {
  if (scopes.length === 0) throw new ValidationError('scopes: give at least one scope', { allowed: SCOPES });
  for (const s of scopes) if (!(SCOPES as readonly string[]).includes(s)) throw new ValidationError(`scopes: unknown scope "${s}" (one of ${SCOPES.join(', ')})`, { scope: s });
  return [...new Set(scopes)] as Scope[];
}

/** Creates a token `glt_<id>_<secret>`; the whole token is returned once, only its SHA-256 is stored. */
export async function createToken(wh: Warehouse, request: CreateTokenRequest, actor: string, now = new Date()): Promise<{ token: string; info: TokenInfo }> {
  const scopes = parseScopes(request.scopes);
  await getUser(wh, request.username);
  const tokenId = randomSecret(9);
  const token = `glt_${tokenId}_${randomSecret()}`;
  const expiresAt = request.expiresInDays ? new Date(now.getTime() + request.expiresInDays * 86_400_000) : null;
  const name = request.name.slice(0, 100) || 'token';
  await serializeWrites(wh, async () => {
    await insertRows(wh, 'api_tokens', [{
      token_id: tokenId, token_hash: sha256Hex(token), username: request.username, name, scopes: scopes.join(','), partner: Boolean(request.partner),
      created_at: now, expires_at: expiresAt, revoked_at: null,
    }]);
    await appendAuditLocked(wh, { actor, action: 'token.create', target: request.username, details: { tokenId, scopes, partner: Boolean(request.partner) } }, now);
  });
  return { token, info: { tokenId, username: request.username, name, scopes, partner: Boolean(request.partner), createdAt: now.toISOString(), expiresAt: expiresAt?.toISOString() ?? null, revoked: false } };
}

export interface TokenPrincipal { readonly user: User; readonly scopes: Scope[]; readonly partner: boolean; readonly tokenId: string }

/** The owner and scopes of a live token, or null. */
export async function resolveToken(wh: Warehouse, token: string, now = new Date()): Promise<TokenPrincipal | null> {
  const entry = await cached(wh, `t:${sha256Hex(token)}`, now, () => loadToken(wh, token, now));
  return entry && (entry.expiresAt === null || entry.expiresAt > now) ? entry.principal : null;
}

async function loadToken(wh: Warehouse, token: string, now: Date): Promise<{ principal: TokenPrincipal; expiresAt: Date | null } | null> {
  const match = /^glt_([A-Za-z0-9_-]{12})_[A-Za-z0-9_-]{43}$/.exec(token);
  if (!match) return null;
  const [row] = await wh.query<{ token_hash: string; scopes: string; partner: boolean; expires_at: Date | null; revoked_at: Date | null; username: string }>(
    'SELECT token_hash, scopes, partner, expires_at, revoked_at, username FROM api_tokens WHERE token_id = ?', [match[1]]);
  if (!row || row.revoked_at || (row.expires_at && row.expires_at <= now) || row.token_hash !== sha256Hex(token)) return null;
  const user = await getUser(wh, row.username).catch(() => null);
  if (!user || user.disabled) return null;
  return { principal: { user, scopes: row.scopes.split(',') as Scope[], partner: Boolean(row.partner), tokenId: match[1] }, expiresAt: row.expires_at };
}

export async function listTokens(wh: Warehouse, username?: string): Promise<TokenInfo[]> {
  const rows = await wh.query<{ token_id: string; username: string; name: string; scopes: string; partner: boolean; created_at: Date; expires_at: Date | null; revoked_at: Date | null }>(
    `SELECT token_id, username, name, scopes, partner, created_at, expires_at, revoked_at FROM api_tokens ${username ? 'WHERE username = ?' : ''} ORDER BY created_at`,
    username ? [username] : []);
  return rows.map((r) => ({
    tokenId: r.token_id, username: r.username, name: r.name, scopes: r.scopes.split(',') as Scope[], partner: Boolean(r.partner),
    createdAt: r.created_at.toISOString(), expiresAt: r.expires_at?.toISOString() ?? null, revoked: r.revoked_at !== null,
  }));
}

export async function revokeToken(wh: Warehouse, tokenId: string, actor: string, now = new Date()): Promise<void> {
  await serializeWrites(wh, async () => {
    const [row] = await wh.query('SELECT 1 FROM api_tokens WHERE token_id = ?', [tokenId]);
    if (!row) throw new NotFoundError('token', tokenId);
    await wh.run('UPDATE api_tokens SET revoked_at = ? WHERE token_id = ? AND revoked_at IS NULL', [now, tokenId]);
    invalidateAuthCache(wh);
    await appendAuditLocked(wh, { actor, action: 'token.revoke', target: tokenId }, now);
  });
}

/** CLI wrappers (`gridlens user token ...`). */
export const tokenJobs = {
  create: (config: Pick<GridLensConfig, 'db'>, request: CreateTokenRequest, actor: string, warehouse?: Warehouse) =>
    withStore(config, (wh) => createToken(wh, request, actor), { warehouse }),
  list: (config: Pick<GridLensConfig, 'db'>, username?: string, warehouse?: Warehouse) => withStore(config, (wh) => listTokens(wh, username), { warehouse }),
  revoke: (config: Pick<GridLensConfig, 'db'>, tokenId: string, actor: string, warehouse?: Warehouse) =>
    withStore(config, (wh) => revokeToken(wh, tokenId, actor), { warehouse }),
};
