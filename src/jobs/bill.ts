import type { GridLensConfig } from '../core/config.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import type { Tariff } from '../core/schemas/tariff.js';
import { computeBill, type BillLineDraft, type BillUsage } from '../core/tariff/index.js';
import { epochDay, isoDateOfEpochDay, localMidnightUtc, MS_PER_MINUTE } from '../core/time/index.js';
import { roundFen } from '../core/units.js';
import { billingMonths, lastCompleteMonth, lastReadingDate, loadCustomerRecords, type CustomerRecord } from '../analytics/offers/index.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { withStore } from './store.js';
import { readLoadCsv, localIsoDate } from './tariff-load-csv.js';
import { resolveTariff, tariffFromFileOrDemo } from './tariff-store.js';

export interface BillPeriodResult {
  readonly periodStart: string;
  /** Exclusive. */
  readonly periodEnd: string;
  readonly kwh: number;
  readonly kwhByPeriod: Record<string, number>;
  readonly peakKw: number;
  readonly energyCharge: number;
  readonly demandCharge: number;
  readonly fixedCharge: number;
  readonly adjustmentCharge: number;
  readonly fundsCharge: number;
  readonly minimumCharge: number;
  readonly total: number;
  /** Intervals with data / intervals of the period. */
  readonly coverage: number;
  readonly tierYearKwhBefore: number;
  readonly lines: BillLineDraft[];
}

export interface BillRunResult {
  readonly tariff: { readonly tariffId: string; readonly name: string; readonly nameZh: string | null; readonly currency: string };
  readonly customerId: string | null;
  readonly timeZone: string;
  readonly from: string;
  /** Last day billed (inclusive). */
  readonly to: string;
  readonly periods: BillPeriodResult[];
  readonly totals: { readonly kwh: number; readonly energyCharge: number; readonly demandCharge: number; readonly fixedCharge: number; readonly fundsCharge: number; readonly total: number };
  readonly notes: string[];
}

/** Calendar months of [from, to] (inclusive local dates), clipped to the range. */
export function billingPeriods(from: string, to: string): { periodStart: string; periodEnd: string }[] {
  const end = epochDay(to) + 1;
  if (end <= epochDay(from)) throw new ValidationError(`--to ${to} must not be before --from ${from}`);
  const count = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
  return billingMonths(to, count).map((m) => ({
    periodStart: epochDay(m.periodStart) < epochDay(from) ? from : m.periodStart,
    periodEnd: epochDay(m.periodEnd) > end ? isoDateOfEpochDay(end) : m.periodEnd,
  }));
}

interface BillInputs {
  readonly tariff: Tariff;
  readonly usage: BillUsage;
  /** Intervals with data, per interval (1) or missing (0); absent = all present. */
  readonly present?: Uint8Array;
  readonly from: string;
  readonly to: string;
  readonly tierYearKwhBefore: number;
  readonly contractKva?: number;
}

function sumRound(periods: readonly BillPeriodResult[], pick: (p: BillPeriodResult) => number): number {
  return roundFen(periods.reduce((s, p) => s + pick(p), 0));
}

function presentShare(inputs: BillInputs, periodStart: string, periodEnd: string): number | undefined {
  if (!inputs.present) return undefined;
  const step = inputs.usage.intervalMinutes * MS_PER_MINUTE;
  const a = Math.max(0, Math.round((localMidnightUtc(periodStart, inputs.usage.timeZone) - inputs.usage.startMs) / step));
  const b = Math.min(inputs.present.length, Math.round((localMidnightUtc(periodEnd, inputs.usage.timeZone) - inputs.usage.startMs) / step));
  let n = 0;
  for (let i = a; i < b; i++) n += inputs.present[i];
  const expected = Math.round((localMidnightUtc(periodEnd, inputs.usage.timeZone) - localMidnightUtc(periodStart, inputs.usage.timeZone)) / step);
  return expected ? n / expected : 0;
}

/** Bills each calendar month of the range in order, carrying the annual tier accumulation (reset on 1 January). */
function billRange(inputs: BillInputs): BillPeriodResult[] {
  let before = inputs.tierYearKwhBefore;
  return billingPeriods(inputs.from, inputs.to).map(({ periodStart, periodEnd }) => {
    if (periodStart.endsWith('-01-01')) before = 0;
    const bill = computeBill(inputs.tariff, inputs.usage, { periodStart, periodEnd, tierYearKwhBefore: before, contractKva: inputs.contractKva });
    const result: BillPeriodResult = {
      periodStart, periodEnd, kwh: bill.kwhTotal, kwhByPeriod: bill.kwhByPeriod, peakKw: bill.peakKw, energyCharge: bill.energyCharge,
      demandCharge: bill.demandCharge, fixedCharge: bill.fixedCharge, adjustmentCharge: bill.adjustmentCharge, fundsCharge: bill.fundsCharge,
      minimumCharge: bill.minimumCharge, total: bill.total, coverage: presentShare(inputs, periodStart, periodEnd) ?? bill.coverage,
      tierYearKwhBefore: before, lines: bill.lines,
    };
    before = bill.tierYearKwhAfter;
    return result;
  });
}

function runResult(inputs: BillInputs, customerId: string | null, notes: string[]): BillRunResult {
  const periods = billRange(inputs);
  const t = inputs.tariff;
  return {
    tariff: { tariffId: t.tariffId, name: t.name, nameZh: t.nameZh ?? null, currency: t.currency },
    customerId, timeZone: inputs.usage.timeZone, from: inputs.from, to: inputs.to, periods,
    totals: {
      kwh: periods.reduce((s, p) => s + p.kwh, 0), energyCharge: sumRound(periods, (p) => p.energyCharge), demandCharge: sumRound(periods, (p) => p.demandCharge),
      fixedCharge: sumRound(periods, (p) => p.fixedCharge), fundsCharge: sumRound(periods, (p) => p.fundsCharge), total: sumRound(periods, (p) => p.total),
    },
    notes,
  };
}

export interface FileBillRequest {
  /** Tariff JSON file (GridLens or URDB) or a built-in demo tariff id. */
  readonly tariff: string;
  readonly load: string;
  readonly timeZone?: string;
  readonly from?: string;
  readonly to?: string;
  /** kWh of the tier year consumed before the first bill (annual tiers). */
  readonly tierYearKwhBefore?: number;
  readonly contractKva?: number;
}

/** `gridlens bill --tariff FILE --load FILE.csv`: bills a load file month by month, without a store. */
export function billFromFiles(request: FileBillRequest): BillRunResult {
  const tariff = tariffFromFileOrDemo(request.tariff);
  const timeZone = request.timeZone ?? 'Asia/Shanghai';
  const load = readLoadCsv(request.load, timeZone);
  const step = load.usage.intervalMinutes * MS_PER_MINUTE;
  const from = request.from ?? localIsoDate(load.usage.startMs, timeZone);
  const to = request.to ?? localIsoDate(load.usage.startMs + load.usage.kwh.length * step - 1, timeZone);
  const notes: string[] = [];
  if (load.kind === 'monthly') notes.push('monthly totals spread evenly over the hours of each month');
  if (load.missingIntervals > 0) notes.push(`${load.missingIntervals} intervals without a row billed as 0 kWh`);
  const before = request.tierYearKwhBefore ?? 0;
  if (tariff.china?.tierAccumulation === 'annual' && !from.endsWith('-01-01') && before === 0) notes.push('annual tiers: no kWh of the tier year before the first day assumed');
  return runResult({ tariff, usage: load.usage, from, to, tierYearKwhBefore: before, contractKva: request.contractKva }, null, notes);
}

export interface StoreBillRequest {
  readonly customer: string;
  /** Stored tariff id, tariff file or built-in id; default the customer's current tariff. */
  readonly tariff?: string;
  readonly from?: string;
  readonly to?: string;
}

type ReadingRow = { meter_id: number; ms: number; kwh: number | null; quality: number };

async function customerUsage(wh: Warehouse, customer: CustomerRecord, fromMs: number, toMs: number): Promise<{ usage: BillUsage; present: Uint8Array }> {
  const step = customer.intervalMinutes * MS_PER_MINUTE;
  const n = Math.round((toMs - fromMs) / step);
  const kwh = new Float64Array(n);
  const present = new Uint8Array(n);
  if (customer.meterIds.length) {
    const sql = `SELECT meter_id, ${wh.dialect.epochMs('ts')} AS ms, kwh, quality FROM readings
      WHERE channel = 1 AND meter_id IN (${customer.meterIds.map(() => '?').join(', ')}) AND ts >= ? AND ts < ?`;
    for await (const batch of wh.stream<ReadingRow>(sql, [...customer.meterIds, new Date(fromMs), new Date(toMs)], 50_000)) {
      for (const row of batch) {
        const i = Math.floor((Number(row.ms) - fromMs) / step);
        if (row.quality >= 3 || row.kwh === null || !(row.kwh >= 0)) continue;
        kwh[i] += row.kwh;
        present[i] = 1;
      }
    }
  }
  return { usage: { startMs: fromMs, intervalMinutes: customer.intervalMinutes, kwh, timeZone: customer.timeZone }, present };
}

async function kwhBefore(wh: Warehouse, customer: CustomerRecord, from: string): Promise<number> {
  const yearStart = `${from.slice(0, 4)}-01-01`;
  if (from === yearStart || customer.meterIds.length === 0) return 0;
  const [row] = await wh.query<{ kwh: number | null }>(
    `SELECT sum(kwh) AS kwh FROM readings WHERE channel = 1 AND quality < 3 AND kwh >= 0 AND meter_id IN (${customer.meterIds.map(() => '?').join(', ')}) AND ts >= ? AND ts < ?`,
    [...customer.meterIds, new Date(localMidnightUtc(yearStart, customer.timeZone)), new Date(localMidnightUtc(from, customer.timeZone))]);
  return row?.kwh ?? 0;
}

/** The first day of the 12-month window, or the customer's first reading day when later. */
async function defaultFrom(wh: Warehouse, customer: CustomerRecord, yearAgo: string): Promise<string> {
  if (customer.meterIds.length === 0) return yearAgo;
  const [row] = await wh.query<{ ms: number | null }>(
    `SELECT ${wh.dialect.epochMs('min(ts)')} AS ms FROM readings WHERE channel = 1 AND meter_id IN (${customer.meterIds.map(() => '?').join(', ')})`, [...customer.meterIds]);
  if (row?.ms === null || row?.ms === undefined) return yearAgo;
  const first = localIsoDate(Number(row.ms), customer.timeZone);
  return first > yearAgo ? first : yearAgo;
}

/** `gridlens bill --customer ID [--tariff ID] [--from --to]`: bills stored validated readings (default: the last 12 complete months). */
export async function billFromStore(config: Pick<GridLensConfig, 'db'>, request: StoreBillRequest, warehouse?: Warehouse): Promise<BillRunResult> {
  return withStore(config, async (wh) => {
    const [customer] = await loadCustomerRecords(wh, [request.customer]);
    if (!customer) throw new NotFoundError('customer', request.customer);
    const tariffSpec = request.tariff ?? customer.tariffId;
    if (!tariffSpec) throw new ValidationError(`customer ${customer.customerId} has no tariff; give --tariff`);
    const tariff = await resolveTariff(wh, tariffSpec);
    const last = await lastReadingDate(wh);
    if (!last) throw new ValidationError('the store has no readings to bill');
    const to = request.to ?? lastCompleteMonth(last);
    const from = request.from ?? await defaultFrom(wh, customer, billingMonths(to, 12)[0].periodStart);
    const fromMs = localMidnightUtc(from, customer.timeZone);
    const toMs = localMidnightUtc(isoDateOfEpochDay(epochDay(to) + 1), customer.timeZone);
    if (toMs <= fromMs) throw new ValidationError(`--to ${to} must not be before --from ${from}`);
    const { usage, present } = await customerUsage(wh, customer, fromMs, toMs);
    const before = tariff.china?.tierAccumulation === 'annual' ? await kwhBefore(wh, customer, from) : 0;
    const notes = ['missing and invalid intervals are billed as 0 kWh; see coverage per period'];
    return runResult({ tariff, usage, present, from, to, tierYearKwhBefore: before, contractKva: customer.contractKva }, customer.customerId, notes);
  }, { warehouse, readOnly: false });
}
