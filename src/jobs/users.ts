import { z } from 'zod';
import type { GridLensConfig } from '../core/config.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { generatePassword, hashPassword } from './api-credentials.js';
import { invalidateAuthCache } from './api-auth-cache.js';
import { insertRows, serializeWrites } from './api-write-lock.js';
import { appendAuditLocked } from './audit.js';
import { withStore } from './store.js';

/** The platform roles. analyst is read-only and always masked; auditor reads the audit log. */
export const ROLES = ['admin', 'marketing', 'service', 'operations', 'risk', 'analyst', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const usernameSchema = z.string().regex(/^[a-z0-9][a-z0-9_.-]{1,31}$/, 'a username is 2-32 characters: a-z, 0-9, _ . -');
export const passwordSchema = z.string().min(12, 'a password has at least 12 characters').max(256);
export const roleSchema = z.enum(ROLES);
export const regionSchema = z.string().min(1).max(64).regex(/^[^,]+$/, 'a district name has no comma');

export interface User {
  readonly username: string;
  readonly displayName: string;
  readonly roles: Role[];
  /** Districts the user sees; null = every district. */
  readonly regions: string[] | null;
  readonly disabled: boolean;
}

type UserRow = { username: string; display_name: string; roles: string; regions: string | null; disabled: boolean; password_hash: string };

export function userFromRow(r: Pick<UserRow, 'username' | 'display_name' | 'roles' | 'regions' | 'disabled'>): User {
  return {
    username: r.username, displayName: r.display_name, roles: r.roles.split(',').filter(Boolean) as Role[],
    regions: r.regions === null ? null : r.regions.split(',').filter(Boolean), disabled: Boolean(r.disabled),
  };
}

/** A user with the stored password hash (for login only; never returned by the API). */
export async function findUserWithHash(wh: Warehouse, username: string): Promise<(User & { passwordHash: string }) | null> {
  const [row] = await wh.query<UserRow>('SELECT * FROM users WHERE username = ?', [username]);
  return row ? { ...userFromRow(row), passwordHash: row.password_hash } : null;
}

export async function getUser(wh: Warehouse, username: string): Promise<User> {
  const [row] = await wh.query<UserRow>('SELECT username, display_name, roles, regions, disabled FROM users WHERE username = ?', [username]);
  if (!row) throw new NotFoundError('user', username);
  return userFromRow(row);
}

export async function listUsers(wh: Warehouse): Promise<User[]> {
  const rows = await wh.query<UserRow>('SELECT username, display_name, roles, regions, disabled FROM users ORDER BY username');
  return rows.map(userFromRow);
}

export interface AddUserRequest {
  readonly username: string;
  readonly displayName?: string;
  readonly roles: readonly string[];
  readonly regions?: readonly string[] | null;
  /** Generated (and returned once) when absent. */
  readonly password?: string;
}

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(`${what}: ${result.error.issues[0]?.message ?? 'invalid'}`, { field: what });
  return result.data;
}

function parseRoles(roles: readonly string[]): Role[] {
  if (roles.length === 0) throw new ValidationError('roles: give at least one role', { field: 'roles', allowed: ROLES });
  for (const role of roles) {
    if (!roleSchema.safeParse(role).success) throw new ValidationError(`roles: unknown role "${role}" (one of ${ROLES.join(', ')})`, { field: 'roles', role });
  }
  return [...new Set(roles)] as Role[];
}

function parseRegions(regions: readonly string[] | null | undefined): string[] | null {
  if (!regions || regions.length === 0) return null;
  return [...new Set(regions.map((r) => parse(regionSchema, r.trim(), 'regions')))];
}

/** Adds a user; returns the generated password once when none was given. */
export async function addUser(wh: Warehouse, request: AddUserRequest, actor: string, now = new Date()): Promise<{ user: User; password?: string }> {
  const username = parse(usernameSchema, request.username, 'username');
  const roles = parseRoles(request.roles);
  const regions = parseRegions(request.regions);
  const generated = request.password === undefined ? generatePassword() : undefined;
  const password = parse(passwordSchema, request.password ?? generated, 'password');
  const passwordHash = await hashPassword(password);
  return serializeWrites(wh, async () => {
    const [exists] = await wh.query('SELECT 1 FROM users WHERE username = ?', [username]);
    if (exists) throw new ValidationError(`username: user ${username} already exists`, { field: 'username' });
    await insertRows(wh, 'users', [{
      username, display_name: request.displayName ?? username, password_hash: passwordHash, roles: roles.join(','),
      regions: regions?.join(',') ?? null, disabled: false, created_at: now, updated_at: now,
    }]);
    await appendAuditLocked(wh, { actor, action: 'user.add', target: username, details: { roles, regions } }, now);
    return { user: { username, displayName: request.displayName ?? username, roles, regions, disabled: false }, ...(generated ? { password: generated } : {}) };
  });
}

export interface UpdateUserRequest {
  readonly roles?: readonly string[];
  readonly regions?: readonly string[] | null;
  readonly disabled?: boolean;
  readonly displayName?: string;
  readonly password?: string;
}

/** Changes roles, regions, the disabled flag or the password; audited (the password itself never is). */
export async function updateUser(wh: Warehouse, username: string, patch: UpdateUserRequest, actor: string, now = new Date()): Promise<User> {
  const sets: string[] = [];
  const params: (string | boolean | null | Date)[] = [];
  const changed: Record<string, unknown> = {};
  if (patch.roles !== undefined) { const roles = parseRoles(patch.roles); sets.push('roles = ?'); params.push(roles.join(',')); changed.roles = roles; }
  if (patch.regions !== undefined) { const regions = parseRegions(patch.regions); sets.push('regions = ?'); params.push(regions?.join(',') ?? null); changed.regions = regions; }
  if (patch.disabled !== undefined) { sets.push('disabled = ?'); params.push(patch.disabled); changed.disabled = patch.disabled; }
  if (patch.displayName !== undefined) { sets.push('display_name = ?'); params.push(parse(z.string().min(1).max(100), patch.displayName, 'displayName')); changed.displayName = true; }
  if (patch.password !== undefined) { sets.push('password_hash = ?'); params.push(await hashPassword(parse(passwordSchema, patch.password, 'password'))); changed.password = 'changed'; }
  if (sets.length === 0) throw new ValidationError('nothing to change: give roles, regions, disabled, displayName or password');
  return serializeWrites(wh, async () => {
    await getUser(wh, username);
    await wh.run(`UPDATE users SET ${sets.join(', ')}, updated_at = ? WHERE username = ?`, [...params, now, username]);
    if (patch.disabled || patch.password !== undefined) await wh.run('DELETE FROM sessions WHERE username = ?', [username]);
    invalidateAuthCache(wh);
    await appendAuditLocked(wh, { actor, action: 'user.update', target: username, details: changed }, now);
    return getUser(wh, username);
  });
}

/** Creates `admin` with a random password when the store has no user; the password is returned once. */
export async function ensureFirstAdmin(config: Pick<GridLensConfig, 'db'>, warehouse?: Warehouse): Promise<{ created: boolean; username: string; password?: string }> {
  return withStore(config, async (wh) => {
    const [{ n }] = await wh.query<{ n: number }>('SELECT count(*) AS n FROM users');
    if (Number(n) > 0) return { created: false, username: 'admin' };
    const { password } = await addUser(wh, { username: 'admin', displayName: 'Administrator', roles: ['admin'] }, 'system');
    return { created: true, username: 'admin', password };
  }, { warehouse });
}

/** Sets a new password (generated and returned once when none is given); ends the user's sessions. */
export async function resetPassword(wh: Warehouse, username: string, password: string | undefined, actor: string): Promise<{ user: User; password?: string }> {
  const generated = password === undefined ? generatePassword() : undefined;
  const user = await updateUser(wh, username, { password: password ?? generated }, actor);
  return { user, ...(generated ? { password: generated } : {}) };
}

/** CLI wrappers (`gridlens user ...`): each opens the store, acts as the operating-system user. */
export const userJobs = {
  add: (config: Pick<GridLensConfig, 'db'>, request: AddUserRequest, actor: string, warehouse?: Warehouse) =>
    withStore(config, (wh) => addUser(wh, request, actor), { warehouse }),
  update: (config: Pick<GridLensConfig, 'db'>, username: string, patch: UpdateUserRequest, actor: string, warehouse?: Warehouse) =>
    withStore(config, (wh) => updateUser(wh, username, patch, actor), { warehouse }),
  passwd: (config: Pick<GridLensConfig, 'db'>, username: string, password: string | undefined, actor: string, warehouse?: Warehouse) =>
    withStore(config, (wh) => resetPassword(wh, username, password, actor), { warehouse }),
  list: (config: Pick<GridLensConfig, 'db'>, warehouse?: Warehouse) => withStore(config, listUsers, { warehouse }),
};
