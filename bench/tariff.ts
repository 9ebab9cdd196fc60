/**
 * Billing at population scale: CUSTOMERS x 12 months of 15-minute data (100,000 customers = 3.5
 * billion intervals) billed under three tariffs (ZJ-RES-TOU, ZJ-GEN-TOU, ZJ-LI-TOU with its
 * capacity charge). The intervals are never materialised: each worker thread generates one
 * customer's year at a time from a deterministic formula, aggregates it into slots (month x day
 * class x local hour: kWh and maximum kW, 1,152 of each) in typed arrays, then bills the slots
 * with `simulateYearTotal` (bills equal to the engine's; src/analytics/offers/slot-bill*.test.ts).
 * Cases (each in its own process, so peak RSS is its own):
 *   bill N    — the above, in 2 worker threads (one per core)
 *   duckdb N  — reference: DuckDB generating the same intervals with range() and aggregating them
 *               into the same slots (GROUP BY customer, month, day class, hour) — no billing
 * Usage: node --import tsx bench/tariff.ts [--customers 100000] [--reference-customers 10000]
 *        node --import tsx bench/tariff.ts CASE N          (one case; prints one JSON line)
 */
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { DAY_CLASSES, dayClassOf, simulateYearTotal, SLOTS_PER_MONTH, billingMonths, type SlotUsage } from '../src/analytics/offers/index.js';
import { demoTariff } from '../src/core/tariff/index.js';
import { epochDay, WorkCalendar } from '../src/core/time/index.js';
import { openDuckDb } from '../src/warehouse/duckdb/index.js';
import { reportCase, round, runCase, writeResult, type CaseResult } from './lib/harness.js';

const YEAR = 2025;
const DAYS = 365;
const PER_DAY = 96;
const TARIFFS = ['ZJ-RES-TOU', 'ZJ-GEN-TOU', 'ZJ-LI-TOU'];
/** Load shape by local hour: night, day, evening peak, late evening. */
const SHAPE = Float64Array.from({ length: 24 }, (_, h) => (h < 7 ? 0.6 : h < 17 ? 1 : h < 22 ? 1.6 : 0.8));
const scaleOf = (c: number): number => 0.1 + (c % 17) * 0.05;

interface Calendar { readonly monthOfDay: Int8Array; readonly classOfDay: Int8Array; readonly classDays: Uint16Array }

function calendarOf(): Calendar {
  const cal = new WorkCalendar();
  const first = epochDay(`${YEAR}-01-01`);
  const months = billingMonths(`${YEAR}-12-31`);
  const monthOfDay = new Int8Array(DAYS);
  const classOfDay = new Int8Array(DAYS);
  const classDays = new Uint16Array(12 * DAY_CLASSES);
  months.forEach((m, i) => {
    for (let d = epochDay(m.periodStart); d < epochDay(m.periodEnd); d++) {
      monthOfDay[d - first] = i;
      classOfDay[d - first] = dayClassOf(d, cal);
      classDays[i * DAY_CLASSES + classOfDay[d - first]]++;
    }
  });
  return { monthOfDay, classOfDay, classDays };
}

/** One customer's year of intervals, aggregated straight into slots: kWh(c, i) = scale(c) x shape(hour) x (0.5 + hash(c, i) / 1000). */
function aggregate(c: number, cal: Calendar, kwh: Float64Array, maxKw: Float64Array): void {
  kwh.fill(0);
  maxKw.fill(0);
  const scale = scaleOf(c);
  let r = (c * 7919) % 1000; // (c * 7919 + i * 104729) % 1000, stepped by 729 per interval
  for (let d = 0; d < DAYS; d++) {
    const base = cal.monthOfDay[d] * SLOTS_PER_MONTH + cal.classOfDay[d] * 24;
    for (let q = 0; q < PER_DAY; q++) {
      const h = q >> 2;
      const v = scale * SHAPE[h] * (0.5 + r / 1000);
      r += 729;
      if (r >= 1000) r -= 1000;
      const slot = base + h;
      kwh[slot] += v;
      if (v * 4 > maxKw[slot]) maxKw[slot] = v * 4;
    }
  }
}

interface ShardResult { readonly customers: number; readonly intervals: number; readonly kwh: number; readonly revenue: number[]; readonly aggregateSeconds: number; readonly billSeconds: number }

function runShard(from: number, to: number): ShardResult {
  const cal = calendarOf();
  const months = billingMonths(`${YEAR}-12-31`);
  const tariffs = TARIFFS.map((id) => demoTariff(id));
  const kwh = new Float64Array(12 * SLOTS_PER_MONTH);
  const maxKw = new Float64Array(12 * SLOTS_PER_MONTH);
  const slots: SlotUsage = { months, kwh, maxKw, classDays: cal.classDays };
  const revenue = tariffs.map(() => 0);
  let total = 0;
  let aggregateMs = 0;
  let billMs = 0;
  for (let c = from; c < to; c++) {
    const t0 = performance.now();
    aggregate(c, cal, kwh, maxKw);
    const t1 = performance.now();
    for (const v of kwh) total += v;
    const contractKva = Math.ceil(scaleOf(c) * 4 * 1.6 * 1.5 * 10) * 10;
    tariffs.forEach((t, i) => { revenue[i] += simulateYearTotal(t, slots, { contractKva }); });
    aggregateMs += t1 - t0;
    billMs += performance.now() - t1;
  }
  return { customers: to - from, intervals: (to - from) * DAYS * PER_DAY, kwh: total, revenue, aggregateSeconds: aggregateMs / 1000, billSeconds: billMs / 1000 };
}

function startWorker(from: number, to: number): Promise<ShardResult> {
  const source = fileURLToPath(import.meta.url);
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); })`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap, { eval: true, workerData: { from, to } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

async function billCase(n: number): Promise<void> {
  const threads = Math.max(1, Math.min(2, cpus().length));
  const t0 = performance.now();
  const bounds = Array.from({ length: threads + 1 }, (_, i) => Math.round((n * i) / threads));
  const shards = await Promise.all(bounds.slice(0, -1).map((from, i) => startWorker(from, bounds[i + 1])));
  const seconds = (performance.now() - t0) / 1000;
  const intervals = shards.reduce((s, r) => s + r.intervals, 0);
  reportCase(`bill ${n}`, intervals, seconds, {
    customers: n, tariffs: TARIFFS, bills: n * 12 * TARIFFS.length, threads, kwh: round(shards.reduce((s, r) => s + r.kwh, 0), 1),
    revenueByTariff: Object.fromEntries(TARIFFS.map((id, i) => [id, round(shards.reduce((s, r) => s + r.revenue[i], 0), 2)])),
    aggregateCpuSeconds: round(shards.reduce((s, r) => s + r.aggregateSeconds, 0), 2), billCpuSeconds: round(shards.reduce((s, r) => s + r.billSeconds, 0), 2),
  });
}

async function duckdbCase(n: number): Promise<void> {
  const cal = calendarOf();
  const wh = await openDuckDb(':memory:', { memoryLimit: '2GB' });
  try {
    const days = Array.from({ length: DAYS }, (_, d) => `(${d}, ${cal.monthOfDay[d]}, ${cal.classOfDay[d]})`).join(', ');
    await wh.run(`CREATE TABLE days AS SELECT * FROM (VALUES ${days}) t(day, m, cls)`);
    const t0 = performance.now();
    const [row] = await wh.query<{ slots: number; kwh: number }>(`
      SELECT count(*) AS slots, sum(s) AS kwh FROM (
        SELECT x.c, d.m, d.cls, x.h, sum(x.v) AS s, max(x.v) * 4 AS max_kw
        FROM (SELECT c, i // ${PER_DAY} AS day, (i % ${PER_DAY}) // 4 AS h,
                (0.1 + (c % 17) * 0.05) * (CASE WHEN h < 7 THEN 0.6 WHEN h < 17 THEN 1.0 WHEN h < 22 THEN 1.6 ELSE 0.8 END)
                  * (0.5 + ((c * 7919 + i * 104729) % 1000) / 1000.0) AS v
              FROM range(0, ${n}) t(c), range(0, ${DAYS * PER_DAY}) u(i)) x
        JOIN days d ON d.day = x.day
        GROUP BY ALL)`);
    reportCase(`duckdb ${n}`, n * DAYS * PER_DAY, (performance.now() - t0) / 1000, { customers: n, slots: Number(row.slots), kwh: round(Number(row.kwh), 1) });
  } finally {
    await wh.close();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === 'bill') return billCase(Number(args[1]));
  if (args[0] === 'duckdb') return duckdbCase(Number(args[1]));
  const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
  const customers = option('--customers', 100_000);
  const reference = option('--reference-customers', 10_000);
  const results: CaseResult[] = [];
  for (const [c, n] of [['bill', reference], ['duckdb', reference], ['bill', customers]] as const) {
    process.stderr.write(`bench tariff: ${c} ${n.toLocaleString('en-US')} customers\n`);
    results.push(runCase('tariff.ts', [c, String(n)]));
  }
  const by = (name: string) => results.find((r) => r.name === name)!;
  const big = by(`bill ${customers}`);
  const [jsRef, dbRef] = [by(`bill ${reference}`), by(`duckdb ${reference}`)];
  const path = writeResult('tariff', {
    results,
    summary: {
      customers, intervals: big.rows, tariffs: TARIFFS, seconds: big.seconds, peakRssMb: big.peakRssMb, intervalsPerSecond: big.rowsPerSecond,
      target: { seconds: 60 },
      referenceCustomers: reference,
      speedupVersusDuckdbAggregation: round(jsRef.rowsPerSecond / dbRef.rowsPerSecond, 2),
      sameKwh: Math.abs(Number(jsRef.kwh) - Number(dbRef.kwh)) / Number(dbRef.kwh) < 1e-9,
      note: 'bill: intervals generated, aggregated into month x day-class x hour slots and billed under 3 tariffs in 2 worker threads; duckdb: the same intervals generated and aggregated into the same slots by DuckDB (no billing), on the reference customer count',
    },
  });
  process.stderr.write(`wrote ${path}\n`);
}

if (isMainThread) await main();
else parentPort!.postMessage(runShard((workerData as { from: number }).from, (workerData as { to: number }).to));
