import type { GridLensConfig } from '../core/config.js';
import type { Scope } from '../jobs/api-sessions.js';
import type { User } from '../jobs/users.js';
import type { Warehouse } from '../warehouse/warehouse.js';

/** What every route handler can reach: the open store and the configuration. */
export interface ApiContext {
  readonly wh: Warehouse;
  readonly config: GridLensConfig;
  /** Set the Secure flag on cookies (behind TLS). */
  readonly secureCookies: boolean;
}

/** Who is calling: a session user or an API token (with its scopes). */
export interface Principal {
  readonly user: User;
  readonly via: 'session' | 'token';
  /** null for sessions: the user's roles decide alone. */
  readonly scopes: readonly Scope[] | null;
  /** A partner token: exports are aggregated under the 15/15 rule. */
  readonly partner: boolean;
  readonly sessionId?: string;
}

/** The districts a principal may see (null = all). */
export function regionsOf(principal: Principal): readonly string[] | null {
  return principal.user.regions;
}
