/**
 * CSV ingest speed and memory, next to DuckDB reading the same file in the same run. Cases (each
 * in its own process, so peak RSS is its own):
 *   ingest FILE N     — `gridlens ingest` of a long-layout CSV of N readings into a fresh DuckDB file
 *   ingest-vee FILE N — the same ingest, then `gridlens vee run` over the meters and days it stored (CSV → VEE → warehouse)
 *   read-csv FILE N   — reference: DuckDB `CREATE TABLE AS SELECT * FROM read_csv(FILE)` into a fresh file
 * Usage: node --import tsx bench/ingest.ts [--sizes 5000000,50000000]   (writes bench/results/ingest.json)
 *        node --import tsx bench/ingest.ts CASE FILE N                  (one case; prints one JSON line)
 *   mqtt PER_MESSAGE N — MQTT readings published to Mosquitto on 127.0.0.1:1883 → stored (bench/ingest-mqtt.ts)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../src/jobs/ingest.js';
import { veeRun } from '../src/jobs/vee-run.js';
import { openDuckDb } from '../src/warehouse/duckdb/index.js';
import { migrate } from '../src/warehouse/migrations/index.js';
import { reportCase, round, runCase, writeResult, type CaseResult } from './lib/harness.js';
import { mqttCase, mqttRuns, mqttSummary } from './ingest-mqtt.js';

const METERS = 1000;
const MEMORY_LIMIT = '1GB';
const quote = (path: string) => `'${path.replaceAll("'", "''")}'`;

const metersOf = (file: string) => join(file, '..', 'meters.csv');

/** Writes meters.csv and a meter-sorted long-layout readings.csv of about `n` rows (15-minute data) in a new directory. */
async function writeCsv(n: number): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'gridlens-bench-ingest-')), 'readings.csv');
  const wh = await openDuckDb(':memory:');
  const steps = Math.ceil(n / METERS);
  await wh.run(`COPY (SELECT m AS meter_id, '33010' || lpad(m::VARCHAR, 17, '0') AS meter_no, 'C' || m AS customer_id, 'TA1' AS area_id, 1.0 AS multiplier,
    15 AS interval_minutes, 'import' AS channels, 1 AS phases, DATE '2020-01-01' AS install_date FROM range(1, ${METERS + 1}) t(m)) TO ${quote(metersOf(path))} (HEADER)`);
  await wh.run(`COPY (SELECT '33010' || lpad(m::VARCHAR, 17, '0') AS meter_no, 'import' AS channel,
    strftime(TIMESTAMP '2024-01-01' + INTERVAL (s * 15) MINUTE, '%Y-%m-%d %H:%M:%S') AS read_time, round(((m * 7919 + s * 104729) % 5000) / 1000.0, 3) AS kwh
    FROM range(1, ${METERS + 1}) t(m), range(0, ${steps}) u(s) ORDER BY m, s) TO ${quote(path)} (HEADER)`);
  await wh.close();
  return path;
}

async function freshStore<T>(work: (wh: Awaited<ReturnType<typeof openDuckDb>>) => Promise<T>): Promise<T> {
  const db = join(tmpdir(), `gridlens-bench-ingest-${process.pid}.duckdb`);
  const wh = await openDuckDb(db, { memoryLimit: MEMORY_LIMIT });
  try {
    await migrate(wh);
    return await work(wh);
  } finally {
    await wh.close();
    rmSync(db, { force: true });
    rmSync(`${db}.wal`, { force: true });
  }
}

async function ingestCase(file: string, n: number): Promise<void> {
  await freshStore(async (wh) => {
    await ingest({ db: 'bench' }, { paths: [metersOf(file)] }, { warehouse: wh });
    const t0 = performance.now();
    const result = await ingest({ db: 'bench' }, { paths: [file] }, { warehouse: wh });
    if (result.totals.failed || result.totals.quarantined) throw new Error(`bench ingest failed: ${JSON.stringify(result.files[0])}`);
    await wh.run('CHECKPOINT');
    reportCase(`ingest ${n}`, result.totals.inserted, (performance.now() - t0) / 1000);
  });
}

/** CSV → VEE → warehouse: the ingest, then VEE streamed meter batch by batch from the store over the days the file covers. */
async function ingestVeeCase(file: string, n: number): Promise<void> {
  await freshStore(async (wh) => {
    await ingest({ db: 'bench' }, { paths: [metersOf(file)] }, { warehouse: wh });
    const t0 = performance.now();
    const result = await ingest({ db: 'bench' }, { paths: [file] }, { warehouse: wh });
    if (result.totals.failed || result.totals.quarantined) throw new Error(`bench ingest failed: ${JSON.stringify(result.files[0])}`);
    const t1 = performance.now();
    const vee = await veeRun({ db: 'bench', timeZone: 'Asia/Shanghai' }, {}, { warehouse: wh });
    await wh.run('CHECKPOINT');
    const t2 = performance.now();
    reportCase(`ingest-vee ${n}`, result.totals.inserted, (t2 - t0) / 1000, {
      ingestSeconds: round((t1 - t0) / 1000, 3), veeSeconds: round((t2 - t1) / 1000, 3), veeIntervals: vee.intervals, veeFlags: vee.flags.total, veeEdits: vee.edits.written,
    });
  });
}

async function readCsvCase(file: string, n: number): Promise<void> {
  await freshStore(async (wh) => {
    const t0 = performance.now();
    await wh.run(`CREATE TABLE raw AS SELECT * FROM read_csv(${quote(file)})`);
    await wh.run('CHECKPOINT');
    const [{ rows }] = await wh.query<{ rows: number }>('SELECT count(*) AS rows FROM raw');
    reportCase(`read-csv ${n}`, rows, (performance.now() - t0) / 1000);
  });
}

const cases: Record<string, (file: string, n: number) => Promise<void>> = { ingest: ingestCase, 'ingest-vee': ingestVeeCase, 'read-csv': readCsvCase };

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] && cases[args[0]]) return cases[args[0]](args[1], Number(args[2]));
  if (args[0] === 'mqtt') return mqttCase(args[1], Number(args[2]));
  if (args[0] && args[0] !== '--sizes') throw new Error(`unknown case ${args[0]}: ${Object.keys(cases).join(', ')} or --sizes`);
  const sizesArg = args.indexOf('--sizes');
  const sizes = sizesArg >= 0 ? args[sizesArg + 1].split(',').map(Number) : [5_000_000, 50_000_000];
  const results: CaseResult[] = [];
  for (const size of sizes) {
    const file = await writeCsv(size);
    for (const c of Object.keys(cases)) {
      process.stderr.write(`bench ingest: ${c} ${size.toLocaleString('en-US')}\n`);
      results.push(runCase('ingest.ts', [c, file, String(size)]));
    }
    rmSync(join(file, '..'), { recursive: true, force: true });
  }
  for (const run of mqttRuns) results.push(runCase('ingest.ts', ['mqtt', ...run]));
  const by = (c: string, size: number) => results.find((r) => r.name === `${c} ${size}`)!;
  const [small, large] = [sizes[0], sizes[sizes.length - 1]];
  const rss = (c: string) => ({ peakRssMb: Object.fromEntries(sizes.map((size) => [size, by(c, size).peakRssMb])), ratioLargeToSmall: round(by(c, large).peakRssMb / by(c, small).peakRssMb, 2) });
  const path = writeResult('ingest', {
    results,
    summary: {
      ingestRowsPerSecond: by('ingest', large).rowsPerSecond,
      ingestVeeRowsPerSecond: by('ingest-vee', large).rowsPerSecond,
      readCsvRowsPerSecond: by('read-csv', large).rowsPerSecond,
      slowdownVersusReadCsv: round(by('read-csv', large).rowsPerSecond / by('ingest-vee', large).rowsPerSecond, 2),
      ingestOnlySlowdownVersusReadCsv: round(by('read-csv', large).rowsPerSecond / by('ingest', large).rowsPerSecond, 2),
      peakRssRatioLargeToSmall: round(by('ingest-vee', large).peakRssMb / by('ingest-vee', small).peakRssMb, 2),
      peakRss: { ingest: rss('ingest'), ingestVee: rss('ingest-vee'), readCsv: rss('read-csv') },
      targets: { rowsPerSecond: 2_000_000, slowdownVersusReadCsv: 3, peakRssRatio: 1.3 },
      note: 'ingest-vee: CSV → validation → warehouse (DuckDB bulk load), then VEE over the stored meters and days; rates are readings per second of wall time; read-csv loads the same file into a DuckDB table in the same run',
      mqtt: mqttSummary(results),
    },
  });
  process.stderr.write(`wrote ${path}\n`);
}

await main();
