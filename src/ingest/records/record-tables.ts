import type { z } from 'zod';
import { Account, Customer } from '../../core/schemas/customer.js';
import { Bill, BillLine, Payment } from '../../core/schemas/billing.js';
import { Equipment, TransformerArea } from '../../core/schemas/grid.js';
import { Meter } from '../../core/schemas/meter.js';
import { AppEvent, Ticket } from '../../core/schemas/service.js';
import { Tariff } from '../../core/schemas/tariff.js';

/**
 * How records of one table are validated: the core zod schema (camelCase fields) and the way a
 * validated object becomes a table row (snake_case columns). Most tables map field for field.
 */
export interface RecordTable {
  readonly table: string;
  readonly schema: z.ZodType;
  /** Adjusts the camelCase input before validation (e.g. a comma list into an array). */
  readonly prepare?: (input: Record<string, unknown>) => Record<string, unknown>;
  /** Turns the validated object into the row; default: field by field in snake_case. */
  readonly toRow?: (value: Record<string, unknown>) => Record<string, unknown>;
}

const splitList = (v: unknown) => (typeof v === 'string' ? v.split(/[,;|]/).map((s) => s.trim()).filter(Boolean) : v);

export const recordTables: Readonly<Record<string, RecordTable>> = {
  customers: { table: 'customers', schema: Customer },
  accounts: { table: 'accounts', schema: Account },
  meters: {
    table: 'meters', schema: Meter,
    prepare: (input) => ({ ...input, channels: splitList(input.channels) }),
    toRow: (v) => ({ ...snakeRow(v), channels: (v.channels as string[]).join(',') }),
  },
  transformer_areas: { table: 'transformer_areas', schema: TransformerArea },
  equipment: { table: 'equipment', schema: Equipment },
  tariffs: {
    table: 'tariffs', schema: Tariff,
    prepare: (input) => (typeof input.definition === 'object' && input.definition !== null ? input.definition as Record<string, unknown> : input),
    toRow: (v) => ({ tariff_id: v.tariffId, name: v.name, name_zh: v.nameZh ?? null, customer_class: v.customerClass, currency: v.currency, definition: JSON.stringify(v) }),
  },
  bills: { table: 'bills', schema: Bill },
  bill_lines: { table: 'bill_lines', schema: BillLine },
  payments: { table: 'payments', schema: Payment },
  tickets: { table: 'tickets', schema: Ticket },
  events: { table: 'events', schema: AppEvent, toRow: (v) => ({ ...snakeRow(v), properties: JSON.stringify(v.properties ?? {}) }) },
};

export const referenceTableNames = ['transformer_areas', 'customers', 'accounts', 'meters', 'tariffs', 'equipment', 'bills', 'bill_lines', 'payments', 'tickets'] as const;
export type ReferenceTableName = (typeof referenceTableNames)[number];

export const camelCase = (name: string): string => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
export const snakeCase = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export function snakeRow(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [snakeCase(k), v]));
}
