/**
 * Day-ahead forecasts for many transformer areas, next to seasonal naive in the same run. The
 * store is generated once with DuckDB (N areas × 2 years of hourly area-meter readings with
 * residential, commercial and industrial shapes, weekends, Chinese holidays ignored, a temperature
 * response and noise; one weather station). Cases (each in its own process, so peak RSS is its own):
 *   pooled DB N          — `gridlens run forecast --scope area --model pooled-gbdt --backtest-days 0`: read, fit, forecast, store
 *   pooled-backtest DB N — the same with the default 14-day rolling backtest against seasonal naive (accuracy)
 *   naive DB N           — reference: the same run with seasonal naive (read, forecast, store)
 *   mlr DB N             — per-area vanilla MLR on the first 100 areas (time per area)
 * Usage: node --import tsx bench/forecast.ts [--areas 1000]   (writes bench/results/forecast.json)
 *        node --import tsx bench/forecast.ts CASE DB N         (one case; prints one JSON line)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runForecast, type ForecastRunRequest } from '../src/jobs/forecast.js';
import { openDuckDb } from '../src/warehouse/duckdb/index.js';
import { migrate } from '../src/warehouse/migrations/index.js';
import { reportCase, round, runCase, writeResult, type CaseResult } from './lib/harness.js';

const DAYS = 730;
const START = '2024-01-01 00:00:00';
const MLR_AREAS = 100;

/** Creates a store with `areas` transformer areas of hourly readings and hourly weather; returns the file and the rows written. */
export async function generateStore(areas: number): Promise<{ db: string; rows: number; seconds: number }> {
  const db = join(mkdtempSync(join(tmpdir(), 'gridlens-bench-forecast-')), 'store.duckdb');
  const wh = await openDuckDb(db);
  const started = performance.now();
  try {
    await migrate(wh);
    await wh.run(`INSERT INTO transformer_areas SELECT 'TA' || lpad(a::VARCHAR, 5, '0'), 'area ' || a, '杭州市', 'D' || (a % 10), 'FD' || (a % 50), 400, false FROM range(1, ${areas + 1}) t(a)`);
    // Temperature (°C) per UTC hour s: seasonal + daily cycle + a slow weather wave.
    const temperature = `(17 + 11 * sin(2 * pi() * ((s / 24.0) - 110) / 365) + 4 * sin(2 * pi() * (((s + 8) % 24) - 9) / 24) + 3 * sin(s / 53.0))`;
    await wh.run(`INSERT INTO weather SELECT 'HZ58457', TIMESTAMP '${START}' + INTERVAL (s) HOUR, ${temperature}, 70, 0 FROM range(0, ${DAYS * 24}) t(s)`);
    const hour = '((s + 8) % 24)';
    const weekend = `(dayofweek(TIMESTAMP '${START}' + INTERVAL (s + 8) HOUR) IN (0, 6))`;
    const shape = `CASE a % 3
      WHEN 0 THEN 0.6 + 0.5 * exp(-power(${hour} - 19, 2) / 8) + 0.2 * exp(-power(${hour} - 8, 2) / 4)
      WHEN 1 THEN 0.3 + 0.9 * exp(-power(${hour} - 13, 2) / 18) * (CASE WHEN ${weekend} THEN 0.4 ELSE 1 END)
      ELSE 0.15 + 0.85 * (CASE WHEN ${weekend} THEN 0.5 ELSE 1 END) END`;
    const weather = `(0.015 * power(greatest(${temperature} - 22, 0), 1.5) + 0.02 * greatest(10 - ${temperature}, 0))`;
    const noise = `(((hash(a * 100003 + s) % 10000) / 10000.0) - 0.5) * 0.16`;
    await wh.run(`INSERT INTO area_readings
      SELECT 'TA' || lpad(a::VARCHAR, 5, '0'), TIMESTAMP '${START}' + INTERVAL (s) HOUR,
             round((20 + (a * 7919) % 480) * (${shape} + ${weather}) * (1 + ${noise}), 3), 1
        FROM range(1, ${areas + 1}) t(a), range(0, ${DAYS * 24}) u(s)`);
    await wh.run('CHECKPOINT');
    const [{ n }] = await wh.query<{ n: number }>('SELECT count(*) AS n FROM area_readings');
    return { db, rows: Number(n), seconds: (performance.now() - started) / 1000 };
  } finally {
    await wh.close();
  }
}

async function forecastCase(name: string, db: string, areas: number, request: ForecastRunRequest): Promise<void> {
  const cpu = process.cpuUsage();
  const result = await runForecast({ db }, { scope: 'area', horizon: 'day', now: new Date('2026-01-01T00:00:00Z'), ...request });
  reportCase(`${name} ${areas}`, result.series * 24, result.seconds, {
    areas: result.series, model: result.model, timings: result.timings, cpuSeconds: cpuSecondsSince(cpu),
    backtest: result.backtest && { origins: result.backtest.origins, model: result.backtest.model, naive: result.backtest.naive, skill: result.backtest.skill },
  });
}

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return round((used.user + used.system) / 1e6, 3);
}

const ids = Array.from({ length: MLR_AREAS }, (_, i) => `TA${String(i + 1).padStart(5, '0')}`);

const cases: Record<string, (db: string, areas: number) => Promise<void>> = {
  pooled: (db, n) => forecastCase('pooled', db, n, { model: 'pooled-gbdt', backtestDays: 0 }),
  'pooled-backtest': (db, n) => forecastCase('pooled-backtest', db, n, { model: 'pooled-gbdt' }),
  naive: (db, n) => forecastCase('naive', db, n, { model: 'seasonal-naive', backtestDays: 0 }),
  mlr: (db) => forecastCase('mlr', db, MLR_AREAS, { model: 'vanilla-mlr', backtestDays: 0, ids }),
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] && cases[args[0]]) return cases[args[0]](args[1], Number(args[2]));
  if (args[0] && args[0] !== '--areas') throw new Error(`unknown case ${args[0]}: ${Object.keys(cases).join(', ')} or --areas`);
  const areas = args[0] === '--areas' ? Number(args[1]) : 1000;
  process.stderr.write(`bench forecast: generating ${areas} areas × ${DAYS} days hourly\n`);
  const store = await generateStore(areas);
  const results: CaseResult[] = [];
  try {
    for (const c of Object.keys(cases)) {
      process.stderr.write(`bench forecast: ${c}\n`);
      results.push(runCase('forecast.ts', [c, store.db, String(areas)]));
    }
  } finally {
    rmSync(join(store.db, '..'), { recursive: true, force: true });
  }
  const by = (c: string) => results.find((r) => r.name.startsWith(`${c} `)) as CaseResult;
  const backtest = by('pooled-backtest').backtest as { model: { mae: number; wape: number }; naive: { mae: number; wape: number }; skill: number };
  const path = writeResult('forecast', {
    store: { areas, days: DAYS, readings: store.rows, generateSeconds: round(store.seconds, 1) },
    results,
    summary: {
      dayAheadSeconds: by('pooled').seconds,
      dayAheadCpuSeconds: by('pooled').cpuSeconds,
      targetSeconds: 60,
      meetsTarget: by('pooled').seconds < 60,
      withBacktestSeconds: by('pooled-backtest').seconds,
      seasonalNaiveSeconds: by('naive').seconds,
      perAreaMlrSecondsPerArea: round(by('mlr').seconds / MLR_AREAS, 4),
      peakRssMb: by('pooled').peakRssMb,
      backtestWape: { pooledGbdt: backtest.model.wape, seasonalNaive: backtest.naive.wape, skill: backtest.skill },
    },
  });
  process.stderr.write(`bench forecast: wrote ${path}\n`);
}

if (process.argv[1]?.endsWith('forecast.ts')) await main();
