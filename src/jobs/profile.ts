import type { GridLensConfig } from '../core/config.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import { maskPii } from '../core/pii-mask.js';
import { defaultTagCatalogue, type TagCatalogue } from '../analytics/tags/index.js';
import { allTables, type TableDef } from '../warehouse/schema/index.js';
import type { Row, SqlParam, Warehouse } from '../warehouse/warehouse.js';
import { withStore } from './store.js';

export interface ProfileOptions {
  /** Show personal data in clear (only for callers that checked the permission, e.g. the API by role). Default false. */
  readonly unmasked?: boolean;
  /** Recent records of each kind (default 6). */
  readonly recent?: number;
  readonly catalogue?: TagCatalogue;
  /**
   * Optional tables not to query: known to hold no rows (see `emptyProfileTables`; the API passes a
   * briefly cached set) or read elsewhere (document builds leave out the live tables). One-off
   * callers leave it out and every table is asked.
   */
  readonly emptyTables?: ReadonlySet<string>;
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

async function optionalQuery(wh: Warehouse, sql: string, params: readonly SqlParam[]): Promise<Row[] | null> {
  try {
    return await wh.query(sql, params);
  } catch {
    return null; // the table is defined but not in this store (created before its migration), or its step never ran
  }
}

/** The customers a profile query covers: one id (a view), or a sorted id range (document builds). */
export interface CustomerRange {
  readonly first: string;
  readonly last: string;
}

/** A query of rows of many customers, each row tagged with its customer in CUSTOMER_KEY. */
interface SectionQuery {
  readonly sql: string;
  readonly params: readonly SqlParam[];
}

const CUSTOMER_KEY = 'profile$customer';

function customerClause(column: string, range: CustomerRange): SectionQuery {
  return range.first === range.last
    ? { sql: `${column} = ?`, params: [range.first] }
    : { sql: `${column} BETWEEN ? AND ?`, params: [range.first, range.last] };
}

/**
 * The rows of `table` of the customers in `range`, in `order` within each customer, at most
 * `limit` per customer. One customer or a few thousand: the same statement, so a stored document
 * and a live view hold the same rows.
 */
function latestRows(table: string, columns: string, order: string, limit: number | null, range: CustomerRange, extraWhere = ''): SectionQuery {
  const where = customerClause('customer_id', range);
  const qualify = limit === null ? '' : ` QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY ${order}) <= ?`;
  return {
    sql: `SELECT customer_id AS "${CUSTOMER_KEY}", ${columns} FROM ${table} WHERE ${where.sql}${extraWhere}${qualify} ORDER BY customer_id, ${order}`,
    params: limit === null ? where.params : [...where.params, limit],
  };
}

/** Joins a reference table on a customer column (area, tariff): one row per customer that has one. */
function referenceRow(table: string, key: string, columns: readonly string[], range: CustomerRange): SectionQuery {
  const where = customerClause('c.customer_id', range);
  return {
    sql: `SELECT c.customer_id AS "${CUSTOMER_KEY}", ${columns.map((col) => `r.${col}`).join(', ')} FROM customers c JOIN ${table} r ON r.${key} = c.${key} WHERE ${where.sql}`,
    params: where.params,
  };
}

/** Tags of the customer's latest feature day (the day of the profile's feature vector). */
const LATEST_FEATURE_DAY = ' AND as_of = (SELECT max(f.as_of) FROM customer_features f WHERE f.customer_id = customer_tags.customer_id)';

/** A registry table name (`schema.table` or `table`) quoted for SQL. */
export const qualified = (wh: Warehouse, table: string): string => table.split('.').map((p) => wh.dialect.quoteIdent(p)).join('.');

/** Rows grouped by customer, without the customer tag; absent tables and skipped sections give an empty map. */
async function rowsByCustomer(wh: Warehouse, query: SectionQuery | null): Promise<Map<string, Row[]>> {
  const byCustomer = new Map<string, Row[]>();
  if (query === null) return byCustomer;
  for (const { [CUSTOMER_KEY]: id, ...row } of (await optionalQuery(wh, query.sql, query.params)) ?? []) {
    const key = String(id);
    const rows = byCustomer.get(key);
    if (rows) rows.push(row);
    else byCustomer.set(key, [row]);
  }
  return byCustomer;
}

interface ProfileSections {
  readonly customers: Map<string, Row[]>;
  readonly area: Map<string, Row[]>;
  readonly tariff: Map<string, Row[]>;
  readonly accounts: Map<string, Row[]>;
  readonly meters: Map<string, Row[]>;
  readonly features: Map<string, Row[]>;
  readonly monthly: Map<string, Row[]>;
  readonly tags: Map<string, Row[]>;
  readonly bills: Map<string, Row[]>;
  readonly payments: Map<string, Row[]>;
  readonly tickets: Map<string, Row[]>;
  readonly events: Map<string, Row[]>;
  readonly scores: ScoreRows;
}

/** Every section of the customers in `range`, read together (independent queries are issued at once). */
async function readSections(wh: Warehouse, range: CustomerRange, recent: number, skip: ReadonlySet<string>): Promise<ProfileSections> {
  const when = (table: string, query: () => SectionQuery) => (skip.has(table) ? null : query());
  const read = (table: string, query: () => SectionQuery) => rowsByCustomer(wh, when(table, query));
  // Ties are broken by the row's id so that every read of the same data lists the same rows.
  const [customers, area, tariff, accounts, meters, features, monthly, tags, bills, payments, tickets, events, scores] = await Promise.all([
    read('customers', () => latestRows('customers', '*', 'customer_id', null, range)),
    read('transformer_areas', () => referenceRow('transformer_areas', 'area_id', ['area_id', 'name', 'region', 'district', 'feeder_id', 'transformer_kva'], range)),
    read('tariffs', () => referenceRow('tariffs', 'tariff_id', ['tariff_id', 'name', 'name_zh', 'customer_class', 'currency'], range)),
    read('accounts', () => latestRows('accounts', 'account_id, payment_method, prepaid, deposit_cny, currency, open_date', 'account_id', null, range)),
    read('meters', () => latestRows('meters', 'meter_id, meter_no, area_id, interval_minutes, channels, phases, install_date', 'meter_id', null, range)),
    read('customer_features', () => latestRows('customer_features', '*', 'as_of DESC, feature_version DESC', 1, range)),
    read('customer_month_features', () => latestRows('customer_month_features', 'CAST(month AS VARCHAR) AS month, kwh, days, peak_kw', 'month DESC', 12, range)),
    skip.has('customer_features') ? new Map<string, Row[]>() : read('customer_tags', () => latestRows('customer_tags', 'tag_id, tag_version, evidence', 'tag_id', null, range, LATEST_FEATURE_DAY)),
    read('bills', () => latestRows('bills',
      'bill_id, CAST(period_start AS VARCHAR) AS period_start, CAST(period_end AS VARCHAR) AS period_end, kwh_total, amount, currency, CAST(due_date AS VARCHAR) AS due_date',
      'period_start DESC, bill_id DESC', recent, range)),
    read('payments', () => latestRows('payments', 'payment_id, bill_id, paid_at, amount, currency, channel, status', 'paid_at DESC, payment_id DESC', recent, range)),
    // ticket text is free text that may hold personal data: the profile shows its classification only
    read('tickets', () => latestRows('tickets', 'ticket_id, created_at, channel, category, topic, status, resolved_at, satisfaction', 'created_at DESC, ticket_id DESC', recent, range)),
    read('events', () => latestRows('events', 'ts, event_type, channel', 'ts DESC, event_type, channel', recent, range)),
    readScores(wh, range, scoreTables().filter(({ table }) => !skip.has(table.name))),
  ]);
  return { customers, area, tariff, accounts, meters, features, monthly, tags, bills, payments, tickets, events, scores };
}

type ScoreRows = { readonly table: TableDef; readonly rows: Map<string, Row[]> }[];

/** The latest row per customer of each score table. */
function readScores(wh: Warehouse, range: CustomerRange, tables: ReturnType<typeof scoreTables>): Promise<ScoreRows> {
  return Promise.all(tables.map(async ({ table, orderBy }) => ({
    table, rows: await rowsByCustomer(wh, latestRows(qualified(wh, table.name), '*', orderBy ? `${wh.dialect.quoteIdent(orderBy)} DESC` : 'customer_id', 1, range)),
  })));
}

function scoresOf(scores: ScoreRows, customerId: string, unmasked: boolean): ProfileScore[] {
  return scores.flatMap(({ table, rows }) => {
    const row = rows.get(customerId)?.[0];
    return row ? [{ table: table.name, row: maskRow(row, table, unmasked) }] : [];
  });
}

/** The latest row of the named score tables for one customer, personal data masked, in the order of `scoreTables()`. */
export async function customerScores(wh: Warehouse, customerId: string, tables: ReadonlySet<string>): Promise<ProfileScore[]> {
  const scores = await readScores(wh, { first: customerId, last: customerId }, scoreTables().filter(({ table }) => tables.has(table.name)));
  return scoresOf(scores, customerId, false);
}

function splitFeatures(featureRow: Row | undefined): { features: Row | null; shape: number[] | null } {
  if (!featureRow) return { features: null, shape: null };
  const features: Row = {};
  const shape: number[] = [];
  for (const [k, v] of Object.entries(featureRow)) {
    if (k.startsWith('shape_h')) shape.push(Number(v));
    else features[k] = v;
  }
  return { features, shape };
}

function labelledTags(rows: readonly Row[], catalogue: TagCatalogue): ProfileTag[] {
  const byId = new Map(catalogue.tags.map((t) => [t.id, t]));
  return (rows as { tag_id: string; tag_version: number; evidence: unknown }[]).map((r) => {
    const def = byId.get(r.tag_id);
    const evidence = typeof r.evidence === 'string' ? JSON.parse(r.evidence) as Record<string, unknown> : (r.evidence as Record<string, unknown>) ?? {};
    return {
      id: r.tag_id, version: Number(r.tag_version), category: def?.category ?? null,
      label: def?.label ?? { 'zh-CN': r.tag_id, en: r.tag_id }, description: def?.description ?? null, evidence,
    };
  });
}

function profileOf(s: ProfileSections, customer: Row, unmasked: boolean, catalogue: TagCatalogue): CustomerProfile {
  const id = String(customer.customer_id);
  const rows = (m: Map<string, Row[]>) => m.get(id) ?? [];
  const monthly = (rows(s.monthly) as { month: string; kwh: number; days: number; peak_kw: number }[])
    .reverse().map((r) => ({ month: r.month, kwh: Number(r.kwh), days: Number(r.days), peakKw: Number(r.peak_kw) }));
  const scores = scoresOf(s.scores, id, unmasked);
  return {
    customerId: id, masked: !unmasked, customer: maskRow(customer, customerTable, unmasked), area: rows(s.area)[0] ?? null, tariff: rows(s.tariff)[0] ?? null,
    accounts: rows(s.accounts), meters: rows(s.meters), ...splitFeatures(rows(s.features)[0]), monthly, tags: labelledTags(rows(s.tags), catalogue), scores,
    recent: { bills: rows(s.bills), payments: rows(s.payments), tickets: rows(s.tickets), events: rows(s.events) },
  };
}

function checkRecent(recent: number): void {
  if (!Number.isInteger(recent) || recent < 0 || recent > 1000) throw new ValidationError(`recent: expected 0–1000, got ${recent}`);
}

/**
 * The profiles of every customer in `range` (ids from `first` to `last`, sorted), by customer id:
 * the statements of a single view, run over a range. Document builds read a few thousand at a time.
 */
export async function getCustomerProfiles(wh: Warehouse, range: CustomerRange, options: ProfileOptions = {}): Promise<Map<string, CustomerProfile>> {
  const recent = options.recent ?? 6;
  checkRecent(recent);
  const unmasked = options.unmasked === true;
  const sections = await readSections(wh, range, recent, options.emptyTables ?? new Set());
  const catalogue = options.catalogue ?? defaultTagCatalogue;
  const out = new Map<string, CustomerProfile>();
  for (const [id, [customer]] of sections.customers) out.set(id, profileOf(sections, customer, unmasked, catalogue));
  return out;
}

/**
 * The customer 360 profile (客户画像): facts, accounts, meters, tariff and area, the latest
 * features and tags with their labels, segment and scores from whichever result tables exist,
 * and the recent bills, payments, tickets and events. Personal data is masked unless `unmasked`.
 */
export async function getCustomerProfile(wh: Warehouse, customerId: string, options: ProfileOptions = {}): Promise<CustomerProfile> {
  if (!customerId.trim()) throw new ValidationError('customer id: must not be empty');
  const profile = (await getCustomerProfiles(wh, { first: customerId, last: customerId }, options)).get(customerId);
  if (!profile) throw new NotFoundError('customer', customerId);
  return profile;
}

/** The optional per-customer tables of the profile (results of analytics steps, records that may not be kept). */
export function optionalProfileTables(): string[] {
  return ['customer_features', 'customer_month_features', 'customer_tags', 'bills', 'payments', 'tickets', 'events', ...scoreTables().map((t) => t.table.name)];
}

/** Which of `optionalProfileTables` hold no rows (or do not exist in this store): one cheap probe per table. */
export async function emptyProfileTables(wh: Warehouse): Promise<Set<string>> {
  const names = optionalProfileTables();
  const probes = await Promise.all(names.map((name) =>
    optionalQuery(wh, `SELECT 1 AS present FROM ${qualified(wh, name)} LIMIT 1`, [])));
  return new Set(names.filter((_, i) => !probes[i]?.length));
}

/** `gridlens profile CUSTOMER_ID`. */
export async function customerProfile(config: Pick<GridLensConfig, 'db'>, customerId: string, options: ProfileOptions = {}, warehouse?: Warehouse): Promise<CustomerProfile> {
  return withStore(config, (wh) => getCustomerProfile(wh, customerId, options), { warehouse });
}
