import { batchFromRows } from '../../core/record-batch.js';
import { MS_PER_DAY, MS_PER_HOUR } from '../../core/time/index.js';
import { openDuckDb } from '../../warehouse/duckdb/index.js';
import { migrate } from '../../warehouse/migrations/index.js';
import type { Warehouse } from '../../warehouse/warehouse.js';

/** 2026-01-05 (a Monday) as an epoch day: test series start at its local midnight. */
export const TEST_FIRST_DAY = 20458;

export interface TestMeter {
  readonly customerId: string;
  readonly meterId: number;
  /** Hourly import kWh from local midnight of TEST_FIRST_DAY; NaN = a missing interval (quality 3). */
  readonly hourly: Float64Array;
  /** Hourly export kWh (channel 2), same clock. */
  readonly exported?: Float64Array;
  readonly intervalMinutes?: number;
}

/** An in-memory store with the given customers and meters (hourly series), in `timeZone`. */
export async function featureStoreOf(meters: readonly TestMeter[], timeZone = 'Asia/Shanghai', offsetMinutes = 480): Promise<Warehouse> {
  const wh = await openDuckDb(':memory:');
  await migrate(wh);
  const customerIds = [...new Set(meters.map((m) => m.customerId))];
  await wh.append('customers', batchFromRows(customerIds.map((id) => ({
    customer_id: id, name: '张三', customer_type: 'residential', industry_code: 'RES', region: 'r', district: 'd', address: 'a', phone: '13800000000',
    id_number: '110101199001011234', voltage_level: '220V', contract_capacity_kva: 8, tariff_id: 'T', area_id: 'A1', feeder_id: 'F', open_date: '2020-01-01',
    status: 'active', marketing_consent: false, time_zone: timeZone,
  }))));
  await wh.append('meters', batchFromRows(meters.map((m) => ({
    meter_id: m.meterId, meter_no: `M${m.meterId}`, customer_id: m.customerId, area_id: 'A1', multiplier: 1, interval_minutes: m.intervalMinutes ?? 60,
    channels: m.exported ? 'import,export' : 'import', phases: 1, install_date: '2020-01-01',
  }))));
  for (const m of meters) {
    await wh.append('readings', seriesBatch(m.meterId, 1, m.hourly, offsetMinutes));
    if (m.exported) await wh.append('readings', seriesBatch(m.meterId, 2, m.exported, offsetMinutes));
  }
  return wh;
}

/** Readings for an hourly series starting at local midnight of TEST_FIRST_DAY. */
export function seriesBatch(meterId: number, channel: number, values: Float64Array, offsetMinutes: number, startDay = TEST_FIRST_DAY) {
  const n = values.length;
  const start = startDay * MS_PER_DAY - offsetMinutes * 60_000;
  const quality = new Uint8Array(n);
  const kwh = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const missing = Number.isNaN(values[i]);
    quality[i] = missing ? 3 : 0;
    kwh[i] = missing ? Number.NaN : values[i];
  }
  return {
    rowCount: n,
    columns: {
      meter_id: new Int32Array(n).fill(meterId), channel: new Uint8Array(n).fill(channel),
      ts: Float64Array.from({ length: n }, (_, i) => start + i * MS_PER_HOUR), kwh, quality, source_id: new Uint16Array(n),
    },
  };
}

/** Repeats a 24-hour profile for `days` days. */
export function repeatDays(profile: readonly number[], days: number): Float64Array {
  const out = new Float64Array(days * 24);
  for (let i = 0; i < out.length; i++) out[i] = profile[i % 24];
  return out;
}
