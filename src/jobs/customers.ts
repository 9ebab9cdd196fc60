import { NotFoundError, ValidationError } from '../core/errors.js';
import { epochDay, localMidnightUtc, utcOffsetMinutes } from '../core/time/index.js';
import type { SqlParam, Warehouse } from '../warehouse/warehouse.js';
import { matchCustomers, type CustomerSummaryRow } from './api-search-index.js';

/**
 * Customer queries behind the API: search with filters and pagination, the basic 360 profile,
 * load curves and the overview KPIs. Values come back unmasked; the API masks them by role.
 * `regions` (districts) limits every query to the caller's districts; null means all.
 */
export type Regions = readonly string[] | null;

export interface CustomerSearch {
  readonly q?: string;
  readonly district?: string;
  readonly customerClass?: string;
  readonly page: number;
  readonly pageSize: number;
  readonly regions: Regions;
}

export type CustomerSummary = CustomerSummaryRow;

export interface Page<T> { readonly items: T[]; readonly total: number; readonly page: number; readonly pageSize: number }

function regionClause(regions: Regions, column: string, params: SqlParam[]): string {
  if (regions === null) return 'TRUE';
  if (regions.length === 0) return 'FALSE';
  params.push(...regions);
  return `${column} IN (${regions.map(() => '?').join(', ')})`;
}

const SUMMARY_COLUMNS = `customer_id AS "customerId", name, phone, address, id_number AS "idNumber", district,
  customer_type AS "customerClass", tariff_id AS "tariffId", area_id AS "areaId", status`;

/** Search by id prefix, name fragment or phone digits; filters by district and class (in the in-memory index). */
export async function searchCustomers(wh: Warehouse, s: CustomerSearch): Promise<Page<CustomerSummary>> {
  const matches = await matchCustomers(wh, s);
  return { items: matches.slice((s.page - 1) * s.pageSize, s.page * s.pageSize), total: matches.length, page: s.page, pageSize: s.pageSize };
}

/** The customer's district, or NotFoundError when it does not exist or lies outside `regions` (no existence leak). */
export async function requireCustomerInRegions(wh: Warehouse, customerId: string, regions: Regions): Promise<CustomerSummary & Record<string, unknown>> {
  const params: SqlParam[] = [customerId];
  const clause = regionClause(regions, 'district', params);
  const [row] = await wh.query<CustomerSummary & Record<string, unknown>>(
    `SELECT ${SUMMARY_COLUMNS}, region, industry_code AS "industryCode", voltage_level AS "voltageLevel",
       contract_capacity_kva AS "contractCapacityKva", feeder_id AS "feederId", open_date AS "openedOn",
       marketing_consent AS "marketingConsent", time_zone AS "timeZone"
     FROM customers WHERE customer_id = ? AND ${clause}`, params);
  if (!row) throw new NotFoundError('customer', customerId);
  return row;
}

/** The same fields as `requireCustomerInRegions`, from a `SELECT * FROM customers` row (values as stored, unmasked). */
export function customerSummaryOf(row: Record<string, unknown>): CustomerSummary & Record<string, unknown> {
  return {
    customerId: row.customer_id, name: row.name, phone: row.phone, address: row.address, idNumber: row.id_number, district: row.district,
    customerClass: row.customer_type, tariffId: row.tariff_id, areaId: row.area_id, status: row.status, region: row.region,
    industryCode: row.industry_code, voltageLevel: row.voltage_level, contractCapacityKva: row.contract_capacity_kva, feederId: row.feeder_id,
    openedOn: row.open_date, marketingConsent: row.marketing_consent, timeZone: row.time_zone,
  } as CustomerSummary & Record<string, unknown>;
}

/** Whether a district lies within `regions` (null = every district). */
export const inRegions = (district: unknown, regions: Regions): boolean => regions === null || regions.includes(String(district));

export type Resolution = '15m' | '1h' | '1d';
export interface LoadPoint { readonly ts: string; readonly kwh: number | null; readonly quality: number }
export interface LoadCurve { readonly customerId: string; readonly resolution: Resolution; readonly timeZone: string; readonly points: LoadPoint[] }

const MAX_DAYS: Record<Resolution, number> = { '15m': 92, '1h': 366, '1d': 3 * 366 };

/**
 * Import energy (channel 1, kWh as stored; readings are primary-side energy) of the customer's meters between local days `from` and `to` (inclusive), summed per
 * interval, hour or local day. quality is the worst flag in the bucket (0 actual ... 3 missing).
 */
export async function customerLoad(wh: Warehouse, request: { customerId: string; from: string; to: string; resolution: Resolution; regions: Regions }): Promise<LoadCurve> {
  const customer = await requireCustomerInRegions(wh, request.customerId, request.regions);
  const timeZone = String(customer.timeZone ?? 'Asia/Shanghai');
  const days = epochDay(request.to) - epochDay(request.from) + 1;
  if (days < 1) throw new ValidationError('load: "to" is before "from"', { from: request.from, to: request.to });
  if (days > MAX_DAYS[request.resolution]) throw new ValidationError(`load: at most ${MAX_DAYS[request.resolution]} days at resolution ${request.resolution}`, { days });
  const start = new Date(localMidnightUtc(request.from, timeZone));
  const end = new Date(localMidnightUtc(request.to, timeZone) + 86_400_000);
  const offsetMs = utcOffsetMinutes(timeZone, start.getTime()) * 60_000;
  const bucket = request.resolution === '15m' ? 'r.ts'
    : request.resolution === '1h' ? "date_trunc('hour', r.ts)"
      : `date_trunc('day', r.ts + to_milliseconds(${Number(offsetMs)})) - to_milliseconds(${Number(offsetMs)})`;
  const rows = await wh.query<{ ts: Date; kwh: number | null; quality: number }>(
    `SELECT ${bucket} AS ts, sum(r.kwh) AS kwh, max(r.quality) AS quality
     FROM readings r JOIN meters m ON m.meter_id = r.meter_id
     WHERE m.customer_id = ? AND r.channel = 1 AND r.ts >= ? AND r.ts < ?
     GROUP BY 1 ORDER BY 1`, [request.customerId, start, end]);
  return {
    customerId: request.customerId, resolution: request.resolution, timeZone,
    points: rows.map((r) => ({ ts: r.ts.toISOString(), kwh: r.kwh === null ? null : Math.round(r.kwh * 1000) / 1000, quality: Number(r.quality) })),
  };
}
