/**
 * Analytics at utility scale: features + segments + value for N customers with 365 days of DAILY
 * readings (100,000 customers = 36.5M rows), next to a same-run reference: DuckDB aggregating the
 * same rows to customer × month × day-kind totals. Cases, each in its own process (own peak RSS):
 *   setup DB N      — generates the store: customers, daily meters, 365 days of readings (DuckDB range(), bulk),
 *                     monthly bills and payments derived from them, a few tickets
 *   pipeline DB N   — runFeatures (full), runSegments (fit), runValue: the measured work
 *   reference DB N  — CREATE TABLE AS SELECT customer, month, day kind, sum(kwh) over the same readings
 * Usage: node --import tsx bench/analytics.ts [--customers 100000]   (writes bench/results/analytics.json)
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runFeatures } from '../src/jobs/features.js';
import { runSegments } from '../src/jobs/segments.js';
import { runValue } from '../src/jobs/value.js';
import { openDuckDb } from '../src/warehouse/duckdb/index.js';
import { migrate } from '../src/warehouse/migrations/index.js';
import { reportCase, round, runCase, writeResult, type CaseResult } from './lib/harness.js';

const DAYS = 365;

/** CPU seconds of this process (all threads, DuckDB's included): comparable when other work shares the cores. */
const cpuSeconds = () => {
  const u = process.cpuUsage();
  return round((u.user + u.system) / 1e6, 2);
};
/** Local midnight of 2025-01-01 in Asia/Shanghai, in UTC. */
const FIRST_TS = "TIMESTAMP '2024-12-31 16:00:00'";

/**
 * Four usage patterns (customer number mod 4): all-year household with winter and summer peaks,
 * air-conditioning-heavy (summer), workday business (low on weekends), electric heating (winter);
 * sizes and day-to-day noise from integer hashes so every run writes the same rows.
 */
async function setupCase(db: string, n: number): Promise<void> {
  rmSync(db, { force: true });
  const wh = await openDuckDb(db);
  try {
    await migrate(wh);
    const t0 = performance.now();
    await wh.run(`INSERT INTO customers SELECT 'C' || lpad(i::VARCHAR, 8, '0'), 'name ' || i, CASE WHEN i % 4 = 2 THEN 'commercial' ELSE 'residential' END,
      CASE WHEN i % 4 = 2 THEN 'F5212' ELSE 'RES' END, 'Hangzhou', 'Xihu', 'address ' || i, '138' || lpad((i * 7919 % 100000000)::VARCHAR, 8, '0'), '330106' || lpad(i::VARCHAR, 12, '0'),
      '220V', 8, 'ZJ-RES', 'TA' || (i // 80), 'F' || (i // 800), DATE '2000-01-01' + CAST((i * 104729) % 9000 AS INTEGER), 'active', true, 'Asia/Shanghai'
      FROM range(1, ${n + 1}) t(i)`);
    await wh.run(`INSERT INTO meters SELECT i, 'M' || i, 'C' || lpad(i::VARCHAR, 8, '0'), 'TA' || (i // 80), 1, 1440, 'import', 1, DATE '2015-01-01' FROM range(1, ${n + 1}) t(i)`);
    await wh.run(`INSERT INTO readings SELECT m, 1, ${FIRST_TS} + INTERVAL (d) DAY,
        round((4 + (m * 2654435761 % 1000) / 100.0)
          * CASE m % 4 WHEN 0 THEN 1 + 0.3 * cos((d - 15) / 58.1) WHEN 1 THEN 1 + 0.9 * greatest(0, -cos(d / 58.1)) WHEN 2 THEN 1 ELSE 1 + 1.2 * greatest(0, cos(d / 58.1)) END
          * CASE WHEN m % 4 = 2 AND (d + 3) % 7 IN (5, 6) THEN 0.35 WHEN (d + 3) % 7 IN (5, 6) THEN 1.15 ELSE 1 END
          * (0.85 + ((m * 7919 + d * 104729) % 1000) / 3333.0), 3), 0, 1
      FROM range(1, ${n + 1}) t(m), range(0, ${DAYS}) u(d)`);
    const tReadings = performance.now();
    await wh.run(`INSERT INTO bills SELECT 'B' || m.meter_id || '-' || mon, 'A' || m.meter_id, m.customer_id, 'ZJ-RES', DATE '2025-01-01' + to_months(mon - 1),
        DATE '2025-01-01' + to_months(mon) - INTERVAL 1 DAY, kwh, round(kwh * 0.558, 2), 'CNY', DATE '2025-01-01' + to_months(mon) + INTERVAL 2 DAY, DATE '2025-01-01' + to_months(mon) + INTERVAL 17 DAY
      FROM (SELECT meter_id, month(ts + INTERVAL 8 HOUR) AS mon, sum(kwh) AS kwh FROM readings GROUP BY ALL) r JOIN meters m USING (meter_id)`);
    await wh.run(`INSERT INTO payments SELECT 'P' || substr(bill_id, 2), bill_id, account_id, customer_id,
        CAST(due_date AS TIMESTAMP) + INTERVAL ((hash(bill_id) % 25)::INTEGER - 15) DAY, amount, 'CNY',
        CASE hash(customer_id) % 5 WHEN 0 THEN 'counter' WHEN 1 THEN 'bank_debit' WHEN 2 THEN 'app' WHEN 3 THEN 'wechat' ELSE 'alipay' END, 'settled' FROM bills`);
    await wh.run(`INSERT INTO tickets SELECT 'T' || i, 'C' || lpad((i * 37 % ${n} + 1)::VARCHAR, 8, '0'), TIMESTAMP '2025-03-01' + INTERVAL (i % 300) DAY, 'hotline_95598',
        CASE WHEN i % 3 = 0 THEN 'complaint' ELSE 'consultation' END, 'billing', 'zh', 'text', 'closed', NULL, NULL FROM range(1, ${Math.max(1, Math.round(n / 20))}) t(i)`);
    await wh.run('CHECKPOINT');
    const [{ rows }] = await wh.query<{ rows: number }>('SELECT count(*) AS rows FROM readings');
    reportCase(`setup ${n}`, Number(rows), (performance.now() - t0) / 1000, { readingsSeconds: round((tReadings - t0) / 1000, 3) });
  } finally {
    await wh.close();
  }
}

async function pipelineCase(db: string, n: number): Promise<void> {
  const wh = await openDuckDb(db);
  try {
    const t0 = performance.now();
    const features = await runFeatures(wh, { full: true });
    const t1 = performance.now();
    const segments = await runSegments({ db }, {}, wh);
    const t2 = performance.now();
    const value = await runValue({ db }, {}, wh);
    const t3 = performance.now();
    reportCase(`pipeline ${n}`, n * DAYS, (t3 - t0) / 1000, {
      featuresSeconds: round((t1 - t0) / 1000, 3), segmentsSeconds: round((t2 - t1) / 1000, 3), valueSeconds: round((t3 - t2) / 1000, 3),
      featureRows: features.featureRows, segmentCustomers: segments.customers, k: segments.k, valueCustomers: value.customers,
      tiers: Object.fromEntries(value.tiers.map((t) => [t.tier, t.customers])), cpuSeconds: cpuSeconds(),
    });
  } finally {
    await wh.close();
  }
}

async function referenceCase(db: string, n: number): Promise<void> {
  const wh = await openDuckDb(db);
  try {
    const t0 = performance.now();
    await wh.run(`CREATE OR REPLACE TEMP TABLE ref AS SELECT meter_id, month(ts + INTERVAL 8 HOUR) AS mon, isodow(ts + INTERVAL 8 HOUR) >= 6 AS rest, sum(kwh) AS kwh, count(*) AS days
      FROM readings GROUP BY ALL`);
    const [{ rows }] = await wh.query<{ rows: number }>('SELECT count(*) AS rows FROM ref');
    reportCase(`reference ${n}`, n * DAYS, (performance.now() - t0) / 1000, { groups: Number(rows), cpuSeconds: cpuSeconds() });
  } finally {
    await wh.close();
  }
}

const cases: Record<string, (db: string, n: number) => Promise<void>> = { setup: setupCase, pipeline: pipelineCase, reference: referenceCase };

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] && cases[args[0]]) return cases[args[0]](args[1], Number(args[2]));
  const at = args.indexOf('--customers');
  const n = at >= 0 ? Number(args[at + 1]) : 100_000;
  const db = join(tmpdir(), `gridlens-bench-analytics-${process.pid}.duckdb`);
  const results: CaseResult[] = [];
  try {
    for (const c of ['setup', 'reference', 'pipeline']) {
      process.stderr.write(`bench analytics: ${c} ${n.toLocaleString('en-US')} customers\n`);
      results.push(runCase('analytics.ts', [c, db, String(n)]));
    }
  } finally {
    rmSync(db, { force: true });
    rmSync(`${db}.wal`, { force: true });
  }
  const by = (c: string) => results.find((r) => r.name === `${c} ${n}`)!;
  const path = writeResult('analytics', {
    results,
    summary: {
      customers: n, readings: n * DAYS, pipelineSeconds: by('pipeline').seconds, referenceSeconds: by('reference').seconds,
      slowdownVersusReference: round(by('pipeline').seconds / by('reference').seconds, 1), peakRssMb: by('pipeline').peakRssMb,
      targets: { pipelineSeconds: 60 },
      note: 'pipeline = runFeatures (full) + runSegments (fit: k 4–12 chosen on a 3,000-customer sample, centroids on 10,000, then all assigned) + runValue (with churn scoring); reference = DuckDB aggregating the same readings to customer × month × day kind',
    },
  });
  process.stderr.write(`wrote ${path}\n`);
}

await main();
