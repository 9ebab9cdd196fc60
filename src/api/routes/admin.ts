import { z } from 'zod';
import { createToken, listTokens, revokeToken, SCOPES } from '../../jobs/api-sessions.js';
import { listAudit, verifyAuditChain } from '../../jobs/audit.js';
import { addUser, listUsers, passwordSchema, regionSchema, ROLES, updateUser, usernameSchema } from '../../jobs/users.js';
import { defineRoute } from '../route.js';
import { idText, pageOf, pageQuery, searchText, userOut } from '../schemas.js';

const tokenOut = z.object({
  tokenId: z.string(), username: z.string(), name: z.string(), scopes: z.array(z.string()), partner: z.boolean(),
  createdAt: z.string(), expiresAt: z.string().nullable(), revoked: z.boolean(),
});
const auditEntry = z.object({
  seq: z.number(), at: z.string(), actor: z.string(), action: z.string(), target: z.string().nullable(), outcome: z.string(),
  ip: z.string().nullable(), details: z.record(z.string(), z.unknown()), prevHash: z.string(), hash: z.string(),
});
const roles = z.array(z.enum(ROLES)).min(1).max(ROLES.length);
const regions = z.array(regionSchema).max(100).nullable();

export const adminRoutes = [
  defineRoute({
    id: 'admin.users.list', method: 'GET', url: '/admin/users', tag: 'admin', summary: 'Users with roles and districts.', response: z.array(userOut),
    handler: async ({ ctx }) => listUsers(ctx.wh),
  }),
  defineRoute({
    id: 'admin.users.create', method: 'POST', url: '/admin/users', tag: 'admin', status: 201,
    summary: 'Add a user; a generated password is returned once when none is given. Audited.',
    body: z.strictObject({ username: usernameSchema, displayName: z.string().min(1).max(100).optional(), roles, regions: regions.optional(), password: passwordSchema.optional() }),
    response: z.object({ user: userOut, password: z.string().optional() }),
    handler: async ({ ctx, principal, body }) => addUser(ctx.wh, body, principal.user.username),
  }),
  defineRoute({
    id: 'admin.users.update', method: 'PATCH', url: '/admin/users/:username', tag: 'admin',
    summary: 'Change roles, districts, the disabled flag or the password of a user (disabling ends their sessions). Audited.',
    params: z.strictObject({ username: usernameSchema }),
    body: z.strictObject({ roles: roles.optional(), regions: regions.optional(), disabled: z.boolean().optional(), displayName: z.string().min(1).max(100).optional(), password: passwordSchema.optional() }),
    response: userOut,
    handler: async ({ ctx, principal, params, body }) => updateUser(ctx.wh, params.username, body, principal.user.username),
  }),
  defineRoute({
    id: 'admin.tokens.list', method: 'GET', url: '/admin/tokens', tag: 'admin', summary: 'API tokens (never their secrets).',
    query: z.strictObject({ username: usernameSchema.optional() }), response: z.array(tokenOut),
    handler: async ({ ctx, query }) => listTokens(ctx.wh, query.username),
  }),
  defineRoute({
    id: 'admin.tokens.create', method: 'POST', url: '/admin/tokens', tag: 'admin', status: 201,
    summary: 'Create a scoped API token for a user; the token is shown once. Audited.',
    body: z.strictObject({ username: usernameSchema, name: z.string().min(1).max(100), scopes: z.array(z.enum(SCOPES)).min(1).max(SCOPES.length), partner: z.boolean().default(false), expiresInDays: z.number().int().min(1).max(3650).optional() }),
    response: z.object({ token: z.string(), info: tokenOut }),
    handler: async ({ ctx, principal, body }) => createToken(ctx.wh, body, principal.user.username),
  }),
  defineRoute({
    id: 'admin.tokens.revoke', method: 'DELETE', url: '/admin/tokens/:tokenId', tag: 'admin', status: 204, summary: 'Revoke a token. Audited.',
    params: z.strictObject({ tokenId: idText }),
    handler: async ({ ctx, principal, params }) => { await revokeToken(ctx.wh, params.tokenId, principal.user.username); return undefined; },
  }),
  defineRoute({
    id: 'admin.audit.list', method: 'GET', url: '/admin/audit', tag: 'admin', summary: 'The audit log, newest first.',
    query: z.strictObject({ ...pageQuery, action: searchText.optional(), actor: searchText.optional() }), response: pageOf(auditEntry),
    handler: async ({ ctx, query }) => listAudit(ctx.wh, query),
  }),
  defineRoute({
    id: 'admin.audit.verify', method: 'GET', url: '/admin/audit/verify', tag: 'admin', summary: 'Recompute the audit hash chain.',
    response: z.object({ ok: z.boolean(), entries: z.number(), headHash: z.string(), firstBadEntry: z.object({ seq: z.number(), reason: z.string() }).optional() }),
    handler: async ({ ctx }) => verifyAuditChain(ctx.wh),
  }),
];
