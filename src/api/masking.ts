import { maskPii, type PiiKind } from '../core/pii-mask.js';
import type { Role } from '../jobs/users.js';

/**
 * Personal data policy of the API. Every response shows personal data masked (张*, 138****5678,
 * 330102********1234, the address to the district), whatever the role; the roles listed here may
 * ask for the clear values of one customer through POST /customers/:id/unmask, which is audited.
 */
export const UNMASK_ROLES: readonly Role[] = ['admin', 'service', 'risk'];

/** API field name → kind of personal data. */
export const PII_FIELDS = { name: 'name', phone: 'phone', idNumber: 'id_number', address: 'address' } as const satisfies Record<string, PiiKind>;
export type PiiField = keyof typeof PII_FIELDS;

/** A copy with every personal-data field masked. */
export function maskRecord<T extends object>(record: T): T {
  const out = { ...record } as Record<string, unknown>;
  for (const [field, kind] of Object.entries(PII_FIELDS)) {
    if (field in out) out[field] = maskPii(kind, out[field] as string | null);
  }
  return out as T;
}
