import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../src/jobs/ingest.js';
import { writeSynthFiles } from '../src/jobs/write-synth-files.js';
import { openDuckDb } from '../src/warehouse/duckdb/index.js';
import { migrate } from '../src/warehouse/migrations/index.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';
import { csvEngines } from './csv-engines.testkit.js';
import { storeFingerprint } from './ingest-state.testkit.js';

/** Re-running an ingest of the same data changes nothing; the ledger says why each file was skipped. */
const dir = mkdtempSync(join(tmpdir(), 'gridlens-idem-'));
const config = { db: ':memory:' };

beforeAll(async () => {
  await writeSynthFiles({ customers: 12, days: 6 }, dir, { greenButtonMeters: 2 });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(csvEngines)('idempotent ingest (engine %s)', (engine) => {
  let wh: Warehouse;
  let extra: string;
  beforeAll(async () => {
    wh = await openDuckDb(':memory:');
    await migrate(wh);
    extra = mkdtempSync(join(tmpdir(), `gridlens-idem-${engine}-`));
  });
  afterAll(async () => {
    await wh?.close();
    rmSync(extra, { recursive: true, force: true });
  });

  it('ingesting the same directory twice leaves the store identical and the ledger says skipped', async () => {
    const first = await ingest(config, { paths: [dir], options: { engine } }, { warehouse: wh });
    expect(first.totals).toMatchObject({ failed: 0, skipped: 0 });
    const before = await storeFingerprint(wh);
    const second = await ingest(config, { paths: [dir], options: { engine } }, { warehouse: wh });
    expect(second.totals).toMatchObject({ ingested: 0, skipped: first.totals.files, read: 0 });
    expect(second.files.every((f) => f.status === 'skipped' && /already ingested as file \d+/.test(f.reason ?? ''))).toBe(true);
    expect(await storeFingerprint(wh)).toEqual(before);
    const runs = await wh.query<{ status: string; files: number }>('SELECT status, files FROM ingest_runs ORDER BY run_id');
    expect(runs).toEqual([{ status: 'done', files: first.totals.files }, { status: 'done', files: first.totals.files }]);
    const ledger = await wh.query<{ n: number }>("SELECT count(*) AS n FROM ingest_files WHERE status = 'done'");
    expect(ledger[0].n).toBe(first.totals.files);
  });

  it('the same content under another name is skipped; a corrected delivery replaces the value and keeps the older one', async () => {
    const copy = join(extra, 'copy-of-readings.csv');
    copyFileSync(join(dir, 'csv', 'readings.csv'), copy);
    const { files: [same] } = await ingest(config, { paths: [copy], options: { engine } }, { warehouse: wh });
    expect(same.status).toBe('skipped');
    const lines = readFileSync(copy, 'utf8').trim().split('\n');
    const [meterNo, channel, time, kwh] = lines[1].split(',');
    const corrected = join(extra, 'correction.csv');
    writeFileSync(corrected, `${lines[0]}\n`);
    appendFileSync(corrected, `${meterNo},${channel},${time},${Number(kwh) + 1}\n`);
    const before = await wh.query<{ n: number }>('SELECT count(*) AS n FROM readings');
    const { files: [fix] } = await ingest(config, { paths: [corrected], options: { engine } }, { warehouse: wh });
    expect(fix).toMatchObject({ status: 'ingested', rowsInserted: 0, rowsDuplicate: 1, rowsSuperseded: 1 });
    expect(await wh.query<{ n: number }>('SELECT count(*) AS n FROM readings')).toEqual(before);
    const older = await wh.query<{ kwh: number; file_id: number }>('SELECT kwh, file_id FROM superseded_readings WHERE file_id = ?', [fix.fileId ?? -1]);
    expect(older).toEqual([{ kwh: Number(kwh), file_id: fix.fileId }]);
  });
});
