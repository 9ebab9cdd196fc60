import { Mulberry32 } from '../ml/index.js';
import { openDuckDb } from '../../warehouse/duckdb/index.js';
import { migrate } from '../../warehouse/migrations/index.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import type { MeterInfo } from './roster-queries.js';
import { buildUsagePanel, type UsagePanel } from './usage-panel.js';
import type { MeterDayRow, ProfileRow } from './usage-queries.js';

/** 2026-01-01 as a day number; test series start there at local midnight (UTC offset 0). */
export const FIRST_DAY = 20454;
const MS_PER_DAY = 86_400_000;

/** A household-like hourly series: base load, morning and evening peaks, day-to-day noise. */
export function householdSeries(days: number, seed: number, scale = 1): Float64Array {
  const rng = new Mulberry32(seed);
  const out = new Float64Array(days * 24);
  for (let d = 0; d < days; d++) {
    const level = scale * (0.9 + 0.2 * rng.next());
    for (let h = 0; h < 24; h++) {
      const shape = 0.2 + (h >= 7 && h <= 8 ? 0.5 : 0) + (h >= 18 && h <= 21 ? 0.9 : 0);
      out[d * 24 + h] = Math.round(level * shape * (0.85 + 0.3 * rng.next()) * 1000) / 1000;
    }
  }
  return out;
}

/** Scales readings from `fromDay` on (a meter under-registering, like h1 or a bypass). */
export function scaledFrom(series: Float64Array, fromDay: number, factor: number): Float64Array {
  return series.map((v, i) => (i >= fromDay * 24 ? Math.round(v * factor * 1000) / 1000 : v));
}

export function meterInfo(meterId: number, areaId = 'A1', patch: Partial<MeterInfo> = {}): MeterInfo {
  return {
    meterId, customerId: `C${meterId}`, areaId, customerType: 'residential', tariffId: 'T', active: true, hasExport: false, intervalMinutes: 60,
    ...patch,
  };
}

/** The daily aggregates the warehouse would return for an hourly series (night = 22:00–06:00). */
export function meterDayRows(meterId: number, hourly: Float64Array, zeroKwh = 0.0005): MeterDayRow[] {
  const rows: MeterDayRow[] = [];
  let previous = Number.NaN;
  for (let d = 0; d < hourly.length / 24; d++) {
    let kwh = 0, zeros = 0, night = 0, sumsq = 0, jumps = 0, n = 0;
    for (let h = 0; h < 24; h++) {
      const v = hourly[d * 24 + h];
      if (Number.isNaN(v)) continue;
      n++;
      kwh += Math.max(0, v);
      zeros += v >= 0 && v <= zeroKwh ? 1 : 0;
      night += h >= 22 || h < 6 ? Math.max(0, v) : 0;
      sumsq += v > 0 ? v * v : 0;
      jumps += Number.isNaN(previous) ? 0 : Math.abs(v - previous);
      previous = v;
    }
    if (n > 0) rows.push({ meter_id: meterId, channel: 1, day: FIRST_DAY + d, n, kwh, negatives: 0, zeros, night, sumsq, jumps });
  }
  return rows;
}

/** Mean hourly profile per block of `blockDays` days, as the warehouse would return it. */
export function profileRows(meterId: number, hourly: Float64Array, blockDays: number): ProfileRow[] {
  const rows: ProfileRow[] = [];
  const days = hourly.length / 24;
  for (let b = 0; b * blockDays < days; b++) {
    for (let h = 0; h < 24; h++) {
      let sum = 0, n = 0;
      for (let d = b * blockDays; d < Math.min(days, (b + 1) * blockDays); d++) {
        sum += hourly[d * 24 + h];
        n++;
      }
      rows.push({ meter_id: meterId, block: b, hour: h, kwh: sum / n });
    }
  }
  return rows;
}

/** A usage panel of hand-made hourly series (meter ids 1..n), without a warehouse. */
export function panelOf(series: readonly Float64Array[], infos?: readonly MeterInfo[], blockDays = 28): UsagePanel {
  const meters = infos ?? series.map((_, i) => meterInfo(i + 1));
  return buildUsagePanel(
    meters,
    series.flatMap((s, i) => meterDayRows(meters[i].meterId, s)),
    series.flatMap((s, i) => profileRows(meters[i].meterId, s, blockDays)),
    blockDays,
    0.5,
  );
}

/** An in-memory store with one customer and meter per series, all in area `A1`, and the area meter's input. */
export async function storeOf(series: readonly Float64Array[], areaInput: Float64Array): Promise<Warehouse> {
  const wh = await openDuckDb(':memory:');
  await migrate(wh);
  const customers = series.map((_, i) => ({
    customer_id: `C${i + 1}`, name: 'n', customer_type: 'residential', industry_code: 'RES', region: 'r', district: 'd', address: 'a', phone: 'p',
    id_number: 'i', voltage_level: '220V', contract_capacity_kva: 8, tariff_id: 'T', area_id: 'A1', feeder_id: 'F', open_date: '2020-01-01',
    status: 'active', marketing_consent: false, time_zone: 'UTC',
  }));
  await wh.append('customers', rowsBatch(customers));
  await wh.append('meters', rowsBatch(series.map((_, i) => ({
    meter_id: i + 1, meter_no: `M${i + 1}`, customer_id: `C${i + 1}`, area_id: 'A1', multiplier: 1, interval_minutes: 60, channels: 'import',
    phases: 1, install_date: '2020-01-01',
  }))));
  for (const [i, s] of series.entries()) await wh.append('readings', hourlyBatch({ meter_id: i + 1 }, s));
  await wh.append('area_readings', hourlyBatch({ area_id: 'A1' }, areaInput));
  return wh;
}

function rowsBatch(rows: readonly Record<string, unknown>[]) {
  const names = Object.keys(rows[0]);
  return { rowCount: rows.length, columns: Object.fromEntries(names.map((n) => [n, rows.map((r) => r[n])])) };
}

function hourlyBatch(key: { meter_id: number } | { area_id: string }, values: Float64Array) {
  const n = values.length;
  const ts = Float64Array.from({ length: n }, (_, i) => FIRST_DAY * MS_PER_DAY + i * 3_600_000);
  const common = { ts, kwh: Float64Array.from(values), source_id: new Uint16Array(n) };
  if ('meter_id' in key) {
    return { rowCount: n, columns: { ...common, meter_id: new Int32Array(n).fill(key.meter_id), channel: new Uint8Array(n).fill(1), quality: new Uint8Array(n) } };
  }
  return { rowCount: n, columns: { ...common, area_id: Array.from({ length: n }, () => key.area_id) } };
}
