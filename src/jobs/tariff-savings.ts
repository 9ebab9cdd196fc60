import type { GridLensConfig } from '../core/config.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import { epochDay, isoDateOfEpochDay, localMidnightUtc, MS_PER_DAY, utcOffsetMinutes } from '../core/time/index.js';
import { lastReadingDate, loadCustomerRecords, loadDailyTemperatures, type CustomerRecord } from '../analytics/offers/index.js';
import { measureSavings, type SavingsResult } from '../analytics/savings/index.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { withStore } from './store.js';

export interface SavingsRequest {
  readonly customer: string;
  /** First local day after the customer took the offer. */
  readonly intervention: string;
  /** Last local day of the reporting period (default: the last reading day). */
  readonly to?: string;
  readonly confidence?: 0.8 | 0.9 | 0.95;
}

export interface SavingsJobResult extends SavingsResult {
  readonly customerId: string;
  readonly baseline: { readonly from: string; readonly to: string };
  readonly reporting: { readonly from: string; readonly to: string };
}

/** kWh per local day; NaN for days with under 90% of their intervals valid (partial days scaled up otherwise). */
async function dailyKwh(wh: Warehouse, customer: CustomerRecord, fromMs: number, days: number, offset: number): Promise<Float64Array> {
  const out = new Float64Array(days).fill(Number.NaN);
  if (customer.meterIds.length === 0) return out;
  const day = wh.dialect.epochMs(`CAST(${wh.dialect.localDate('ts', offset)} AS TIMESTAMP)`);
  const rows = await wh.query<{ d: number; kwh: number | null; n: number }>(
    `SELECT ${day} AS d, sum(kwh) AS kwh, count(*) AS n FROM readings
      WHERE channel = 1 AND quality < 3 AND kwh >= 0 AND meter_id IN (${customer.meterIds.map(() => '?').join(', ')}) AND ts >= ? AND ts < ?
      GROUP BY 1`, [...customer.meterIds, new Date(fromMs), new Date(fromMs + days * MS_PER_DAY)]);
  const expected = (1440 / customer.intervalMinutes) * customer.meterIds.length;
  const first = fromMs + offset * 60_000;
  for (const row of rows) {
    const i = Math.round((Number(row.d) - first) / MS_PER_DAY);
    const n = Number(row.n);
    if (i >= 0 && i < days && n >= 0.9 * expected && row.kwh !== null) out[i] = (Number(row.kwh) * expected) / n;
  }
  return out;
}

/**
 * `gridlens offers savings --customer ID --intervention DATE`: CalTRACK avoided energy use of a
 * customer who took an offer: the daily model fitted on the 365 days before the intervention,
 * projected on the reporting period's weather, minus the actual use.
 */
export async function offerSavings(config: Pick<GridLensConfig, 'db'>, request: SavingsRequest, warehouse?: Warehouse): Promise<SavingsJobResult> {
  return withStore(config, async (wh) => {
    const [customer] = await loadCustomerRecords(wh, [request.customer]);
    if (!customer) throw new NotFoundError('customer', request.customer);
    const last = request.to ?? (await lastReadingDate(wh));
    if (!last) throw new ValidationError('offers savings: the store has no readings');
    const startDay = epochDay(request.intervention) - 365;
    const endDay = epochDay(last) + 1;
    if (endDay <= epochDay(request.intervention)) throw new ValidationError(`offers savings: --intervention ${request.intervention} must be before the last reporting day ${last}`);
    const fromMs = localMidnightUtc(isoDateOfEpochDay(startDay), customer.timeZone);
    const offset = utcOffsetMinutes(customer.timeZone, fromMs);
    const days = endDay - startDay;
    const kwh = await dailyKwh(wh, customer, fromMs, days, offset);
    const temps = await loadDailyTemperatures(wh, fromMs, days, offset);
    const result = measureSavings(
      { kwh: kwh.subarray(0, 365), temperatureC: temps.subarray(0, 365) },
      { kwh: kwh.subarray(365), temperatureC: temps.subarray(365) },
      request.confidence ? { confidence: request.confidence } : {});
    return {
      customerId: customer.customerId, ...result,
      baseline: { from: isoDateOfEpochDay(startDay), to: isoDateOfEpochDay(startDay + 364) },
      reporting: { from: request.intervention, to: isoDateOfEpochDay(endDay - 1) },
    };
  }, { warehouse });
}
