/**
 * Risk scoring at utility scale: credit rating, arrears scoring and theft detection over N
 * customers with D days of daily readings, twelve monthly bills and their payments. The store is
 * generated in DuckDB with set-based SQL (bulk, not the 15-minute generator): payment classes,
 * defaulters, returned payments, 3% thieves with a sustained drop and the area meters that see the
 * stolen energy. Cases (each in its own process, so peak RSS is its own):
 *   credit DB N / arrears DB N / theft DB N — `gridlens run credit|arrears|theft` on the store
 *   reference DB N — DuckDB alone: per-customer payment aggregates and per-meter daily statistics
 *                    over the same tables (the scan cost every scoring step pays at least once)
 * Usage: node --import tsx bench/risk.ts [--customers 100000] [--days 365] [--store PATH] [--cases credit,theft]
 *   (writes bench/results/risk.json; --store keeps the generated base store at PATH and reuses it
 *   when it exists, so repeated runs skip generation; --cases runs a subset)
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runArrears } from '../src/jobs/arrears.js';
import { runCredit } from '../src/jobs/credit.js';
import { runTheft } from '../src/jobs/theft.js';
import { openDuckDb } from '../src/warehouse/duckdb/index.js';
import { migrate } from '../src/warehouse/migrations/index.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';
import { reportCase, round, runCase, writeResult, type CaseResult } from './lib/harness.js';

const PER_AREA = 80;
const START = '2025-01-01';

/** Deterministic uniform in [0, 1) from integers (SQL). */
const u = (...parts: string[]) => `(hash(${parts.join(', ')}) % 1000000) / 1000000.0`;

async function generate(wh: Warehouse, n: number, days: number): Promise<void> {
  const areas = Math.ceil(n / PER_AREA);
  await wh.run(`INSERT INTO transformer_areas SELECT 'TA' || lpad(a::VARCHAR, 6, '0'), 'Area ' || a, 'R' || (a % 12), 'D' || (a % 40), 'F' || (a % 300), 400, false FROM range(0, ${areas}) t(a)`);
  await wh.run(`INSERT INTO customers SELECT 'C' || lpad(c::VARCHAR, 8, '0'), 'Name ' || c,
      CASE WHEN ${u('c', '1')} < 0.88 THEN 'residential' ELSE 'commercial' END, 'I0', 'R' || ((c // ${PER_AREA}) % 12), 'D0', 'addr', '13800000000', '330100000000000000',
      '0.4kV', 10, 'RES', 'TA' || lpad((c // ${PER_AREA})::VARCHAR, 6, '0'), 'F0', DATE '2000-01-01' + CAST(${u('c', '2')} * 8000 AS INTEGER), 'active', true, 'Asia/Shanghai'
    FROM range(0, ${n}) t(c)`);
  await wh.run(`INSERT INTO accounts SELECT 'A' || substr(customer_id, 2), customer_id, 'app', false, CASE WHEN ${u('hash(customer_id)', '3')} < 0.3 THEN 200 ELSE 0 END, 'CNY', open_date FROM customers`);
  await wh.run(`INSERT INTO meters SELECT c + 1, 'M' || c, 'C' || lpad(c::VARCHAR, 8, '0'), 'TA' || lpad((c // ${PER_AREA})::VARCHAR, 6, '0'), 1, 1440, 'import', 1, DATE '2015-01-01' FROM range(0, ${n}) t(c)`);
  // Daily kWh per meter: base × season × noise; thieves (3%) take 30-70% off from a day in the second half.
  await wh.run(`CREATE TEMP TABLE truth_daily AS SELECT c + 1 AS meter_id, d,
      (4 + 20 * ${u('c', '4')}) * (1 + 0.25 * cos(2 * pi() * d / 365.0)) * (0.85 + 0.3 * ${u('c', 'd', '5')}) AS kwh,
      CASE WHEN ${u('c', '6')} < 0.03 AND d >= ${Math.floor(days / 2)} + CAST(${u('c', '7')} * ${Math.floor(days / 4)} AS INTEGER) THEN 0.3 + 0.4 * ${u('c', '8')} ELSE 1 END AS factor
    FROM range(0, ${n}) t(c), range(0, ${days}) s(d)`);
  await wh.run(`INSERT INTO readings SELECT meter_id, 1, TIMESTAMP '${START}' - INTERVAL 8 HOUR + d * INTERVAL 1 DAY, round(kwh * factor, 3), 0, 1 FROM truth_daily ORDER BY meter_id, d`);
  await wh.run(`INSERT INTO area_readings SELECT m.area_id, TIMESTAMP '${START}' - INTERVAL 8 HOUR + t.d * INTERVAL 1 DAY, sum(t.kwh) / 0.96, 1
    FROM truth_daily t JOIN meters m ON m.meter_id = t.meter_id GROUP BY m.area_id, t.d ORDER BY 1, 2`);
  await wh.run('DROP TABLE truth_daily');
  const months = Math.max(2, Math.floor(days / 30.5));
  await wh.run(`INSERT INTO bills SELECT 'B' || substr(c.customer_id, 2) || '-' || k, 'A' || substr(c.customer_id, 2), c.customer_id, 'RES',
      DATE '${START}' + INTERVAL (k) MONTH, DATE '${START}' + INTERVAL (k + 1) MONTH, 30 * (4 + 20 * ${u('hash(c.customer_id)', '4')}),
      round(0.56 * 30 * (4 + 20 * ${u('hash(c.customer_id)', '4')}), 2), 'CNY', DATE '${START}' + INTERVAL (k + 1) MONTH + INTERVAL 2 DAY, DATE '${START}' + INTERVAL (k + 1) MONTH + INTERVAL 17 DAY
    FROM customers c, range(0, ${months}) t(k)`);
  // Payment classes: 70% on time, 18% occasionally late, 9% chronic, 3% defaulters who stop paying.
  await wh.run(`INSERT INTO payments SELECT b.bill_id || '-P1', b.bill_id, b.account_id, b.customer_id,
      CAST(b.due_date AS TIMESTAMP) + INTERVAL 2 HOUR + INTERVAL (CASE
        WHEN cls < 0.70 THEN -CAST(10 * ${u('hash(b.bill_id)', '9')} AS INTEGER)
        WHEN cls < 0.88 THEN CASE WHEN ${u('hash(b.bill_id)', '10')} < 0.2 THEN 5 + CAST(25 * ${u('hash(b.bill_id)', '11')} AS INTEGER) ELSE -3 END
        ELSE CASE WHEN ${u('hash(b.bill_id)', '10')} < 0.6 THEN 10 + CAST(60 * ${u('hash(b.bill_id)', '11')} AS INTEGER) ELSE -1 END END) DAY,
      b.amount, 'CNY', 'app', 'settled'
    FROM (SELECT b.*, ${u('hash(b.customer_id)', '12')} AS cls, row_number() OVER (PARTITION BY b.customer_id ORDER BY b.issue_date) AS k FROM bills b) b
    WHERE NOT (cls >= 0.97 AND k > ${months} * (0.3 + 0.5 * ${u('hash(b.customer_id)', '13')}))`);
  await wh.run(`INSERT INTO payments SELECT payment_id || 'R', bill_id, account_id, customer_id, paid_at - INTERVAL 3 DAY, amount, 'CNY', 'bank_debit', 'returned'
    FROM payments WHERE ${u('hash(payment_id)', '14')} < 0.01`);
  await wh.run('CHECKPOINT');
}

async function storeCase(db: string, work: (wh: Warehouse) => Promise<{ rows: number; extra: Record<string, unknown> }>, name: string): Promise<void> {
  const wh = await openDuckDb(db);
  try {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const { rows, extra } = await work(wh);
    const cpu = process.cpuUsage(cpu0);
    // CPU seconds of this process (JS + DuckDB threads): steadier than wall time on a shared machine.
    reportCase(name, rows, (performance.now() - t0) / 1000, { ...extra, cpuSeconds: round((cpu.user + cpu.system) / 1e6, 1) });
  } finally {
    await wh.close();
  }
}

const cases: Record<string, (db: string, n: number) => Promise<void>> = {
  credit: (db, n) => storeCase(db, async (wh) => {
    const r = await runCredit({ db }, { by: 'bench' }, wh);
    return { rows: r.customers, extra: { model: r.modelVersion, holdoutAuc: r.holdout && round(r.holdout.auc, 4), baselineAuc: r.holdout && round(r.holdout.baselineAuc, 4), customers: n } };
  }, 'credit'),
  arrears: (db, n) => storeCase(db, async (wh) => {
    const r = await runArrears({ db }, {}, wh);
    const e = r.evaluation;
    return { rows: r.customers, extra: { lateAuc: e.late && round(e.late.auc, 4), lateBaselineAuc: e.late && round(e.late.baselineAuc, 4), defaultAuc: e.default && round(e.default.auc, 4), defaultBaselineAuc: e.default && round(e.default.baselineAuc, 4), inArrears: r.inArrears, customers: n } };
  }, 'arrears'),
  theft: (db, n) => storeCase(db, async (wh) => {
    const r = await runTheft({ db }, { keep: 2000 }, wh);
    return { rows: r.meters, extra: { batches: r.batches, stored: r.stored, customers: n } };
  }, 'theft'),
  reference: (db) => storeCase(db, async (wh) => {
    const [p] = await wh.query(`SELECT count(*) AS n FROM (SELECT b.customer_id, avg(date_diff('day', b.due_date, CAST(p.paid_at AS DATE))) AS late, count(p.payment_id) AS pays
      FROM bills b LEFT JOIN payments p ON p.bill_id = b.bill_id GROUP BY b.customer_id)`);
    const [r] = await wh.query(`SELECT count(*) AS n FROM (SELECT meter_id, avg(kwh) AS mean, stddev(kwh) AS sd, quantile_cont(kwh, 0.5) AS median, count(*) AS days
      FROM readings GROUP BY meter_id)`);
    return { rows: Number(r.n), extra: { customersAggregated: Number(p.n) } };
  }, 'reference'),
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] && cases[args[0]]) return cases[args[0]](args[1], Number(args[2]));
  const flag = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
  const n = flag('--customers', 100_000);
  const days = flag('--days', 365);
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const kept = option('--store');
  const selected = option('--cases')?.split(',') ?? ['reference', 'credit', 'arrears', 'theft'];
  const dir = mkdtempSync(join(tmpdir(), 'gridlens-bench-risk-'));
  const base = kept ?? join(dir, 'base.duckdb');
  try {
    const t0 = performance.now();
    const reuse = kept !== undefined && existsSync(kept);
    const wh = await openDuckDb(base);
    if (!reuse) {
      await migrate(wh);
      await generate(wh, n, days);
    }
    const [{ readings }] = await wh.query<{ readings: number }>('SELECT count(*) AS readings FROM readings');
    await wh.close();
    const generateSeconds = (performance.now() - t0) / 1000;
    process.stderr.write(`bench risk: ${reuse ? 'reused' : 'generated'} ${n} customers, ${Number(readings)} daily readings in ${generateSeconds.toFixed(1)} s\n`);
    const results: CaseResult[] = [];
    for (const c of selected) {
      const db = join(dir, `${c}.duckdb`);
      copyFileSync(base, db);
      process.stderr.write(`bench risk: ${c}\n`);
      results.push(runCase('risk.ts', [c, db, String(n)]));
      rmSync(db, { force: true });
    }
    if (selected.length < 4) {
      process.stderr.write(`bench risk: partial run (${selected.join(', ')}), results not written\n${results.map((r) => JSON.stringify(r)).join('\n')}\n`);
      return;
    }
    const by = (name: string) => results.find((r) => r.name === name)!;
    const scoring = by('credit').seconds + by('arrears').seconds + by('theft').seconds;
    const path = writeResult('risk', {
      customers: n, days, readings: Number(readings), generateSeconds: round(generateSeconds, 1), results,
      summary: {
        scoringSeconds: round(scoring, 2),
        peakRssMb: Math.max(by('credit').peakRssMb, by('arrears').peakRssMb, by('theft').peakRssMb),
        scoringCpuSeconds: round(['credit', 'arrears', 'theft'].reduce((sum, c) => sum + Number(by(c).cpuSeconds ?? Number.NaN), 0), 1),
        referenceSeconds: by('reference').seconds,
        slowdownVersusReference: round(scoring / by('reference').seconds, 1),
        targets: { scoringSeconds: 60 },
        note: 'credit + arrears + theft, each in its own process on a copy of the same store; reference = DuckDB alone aggregating the payments per customer and the readings per meter',
      },
    });
    process.stderr.write(`wrote ${path}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true }); // a --store base lives outside dir and is kept
  }
}

await main();
