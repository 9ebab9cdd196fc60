import type { GridLensConfig } from '../core/config.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import { maskPii } from '../core/pii-mask.js';
import { defaultTagCatalogue, type TagCatalogue } from '../analytics/tags/index.js';
import { allTables, type TableDef } from '../warehouse/schema/index.js';
import type { Row, Warehouse } from '../warehouse/warehouse.js';
import { withStore } from './store.js';

export interface ProfileOptions {
  /** Show personal data in clear (only for callers that checked the permission, e.g. the API by role). Default false. */
  readonly unmasked?: boolean;
  /** Recent records of each kind (default 6). */
  readonly recent?: number;
  readonly catalogue?: TagCatalogue;
  /**
   * Optional tables the caller knows hold no rows (see `emptyProfileTables`): not queried. The
   * API passes a briefly cached set; one-off callers leave it out and every table is asked.
   */
  readonly emptyTables?: ReadonlySet<string>;
  /** Leave the `customer` row in clear even when the rest is masked: for a caller that masks it itself (the API). */
  readonly customerInClear?: boolean;
}

export interface ProfileTag {
  readonly id: string;
  readonly version: number;
  readonly category: string | null;
  readonly label: { readonly 'zh-CN': string; readonly en: string };
  readonly description: { readonly 'zh-CN': string; readonly en: string } | null;
  readonly evidence: Record<string, unknown>;
}

/** A score or segment found in another engineer's table (looked up by name at run time). */
export interface ProfileScore {
  readonly table: string;
  readonly row: Row;
}

export interface CustomerProfile {
  readonly customerId: string;
  readonly masked: boolean;
  readonly customer: Row;
  readonly area: Row | null;
  readonly tariff: Row | null;
  readonly accounts: Row[];
  readonly meters: Row[];
  /** The latest feature vector (without the shape columns), or null before `gridlens run features`. */
  readonly features: Row | null;
  /** Normalised typical daily load shape, 24 local hours. */
  readonly shape: number[] | null;
  readonly monthly: { readonly month: string; readonly kwh: number; readonly days: number; readonly peakKw: number }[];
  readonly tags: ProfileTag[];
  readonly scores: ProfileScore[];
  readonly recent: { readonly bills: Row[]; readonly payments: Row[]; readonly tickets: Row[]; readonly events: Row[] };
}

const customerTable = allTables.find((t) => t.name === 'customers')!;
/** Tables of customer-level results other steps write (segments, value, churn, credit ...). */
const SCORE_TABLE = /(segment|value|churn|credit|score|risk|arrears)/;
const ORDER_COLUMNS = ['as_of', 'scored_at', 'computed_at', 'created_at', 'run_id'];

function maskRow(row: Row, table: TableDef, unmasked: boolean): Row {
  if (unmasked) return row;
  const out: Row = { ...row };
  for (const c of table.columns) if (c.pii && c.name in out) out[c.name] = maskPii(c.pii, out[c.name] == null ? null : String(out[c.name]));
  return out;
}

/** Customer-level result tables defined in the registry (by name), with the column to take the latest row by. */
export function scoreTables(): { table: TableDef; orderBy: string | undefined }[] {
  return allTables
    .filter((t) => !t.name.startsWith('truth.') && SCORE_TABLE.test(t.name) && t.columns.some((c) => c.name === 'customer_id'))
    .map((table) => ({ table, orderBy: ORDER_COLUMNS.find((name) => table.columns.some((c) => c.name === name)) }));
}

async function optionalQuery(wh: Warehouse, sql: string, params: unknown[]): Promise<Row[] | null> {
  try {
    return await wh.query(sql, params as never);
  } catch {
    return null; // the table is defined but not in this store (created before its migration), or its step never ran
  }
}

/**
 * The customer 360 profile (客户画像): facts, accounts, meters, tariff and area, the latest
 * features and tags with their labels, segment and scores from whichever result tables exist,
 * and the recent bills, payments, tickets and events. Personal data is masked unless `unmasked`.
 */
export async function getCustomerProfile(wh: Warehouse, customerId: string, options: ProfileOptions = {}): Promise<CustomerProfile> {
  if (!customerId.trim()) throw new ValidationError('customer id: must not be empty');
  const unmasked = options.unmasked === true;
  const recent = options.recent ?? 6;
  if (!Number.isInteger(recent) || recent < 0 || recent > 1000) throw new ValidationError(`recent: expected 0–1000, got ${recent}`);
  const catalogue = options.catalogue ?? defaultTagCatalogue;
  const empty = options.emptyTables ?? new Set<string>();
  // Independent reads are issued together: the store queues them without a round trip through the event loop each.
  const rowsOf = (table: string, sql: string, p: unknown[]): Promise<Row[]> => (empty.has(table) ? Promise.resolve([]) : wh.query(sql, p as never));
  const one = async (table: string, sql: string, p: unknown[]) => (await rowsOf(table, sql, p))[0] ?? null;
  const [customers, accounts, meters, featureRow, monthRows, scores, bills, payments, tickets, events] = await Promise.all([
    wh.query('SELECT * FROM customers WHERE customer_id = ?', [customerId]),
    rowsOf('accounts', 'SELECT account_id, payment_method, prepaid, deposit_cny, currency, open_date FROM accounts WHERE customer_id = ? ORDER BY account_id', [customerId]),
    rowsOf('meters', 'SELECT meter_id, meter_no, area_id, interval_minutes, channels, phases, install_date FROM meters WHERE customer_id = ? ORDER BY meter_id', [customerId]),
    one('customer_features', 'SELECT * FROM customer_features WHERE customer_id = ? ORDER BY as_of DESC, feature_version DESC LIMIT 1', [customerId]),
    rowsOf('customer_month_features',
      'SELECT CAST(month AS VARCHAR) AS month, kwh, days, peak_kw FROM customer_month_features WHERE customer_id = ? ORDER BY month DESC LIMIT 12', [customerId]),
    Promise.all(scoreTables().filter(({ table }) => !empty.has(table.name)).map(async ({ table, orderBy }): Promise<ProfileScore | null> => {
      const order = orderBy ? ` ORDER BY ${wh.dialect.quoteIdent(orderBy)} DESC` : '';
      const rows = await optionalQuery(wh, `SELECT * FROM ${table.name.split('.').map((p) => wh.dialect.quoteIdent(p)).join('.')} WHERE customer_id = ?${order} LIMIT 1`, [customerId]);
      return rows && rows[0] ? { table: table.name, row: maskRow(rows[0], table, unmasked) } : null;
    })),
    rowsOf('bills',
      'SELECT bill_id, CAST(period_start AS VARCHAR) AS period_start, CAST(period_end AS VARCHAR) AS period_end, kwh_total, amount, currency, CAST(due_date AS VARCHAR) AS due_date FROM bills WHERE customer_id = ? ORDER BY period_start DESC LIMIT ?',
      [customerId, recent]),
    rowsOf('payments', 'SELECT payment_id, bill_id, paid_at, amount, currency, channel, status FROM payments WHERE customer_id = ? ORDER BY paid_at DESC LIMIT ?', [customerId, recent]),
    // ticket text is free text that may hold personal data: the profile shows its classification only
    rowsOf('tickets', 'SELECT ticket_id, created_at, channel, category, topic, status, resolved_at, satisfaction FROM tickets WHERE customer_id = ? ORDER BY created_at DESC LIMIT ?', [customerId, recent]),
    rowsOf('events', 'SELECT ts, event_type, channel FROM events WHERE customer_id = ? ORDER BY ts DESC LIMIT ?', [customerId, recent]),
  ]);
  const [customer] = customers;
  if (!customer) throw new NotFoundError('customer', customerId);
  const [area, tariff, tagRows] = await Promise.all([
    customer.area_id == null ? null : one('transformer_areas', 'SELECT area_id, name, region, district, feeder_id, transformer_kva FROM transformer_areas WHERE area_id = ?', [customer.area_id]),
    customer.tariff_id == null ? null : one('tariffs', 'SELECT tariff_id, name, name_zh, customer_class, currency FROM tariffs WHERE tariff_id = ?', [customer.tariff_id]),
    featureRow
      ? rowsOf('customer_tags', 'SELECT tag_id, tag_version, evidence FROM customer_tags WHERE customer_id = ? AND as_of = CAST(? AS DATE) ORDER BY tag_id', [customerId, String(featureRow.as_of)])
      : [],
  ]);

  let features: Row | null = null;
  let shape: number[] | null = null;
  if (featureRow) {
    features = {};
    shape = [];
    for (const [k, v] of Object.entries(featureRow)) {
      if (k.startsWith('shape_h')) shape.push(Number(v));
      else features[k] = v;
    }
  }
  const monthly = (monthRows as { month: string; kwh: number; days: number; peak_kw: number }[])
    .reverse().map((r) => ({ month: r.month, kwh: Number(r.kwh), days: Number(r.days), peakKw: Number(r.peak_kw) }));

  const byId = new Map(catalogue.tags.map((t) => [t.id, t]));
  const tags: ProfileTag[] = (tagRows as { tag_id: string; tag_version: number; evidence: unknown }[]).map((r) => {
    const def = byId.get(r.tag_id);
    const evidence = typeof r.evidence === 'string' ? JSON.parse(r.evidence) as Record<string, unknown> : (r.evidence as Record<string, unknown>) ?? {};
    return {
      id: r.tag_id, version: Number(r.tag_version), category: def?.category ?? null,
      label: def?.label ?? { 'zh-CN': r.tag_id, en: r.tag_id }, description: def?.description ?? null, evidence,
    };
  });
  return {
    customerId, masked: !unmasked, customer: maskRow(customer, customerTable, unmasked || options.customerInClear === true), area, tariff, accounts, meters, features, shape, monthly, tags,
    scores: scores.filter((x): x is ProfileScore => x !== null), recent: { bills, payments, tickets, events },
  };
}

/** The optional per-customer tables of the profile (results of analytics steps, records that may not be kept). */
export function optionalProfileTables(): string[] {
  return ['customer_features', 'customer_month_features', 'customer_tags', 'bills', 'payments', 'tickets', 'events', ...scoreTables().map((t) => t.table.name)];
}

/** Which of `optionalProfileTables` hold no rows (or do not exist in this store): one cheap probe per table. */
export async function emptyProfileTables(wh: Warehouse): Promise<Set<string>> {
  const names = optionalProfileTables();
  const probes = await Promise.all(names.map((name) =>
    optionalQuery(wh, `SELECT 1 AS present FROM ${name.split('.').map((p) => wh.dialect.quoteIdent(p)).join('.')} LIMIT 1`, [])));
  return new Set(names.filter((_, i) => !probes[i]?.length));
}

/** `gridlens profile CUSTOMER_ID`. */
export async function customerProfile(config: Pick<GridLensConfig, 'db'>, customerId: string, options: ProfileOptions = {}, warehouse?: Warehouse): Promise<CustomerProfile> {
  return withStore(config, (wh) => getCustomerProfile(wh, customerId, options), { warehouse });
}
