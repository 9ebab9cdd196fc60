import { batchFromRows } from '../core/record-batch.js';
import { MS_PER_DAY, MS_PER_HOUR, epochDay } from '../core/time/index.js';
import type { ProgressListener } from '../core/record-batch.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { runFeatures, type FeaturesRunResult } from './features.js';

export interface SyntheticDailyOptions {
  readonly customers: number;
  readonly days: number;
  /** First local day (Asia/Shanghai), default 2025-01-01. */
  readonly start?: string;
  readonly seed?: number;
  readonly onProgress?: ProgressListener;
}

/** A small deterministic generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Fills an empty store with `customers` × `days` daily import readings (one meter per customer,
 * 1440-minute intervals, temperature-driven seasonality and noise) plus hourly weather: the
 * synthetic volume used to time the feature store (and by bench/analytics). Bulk appends only.
 */
export async function writeSyntheticDailyStore(wh: Warehouse, options: SyntheticDailyOptions): Promise<{ readings: number }> {
  const { customers, days } = options;
  const next = rng(options.seed ?? 42);
  const first = epochDay(options.start ?? '2025-01-01');
  const offset = 8 * MS_PER_HOUR; // Asia/Shanghai
  const ids = Array.from({ length: customers }, (_, i) => `C${String(i + 1).padStart(8, '0')}`);
  await wh.append('customers', batchFromRows(ids.map((id, i) => ({
    customer_id: id, name: `客户${i}`, customer_type: i % 10 === 0 ? 'commercial' : 'residential', industry_code: 'RES', region: 'r', district: 'd',
    address: 'a', phone: '13800000000', id_number: 'x', voltage_level: '220V', contract_capacity_kva: 8, tariff_id: 'T', area_id: `A${i % 1000}`,
    feeder_id: 'F', open_date: '2020-01-01', status: 'active', marketing_consent: false, time_zone: 'Asia/Shanghai',
  }))));
  await wh.append('meters', batchFromRows(ids.map((id, i) => ({
    meter_id: i + 1, meter_no: `M${i + 1}`, customer_id: id, area_id: `A${i % 1000}`, multiplier: 1, interval_minutes: 1440, channels: 'import',
    phases: 1, install_date: '2020-01-01',
  }))));
  // Hourly weather: a seasonal cycle plus a daily cycle.
  const hours = days * 24;
  const temps = new Float32Array(hours);
  const wts = new Float64Array(hours);
  const dailyTemp = new Float64Array(days);
  for (let h = 0; h < hours; h++) {
    const d = Math.floor(h / 24);
    const t = 17 - 12 * Math.cos((2 * Math.PI * (d + 15)) / 365) + 4 * Math.sin((2 * Math.PI * ((h % 24) - 9)) / 24) + 2 * (next() - 0.5);
    temps[h] = t;
    wts[h] = (first + d) * MS_PER_DAY - offset + (h % 24) * MS_PER_HOUR;
    dailyTemp[d] += t / 24;
  }
  await wh.append('weather', { rowCount: hours, columns: { station_id: Array(hours).fill('S1'), ts: wts, temperature_c: temps, relative_humidity: new Float32Array(hours).fill(70), irradiance_wm2: new Float32Array(hours) } });
  // Readings in batches of whole customers.
  const perBatch = Math.max(1, Math.floor(1_000_000 / days));
  let written = 0;
  for (let c0 = 0; c0 < customers; c0 += perBatch) {
    const c1 = Math.min(customers, c0 + perBatch);
    const n = (c1 - c0) * days;
    const meter = new Int32Array(n), ts = new Float64Array(n), kwh = new Float64Array(n);
    let k = 0;
    for (let c = c0; c < c1; c++) {
      const base = 3 + 30 * next() * next();
      const heat = 0.4 * next(), cool = 0.6 * next(), bpH = 10 + 6 * next(), bpC = 22 + 4 * next();
      for (let d = 0; d < days; d++) {
        const t = dailyTemp[d];
        meter[k] = c + 1;
        ts[k] = (first + d) * MS_PER_DAY - offset;
        kwh[k] = Math.max(0, base + heat * Math.max(0, bpH - t) + cool * Math.max(0, t - bpC) + base * 0.2 * (next() - 0.5));
        k++;
      }
    }
    written += await wh.append('readings', {
      rowCount: n, columns: { meter_id: meter, channel: new Uint8Array(n).fill(1), ts, kwh, quality: new Uint8Array(n), source_id: new Uint16Array(n) },
    });
    options.onProgress?.({ phase: 'readings', done: c1, total: customers });
  }
  return { readings: written };
}

export interface FeaturesBenchResult {
  readonly customers: number;
  readonly days: number;
  readonly readings: number;
  readonly generateSeconds: number;
  readonly features: FeaturesRunResult;
  readonly peakRssMb: number;
}

/** Times `runFeatures` (full recompute, with tags) on a synthetic daily store written into `wh` (empty). */
export async function benchFeatures(wh: Warehouse, options: SyntheticDailyOptions): Promise<FeaturesBenchResult> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 100);
  try {
    const t0 = performance.now();
    const { readings } = await writeSyntheticDailyStore(wh, options);
    await wh.run('CHECKPOINT');
    const generateSeconds = (performance.now() - t0) / 1000;
    const features = await runFeatures(wh, { full: true }, { onProgress: options.onProgress });
    peak = Math.max(peak, process.memoryUsage().rss);
    return { customers: options.customers, days: options.days, readings, generateSeconds, features, peakRssMb: Math.round(peak / 1048576) };
  } finally {
    clearInterval(timer);
  }
}
