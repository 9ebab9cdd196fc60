import type { Scope } from '../jobs/api-sessions.js';
import type { Role } from '../jobs/users.js';

/**
 * THE authorization table: every API route id → the roles that may call it and the scope a token
 * needs. A request passes when one of the caller's roles is listed and, for an API token, the token
 * holds the scope (a token never exceeds its owner's roles). Routes absent here are public:
 * only those in PUBLIC_ROUTES. Tests iterate this table over every route × every role.
 */
export interface RoutePolicy {
  readonly roles: readonly Role[];
  /** null: any authenticated caller's token may call it (who am I, log out). */
  readonly scope: Scope | null;
}

const everyone: readonly Role[] = ['admin', 'marketing', 'service', 'operations', 'risk', 'analyst', 'auditor'];
/** Roles that may see customer records (masked). The auditor reads the audit log and aggregates only. */
const customerReaders: readonly Role[] = ['admin', 'marketing', 'service', 'operations', 'risk', 'analyst'];

/**
 * Risk lists and alerts name customers (masked): customer records, so not for the auditor, who sees
 * only the aggregate risk overview. Only risk and admin record inspections.
 */
const riskReaders: readonly Role[] = ['admin', 'risk', 'operations', 'analyst'];
const riskAggregateReaders: readonly Role[] = [...riskReaders, 'auditor'];

export const PUBLIC_ROUTES = ['health', 'auth.login'] as const;

export const PERMISSIONS = {
  'auth.me': { roles: everyone, scope: null },
  'auth.logout': { roles: everyone, scope: null },
  'overview.get': { roles: everyone, scope: 'analytics:read' },
  'customers.search': { roles: customerReaders, scope: 'customers:read' },
  'customers.profile': { roles: customerReaders, scope: 'customers:read' },
  'customers.unmask': { roles: ['admin', 'service', 'risk'], scope: 'customers:unmask' },
  'customers.load': { roles: customerReaders, scope: 'load:read' },
  'quality.report': { roles: ['admin', 'operations', 'analyst', 'auditor'], scope: 'quality:read' },
  'ingest.runs': { roles: ['admin', 'operations', 'analyst', 'auditor'], scope: 'quality:read' },
  'tariffs.list': { roles: everyone, scope: 'tariffs:read' },
  'tariffs.get': { roles: everyone, scope: 'tariffs:read' },
  'tariffs.simulate': { roles: ['admin', 'marketing', 'service', 'analyst'], scope: 'tariffs:read' },
  'forecasts.runs': { roles: everyone, scope: 'analytics:read' },
  'forecasts.series': { roles: ['admin', 'marketing', 'service', 'operations', 'risk', 'analyst'], scope: 'analytics:read' },
  'offers.list': { roles: ['admin', 'marketing', 'service', 'analyst'], scope: 'analytics:read' },
  'dr.programs': { roles: ['admin', 'marketing', 'operations', 'analyst'], scope: 'analytics:read' },
  'dr.events': { roles: ['admin', 'marketing', 'operations', 'analyst'], scope: 'analytics:read' },
  'dr.event': { roles: ['admin', 'marketing', 'operations', 'analyst'], scope: 'analytics:read' },
  'segments.list': { roles: everyone, scope: 'analytics:read' },
  'tags.list': { roles: everyone, scope: 'analytics:read' },
  'risk.theft': { roles: riskReaders, scope: 'risk:read' },
  'risk.inspections.create': { roles: ['admin', 'risk'], scope: 'risk:write' },
  'risk.alerts': { roles: riskReaders, scope: 'risk:read' },
  'risk.overview': { roles: riskAggregateReaders, scope: 'risk:read' },
  'risk.lists': { roles: riskReaders, scope: 'risk:read' },
  'credit.get': { roles: riskReaders, scope: 'risk:read' },
  'exports.get': { roles: ['admin', 'marketing', 'operations', 'risk', 'analyst'], scope: 'exports:read' },
  'admin.users.list': { roles: ['admin'], scope: 'admin:read' },
  'admin.users.create': { roles: ['admin'], scope: 'admin:write' },
  'admin.users.update': { roles: ['admin'], scope: 'admin:write' },
  'admin.tokens.list': { roles: ['admin'], scope: 'admin:read' },
  'admin.tokens.create': { roles: ['admin'], scope: 'admin:write' },
  'admin.tokens.revoke': { roles: ['admin'], scope: 'admin:write' },
  'admin.audit.list': { roles: ['admin', 'auditor'], scope: 'audit:read' },
  'admin.audit.verify': { roles: ['admin', 'auditor'], scope: 'audit:read' },
} as const satisfies Record<string, RoutePolicy>;

export type PermissionId = keyof typeof PERMISSIONS;
export type RouteId = PermissionId | (typeof PUBLIC_ROUTES)[number];

/** Whether roles (and, for a token, scopes) allow the route. */
export function isAllowed(id: PermissionId, roles: readonly Role[], scopes: readonly Scope[] | null): boolean {
  const policy: RoutePolicy = PERMISSIONS[id];
  if (!roles.some((r) => policy.roles.includes(r))) return false;
  return scopes === null || policy.scope === null || scopes.includes(policy.scope);
}
