import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../src/jobs/ingest.js';
import { openDuckDb } from '../src/warehouse/duckdb/index.js';
import { migrate } from '../src/warehouse/migrations/index.js';
import { bulkUnder, csvEngines, type CsvTestEngine } from './csv-engines.testkit.js';
import { storeFingerprint } from './ingest-state.testkit.js';

/**
 * `kill -9` in the middle of a large ingest, then a re-run, gives exactly the state of one clean
 * run: one transaction per file, the ledger row inside it.
 */
const dir = mkdtempSync(join(tmpdir(), 'gridlens-crash-'));
const big = join(dir, 'readings.csv');
const meters = join(dir, 'meters.csv');
const METERS = 800, STEPS = 2500; // 2,000,000 readings

beforeAll(async () => {
  const wh = await openDuckDb(':memory:');
  const q = (p: string) => `'${p.replaceAll("'", "''")}'`;
  await wh.run(`COPY (SELECT m AS meter_id, 'MT' || lpad(m::VARCHAR, 6, '0') AS meter_no, 'C' || m AS customer_id, 'TA1' AS area_id, 1.0 AS multiplier,
    15 AS interval_minutes, 'import' AS channels, 1 AS phases, DATE '2020-01-01' AS install_date FROM range(1, ${METERS + 1}) t(m)) TO ${q(meters)} (HEADER)`);
  await wh.run(`COPY (SELECT 'MT' || lpad(m::VARCHAR, 6, '0') AS meter_no, strftime(TIMESTAMP '2025-01-01' + INTERVAL (s * 15) MINUTE, '%Y-%m-%d %H:%M:%S') AS read_time,
    round(((m * 7919 + s * 104729) % 5000) / 1000.0, 3) AS kwh FROM range(1, ${METERS + 1}) t(m), range(0, ${STEPS}) u(s) ORDER BY m, s) TO ${q(big)} (HEADER)`);
  await wh.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function storeWithMeters(path: string) {
  const wh = await openDuckDb(path);
  await migrate(wh);
  await ingest({ db: path }, { paths: [meters] }, { warehouse: wh });
  return wh;
}

function killMidway(db: string, afterMs: number, engine: CsvTestEngine): Promise<{ signal: NodeJS.Signals | null; code: number | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'ingest', big, '--db', db, '--engine', engine, '--json'], { stdio: 'ignore' });
  const poll = setInterval(() => {
    if (!existsSync(`${db}.wal`)) return;
    clearInterval(poll);
    setTimeout(() => child.kill('SIGKILL'), afterMs);
  }, 20);
  return new Promise((resolve) => child.on('exit', (code, signal) => {
    clearInterval(poll);
    resolve({ code, signal });
  }));
}

describe.each(csvEngines)('crash safety (engine %s)', (engine) => {
  it('a killed ingest leaves no half-applied file, and the re-run equals one clean run', async () => {
    const clean = await storeWithMeters(join(dir, `clean-${engine}.duckdb`));
    const started = performance.now();
    const cleanRun = await ingest({ db: 'clean' }, { paths: [big], options: { engine } }, { warehouse: clean });
    expect(cleanRun.files[0].bulk).toBe(bulkUnder(engine, 'direct'));
    const cleanSeconds = (performance.now() - started) / 1000;
    expect(cleanRun.files[0]).toMatchObject({ status: 'ingested', rowsInserted: METERS * STEPS });
    const expected = await storeFingerprint(clean, { ignore: ['sources'] });
    await clean.close();

    const db = join(dir, `crashed-${engine}.duckdb`);
    await (await storeWithMeters(db)).close();
    expect(existsSync(`${db}.wal`)).toBe(false); // the child's run row creates it: the kill timer starts inside the run
    const exit = await killMidway(db, Math.max(300, cleanSeconds * 300), engine);
    expect(exit.signal).toBe('SIGKILL');

    const crashed = await openDuckDb(db);
    expect(await crashed.query('SELECT count(*) AS n FROM readings')).toEqual([{ n: 0 }]);
    expect(await crashed.query("SELECT status FROM ingest_files WHERE path = ?", [big])).toEqual([]);
    expect(await crashed.query("SELECT status FROM ingest_runs ORDER BY run_id DESC LIMIT 1")).toEqual([{ status: 'running' }]);
    const rerun = await ingest({ db }, { paths: [big], options: { engine } }, { warehouse: crashed });
    expect(rerun.files[0].status).toBe('ingested');
    expect(await storeFingerprint(crashed, { ignore: ['sources'] })).toEqual(expected);
    await crashed.close();
  });
});
