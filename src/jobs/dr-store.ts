import { DayLoadMatrix, parseDrProgram, type DayKindCalendar, type DrProgram } from '../analytics/dr/index.js';
import { NotFoundError } from '../core/errors.js';
import { batchFromRows } from '../core/record-batch.js';
import { MS_PER_DAY, MS_PER_MINUTE } from '../core/time/index.js';
import type { Row, Warehouse } from '../warehouse/warehouse.js';

/** A stored programme with its creation time. */
export type StoredProgram = DrProgram & { readonly createdMs: number };

export interface StoredEvent {
  readonly eventId: string;
  readonly programId: string;
  readonly localDate: string;
  readonly startMinute: number;
  readonly endMinute: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly timeZone: string;
  readonly signalLevel: number;
  readonly status: 'created' | 'simulated' | 'settled';
  readonly targets: string[];
  readonly createdMs: number;
  readonly simulatedMs: number | null;
  readonly settledMs: number | null;
}

export interface StoredResult {
  readonly eventId: string;
  readonly customerId: string;
  readonly method: string;
  readonly responded: boolean;
  readonly committedKw: number;
  readonly baselineKwh: number;
  readonly actualKwh: number;
  readonly reductionKwh: number;
  readonly simulatedReductionKwh: number;
  readonly paymentCny: number | null;
  readonly penaltyCny: number | null;
  readonly intervals: { readonly baseline: number[]; readonly actual: number[] };
}

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const ms = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v.getTime() : Number(v));

export async function readProgram(wh: Warehouse, programId: string): Promise<StoredProgram | null> {
  const rows = await wh.query('SELECT * FROM dr_programs WHERE program_id = ?', [programId]);
  return rows.length ? programOf(rows[0]) : null;
}

export async function listPrograms(wh: Warehouse): Promise<StoredProgram[]> {
  return (await wh.query('SELECT * FROM dr_programs ORDER BY program_id')).map(programOf);
}

function programOf(r: Row): StoredProgram {
  const program = parseDrProgram({
    programId: String(r.program_id), name: String(r.name), nameZh: String(r.name_zh), priceCny: Number(r.price_cny),
    priceUnit: r.price_unit as 'kwh' | 'kw', settlement: r.settlement as 'interval' | 'event', baselineMethod: String(r.baseline_method),
    penaltyCnyPerKw: Number(r.penalty_cny_per_kw), minPerformance: Number(r.min_performance), signal: r.signal as 'SIMPLE' | 'PRICE', currency: String(r.currency),
  });
  return { ...program, createdMs: ms(r.created_at) ?? 0 };
}

export async function writeProgram(wh: Warehouse, p: DrProgram, createdAt: Date): Promise<void> {
  await wh.append('dr_programs', batchFromRows([{
    program_id: p.programId, name: p.name, name_zh: p.nameZh, price_cny: p.priceCny, price_unit: p.priceUnit, settlement: p.settlement,
    baseline_method: p.baselineMethod, penalty_cny_per_kw: p.penaltyCnyPerKw, min_performance: p.minPerformance, signal: p.signal, currency: p.currency, created_at: createdAt,
  }]));
}

export async function readEvent(wh: Warehouse, eventId: string): Promise<StoredEvent> {
  const rows = await wh.query('SELECT * FROM dr_events WHERE event_id = ?', [eventId]);
  if (!rows.length) throw new NotFoundError('demand-response event', eventId);
  return eventOf(rows[0]);
}

export async function listEvents(wh: Warehouse, programId?: string): Promise<StoredEvent[]> {
  const rows = programId
    ? await wh.query('SELECT * FROM dr_events WHERE program_id = ? ORDER BY local_date, start_minute, event_id', [programId])
    : await wh.query('SELECT * FROM dr_events ORDER BY local_date, start_minute, event_id');
  return rows.map(eventOf);
}

function eventOf(r: Row): StoredEvent {
  return {
    eventId: String(r.event_id), programId: String(r.program_id), localDate: String(r.local_date), startMinute: Number(r.start_minute), endMinute: Number(r.end_minute),
    startMs: ms(r.start_ts)!, endMs: ms(r.end_ts)!, timeZone: String(r.time_zone), signalLevel: Number(r.signal_level), status: r.status as StoredEvent['status'],
    targets: json<string[]>(r.targets), createdMs: ms(r.created_at)!, simulatedMs: ms(r.simulated_at), settledMs: ms(r.settled_at),
  };
}

export async function writeEvent(wh: Warehouse, e: StoredEvent): Promise<void> {
  await wh.append('dr_events', batchFromRows([{
    event_id: e.eventId, program_id: e.programId, local_date: e.localDate, start_minute: e.startMinute, end_minute: e.endMinute,
    start_ts: new Date(e.startMs), end_ts: new Date(e.endMs), time_zone: e.timeZone, signal_level: e.signalLevel, status: e.status,
    targets: JSON.stringify(e.targets), created_at: new Date(e.createdMs), simulated_at: e.simulatedMs === null ? null : new Date(e.simulatedMs),
    settled_at: e.settledMs === null ? null : new Date(e.settledMs),
  }]));
}

export async function setEventStatus(wh: Warehouse, eventId: string, status: StoredEvent['status'], at: Date): Promise<void> {
  const column = status === 'settled' ? 'settled_at' : 'simulated_at';
  await wh.run(`UPDATE dr_events SET status = ?, ${column} = ? WHERE event_id = ?`, [status, at, eventId]);
}

export interface EnrolmentRow {
  readonly customerId: string;
  readonly shiftableKw: number;
  readonly windowKw: number;
  readonly baseKw: number;
  readonly responseLikelihood: number;
  readonly scoreKw: number;
  readonly rank: number;
}

/** Replaces the programme's enrolment with the latest targeting. */
export async function replaceEnrolments(wh: Warehouse, programId: string, rows: readonly EnrolmentRow[], at: Date): Promise<void> {
  await wh.run('DELETE FROM dr_enrolments WHERE program_id = ?', [programId]);
  if (!rows.length) return;
  await wh.append('dr_enrolments', batchFromRows(rows.map((r) => ({
    program_id: programId, customer_id: r.customerId, enrolled_at: at, shiftable_kw: r.shiftableKw, window_kw: r.windowKw, base_kw: r.baseKw,
    response_likelihood: r.responseLikelihood, score_kw: r.scoreKw, rank: r.rank,
  }))));
}

export async function readEnrolments(wh: Warehouse, programId: string, customerIds: readonly string[]): Promise<Map<string, EnrolmentRow>> {
  const rows = await wh.query('SELECT * FROM dr_enrolments WHERE program_id = ?', [programId]);
  const wanted = new Set(customerIds);
  return new Map(rows.filter((r) => wanted.has(String(r.customer_id))).map((r) => [String(r.customer_id), {
    customerId: String(r.customer_id), shiftableKw: Number(r.shiftable_kw), windowKw: Number(r.window_kw), baseKw: Number(r.base_kw),
    responseLikelihood: Number(r.response_likelihood), scoreKw: Number(r.score_kw), rank: Number(r.rank),
  }]));
}

export async function replaceResults(wh: Warehouse, eventId: string, results: readonly StoredResult[], method?: string): Promise<void> {
  if (method) await wh.run('DELETE FROM dr_event_results WHERE event_id = ? AND method = ?', [eventId, method]);
  else await wh.run('DELETE FROM dr_event_results WHERE event_id = ?', [eventId]);
  if (!results.length) return;
  await wh.append('dr_event_results', batchFromRows(results.map((r) => ({
    event_id: r.eventId, customer_id: r.customerId, method: r.method, responded: r.responded, committed_kw: r.committedKw, baseline_kwh: r.baselineKwh,
    actual_kwh: r.actualKwh, reduction_kwh: r.reductionKwh, simulated_reduction_kwh: r.simulatedReductionKwh, payment_cny: r.paymentCny, penalty_cny: r.penaltyCny,
    intervals: JSON.stringify(r.intervals),
  }))));
}

export async function readResults(wh: Warehouse, eventId: string, method?: string): Promise<StoredResult[]> {
  const rows = method
    ? await wh.query('SELECT * FROM dr_event_results WHERE event_id = ? AND method = ? ORDER BY customer_id', [eventId, method])
    : await wh.query('SELECT * FROM dr_event_results WHERE event_id = ? ORDER BY customer_id, method', [eventId]);
  return rows.map((r) => ({
    eventId: String(r.event_id), customerId: String(r.customer_id), method: String(r.method), responded: Boolean(r.responded), committedKw: Number(r.committed_kw),
    baselineKwh: Number(r.baseline_kwh), actualKwh: Number(r.actual_kwh), reductionKwh: Number(r.reduction_kwh), simulatedReductionKwh: Number(r.simulated_reduction_kwh),
    paymentCny: r.payment_cny === null ? null : Number(r.payment_cny), penaltyCny: r.penalty_cny === null ? null : Number(r.penalty_cny),
    intervals: json<StoredResult['intervals']>(r.intervals),
  }));
}

/** Local epoch days of the events before `beforeDay` (comparison days are never event days). */
export async function eventDaysBefore(wh: Warehouse, beforeDate: string): Promise<Set<number>> {
  const rows = await wh.query<{ d: string }>('SELECT DISTINCT CAST(local_date AS VARCHAR) AS d FROM dr_events WHERE local_date < CAST(? AS DATE)', [beforeDate]);
  return new Set(rows.map((r) => Math.floor(Date.parse(`${r.d}T00:00:00Z`) / MS_PER_DAY)));
}

/** App/web events per customer in [from, to). */
export async function engagementCounts(wh: Warehouse, from: Date, to: Date): Promise<Map<string, number>> {
  const rows = await wh.query<{ customer_id: string; n: number }>('SELECT customer_id, count(*) AS n FROM events WHERE ts >= ? AND ts < ? GROUP BY customer_id', [from, to]);
  return new Map(rows.map((r) => [r.customer_id, Number(r.n)]));
}

/** Past events each customer was settled in under the programme's own baseline, and those with a reduction. */
export async function pastResponses(wh: Warehouse, beforeDate: string): Promise<Map<string, { events: number; responses: number }>> {
  const rows = await wh.query<{ customer_id: string; events: number; responses: number }>(`
    SELECT r.customer_id, count(*) AS events, count(*) FILTER (WHERE r.reduction_kwh > 0) AS responses
    FROM dr_event_results r JOIN dr_events e ON e.event_id = r.event_id JOIN dr_programs p ON p.program_id = e.program_id
    WHERE r.method = p.baseline_method AND e.local_date < CAST(? AS DATE) GROUP BY r.customer_id`, [beforeDate]);
  return new Map(rows.map((r) => [r.customer_id, { events: Number(r.events), responses: Number(r.responses) }]));
}

export interface CustomerLoad {
  readonly customerId: string;
  readonly intervalMinutes: number;
  readonly load: DayLoadMatrix;
}

/** Meters per query when loading interval data (bounds the memory of one numeric result). */
const METERS_PER_QUERY = 500;

/**
 * Import-channel interval kWh of customers (all of them when `customerIds` is null) on the local
 * days [firstDay, firstDay + days), summed over each customer's meters. Read column-wise
 * (`queryNumeric`) in chunks of meters.
 */
export async function loadCustomerLoads(wh: Warehouse, options: {
  readonly customerIds: readonly string[] | null; readonly firstDay: number; readonly days: number; readonly utcOffsetMinutes: number; readonly calendar: DayKindCalendar;
}): Promise<Map<string, CustomerLoad>> {
  const meters = await metersOf(wh, options.customerIds);
  const out = new Map<string, CustomerLoad>();
  const offsetMs = options.utcOffsetMinutes * MS_PER_MINUTE;
  const origin = options.firstDay * MS_PER_DAY - offsetMs;
  const from = new Date(origin);
  const to = new Date((options.firstDay + options.days) * MS_PER_DAY - offsetMs);
  for (let i = 0; i < meters.length; i += METERS_PER_QUERY) {
    const chunk = meters.slice(i, i + METERS_PER_QUERY);
    const byId = new Map(chunk.map((m) => [m.meterId, m]));
    const { rowCount, columns } = await wh.queryNumeric(`
      SELECT CAST(meter_id AS DOUBLE) AS meter_id, CAST(${wh.dialect.epochMs('ts')} AS DOUBLE) AS ms, kwh
      FROM readings WHERE channel = 1 AND kwh IS NOT NULL AND ts >= ? AND ts < ? AND meter_id IN (${chunk.map(() => '?').join(', ')})`,
    [from, to, ...chunk.map((m) => m.meterId)]);
    const { meter_id: meterIds, ms, kwh } = columns;
    for (let r = 0; r < rowCount; r++) {
      const meter = byId.get(meterIds[r])!;
      let c = out.get(meter.customerId);
      if (!c) out.set(meter.customerId, (c = { customerId: meter.customerId, intervalMinutes: meter.intervalMinutes, load: DayLoadMatrix.empty(options.firstDay, options.days, meter.intervalMinutes, options.calendar) }));
      const offset = ms[r] - origin;
      const stepMs = c.intervalMinutes * MS_PER_MINUTE;
      if (offset % stepMs !== 0) continue;
      const index = offset / stepMs;
      const previous = c.load.kwh[index];
      c.load.kwh[index] = Number.isNaN(previous) ? kwh[r] : previous + kwh[r];
    }
  }
  for (const c of out.values()) c.load.invalidate();
  return out;
}

interface MeterRow {
  readonly meterId: number;
  readonly customerId: string;
  readonly intervalMinutes: number;
}

async function metersOf(wh: Warehouse, customerIds: readonly string[] | null): Promise<MeterRow[]> {
  if (customerIds && !customerIds.length) return [];
  const filter = customerIds ? ` WHERE customer_id IN (${customerIds.map(() => '?').join(', ')})` : '';
  const rows = await wh.query<{ meter_id: number; customer_id: string; interval_minutes: number }>(
    `SELECT meter_id, customer_id, interval_minutes FROM meters${filter} ORDER BY customer_id, meter_id`, customerIds ?? []);
  // A customer's meters share the finest interval of the first meter; coarser meters are skipped by the grid check.
  const interval = new Map<string, number>();
  for (const r of rows) if (!interval.has(r.customer_id)) interval.set(r.customer_id, Number(r.interval_minutes));
  return rows.map((r) => ({ meterId: Number(r.meter_id), customerId: r.customer_id, intervalMinutes: interval.get(r.customer_id)! }));
}

/** Every customer id in the store, for targeting. */
export async function customerIdsAndZone(wh: Warehouse): Promise<{ ids: string[]; timeZone: string }> {
  const rows = await wh.query<{ customer_id: string; time_zone: string | null }>('SELECT customer_id, time_zone FROM customers ORDER BY customer_id');
  const zones = new Map<string, number>();
  for (const r of rows) zones.set(r.time_zone ?? 'Asia/Shanghai', (zones.get(r.time_zone ?? 'Asia/Shanghai') ?? 0) + 1);
  const timeZone = [...zones].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'Asia/Shanghai';
  return { ids: rows.map((r) => r.customer_id), timeZone };
}

export async function customerExists(wh: Warehouse, customerId: string): Promise<string> {
  const rows = await wh.query<{ time_zone: string | null }>('SELECT time_zone FROM customers WHERE customer_id = ?', [customerId]);
  if (!rows.length) throw new NotFoundError('customer', customerId);
  return rows[0].time_zone ?? 'Asia/Shanghai';
}

/**
 * Daily mean temperature per local day [firstDay, firstDay + days) from the store's weather station,
 * for weather-matched baselines; null unless the store has exactly one station (customers are not
 * tied to stations yet).
 */
export async function dailyTemperatures(wh: Warehouse, options: { readonly firstDay: number; readonly days: number; readonly utcOffsetMinutes: number }): Promise<{ stationId: string; temperature: Float64Array } | null> {
  const stations = await wh.query<{ station_id: string }>('SELECT DISTINCT station_id FROM weather LIMIT 2');
  if (stations.length !== 1) return null;
  const offsetMs = options.utcOffsetMinutes * MS_PER_MINUTE;
  const from = new Date(options.firstDay * MS_PER_DAY - offsetMs);
  const to = new Date((options.firstDay + options.days) * MS_PER_DAY - offsetMs);
  const { rowCount, columns } = await wh.queryNumeric(`
    SELECT CAST(floor((${wh.dialect.epochMs('ts')} + ?) / ${MS_PER_DAY}) AS DOUBLE) AS day, CAST(avg(temperature_c) AS DOUBLE) AS t
    FROM weather WHERE station_id = ? AND ts >= ? AND ts < ? AND temperature_c IS NOT NULL GROUP BY 1`, [offsetMs, stations[0].station_id, from, to]);
  const temperature = new Float64Array(options.days).fill(Number.NaN);
  for (let r = 0; r < rowCount; r++) {
    const d = columns.day[r] - options.firstDay;
    if (d >= 0 && d < options.days) temperature[d] = columns.t[r];
  }
  return { stationId: stations[0].station_id, temperature };
}
