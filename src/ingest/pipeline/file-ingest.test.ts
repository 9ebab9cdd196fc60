import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { openDuckDb } from '../../warehouse/duckdb/index.js';
import { migrate } from '../../warehouse/migrations/index.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { CsvConnector } from '../csv/csv-connector.js';
import { ingestFiles } from './ingest-run.js';

/** Both CSV engines: DuckDB bulk loads (direct, or staged and merged) and the JS reader. */
const engines = ['duckdb', 'js'] as const;
let engine: (typeof engines)[number] = 'duckdb';

const dir = mkdtempSync(join(tmpdir(), 'gridlens-merge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function csv(name: string, rows: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, ['meter_no,read_time,kwh', ...rows].join('\n'));
  return path;
}

const now = new Date(Date.UTC(2026, 0, 1));
let wh: Warehouse;

async function ingestCsv(...paths: string[]) {
  return ingestFiles(wh, paths.map((path) => ({ file: { path, bytes: statSync(path).size }, connector: new CsvConnector({ timeZone: 'UTC', batchRows: 2, engine }) })), { now, mergeRows });
}
let mergeRows = 4_000_000;

const stored = async () => (await wh.query<{ m: number; ts: Date; kwh: number }>('SELECT meter_id AS m, ts, kwh FROM readings ORDER BY meter_id, ts'))
  .map((r) => `${r.m} ${r.ts.toISOString().slice(11, 16)} ${r.kwh}`);
const superseded = async () => (await wh.query<{ ts: Date; kwh: number; file_id: number }>('SELECT ts, kwh, file_id FROM superseded_readings ORDER BY ts, kwh'))
  .map((r) => `${r.ts.toISOString().slice(11, 16)} ${r.kwh} by ${r.file_id}`);

beforeEach(async () => {
  mergeRows = 4_000_000;
  await wh?.close();
  wh = await openDuckDb(':memory:');
  await migrate(wh);
  await wh.run("INSERT INTO meters VALUES (1, 'A', 'C1', 'TA1', 1, 15, 'import', 1, '2020-01-01'), (2, 'B', 'C2', 'TA1', 1, 15, 'import', 1, '2020-01-01')");
});

describe.each(engines)('the duplicate rule: identical → drop, different → keep the newer, record the older (engine %s)', (csvEngine) => {
  beforeEach(() => {
    engine = csvEngine;
  });

  it.each([4_000_000, 2])('applies within a file: the later row wins (merge every %i staged rows)', async (rows) => {
    mergeRows = rows;
    const path = csv('dups.csv', ['A,2025-01-01 00:00,1.5', 'A,2025-01-01 00:15,2', 'A,2025-01-01 00:00,1.5', 'A,2025-01-01 00:15,2.5', 'B,2025-01-01 00:00,3']);
    const { files: [f] } = await ingestCsv(path);
    expect(f).toMatchObject({ status: 'ingested', rowsRead: 5, rowsAccepted: 5, rowsInserted: 3, rowsDuplicate: 2, rowsSuperseded: 1 });
    expect(await stored()).toEqual(['1 00:00 1.5', '1 00:15 2.5', '2 00:00 3']);
    expect(await superseded()).toEqual([`00:15 2 by ${f.fileId}`]);
  });

  it('applies across files: a later file replaces different values and drops identical ones', async () => {
    const first = csv('first.csv', ['A,2025-01-01 00:00,1', 'A,2025-01-01 00:15,2']);
    const second = csv('second.csv', ['A,2025-01-01 00:00,1', 'A,2025-01-01 00:15,9', 'A,2025-01-01 00:30,3']);
    const { files: [f1, f2] } = await ingestCsv(first, second);
    expect([f1.bulk, f2.bulk]).toEqual(engine === 'js' ? [undefined, undefined] : ['direct', 'staged']);
    expect(f2).toMatchObject({ rowsInserted: 1, rowsDuplicate: 2, rowsSuperseded: 1 });
    expect(await stored()).toEqual(['1 00:00 1', '1 00:15 9', '1 00:30 3']);
    expect(await superseded()).toEqual([`00:15 2 by ${f2.fileId}`]);
  });

  it('skips a file whose content was ingested before, and says so in the ledger', async () => {
    const path = csv('once.csv', ['A,2025-01-01 00:00,1']);
    await ingestCsv(path);
    const copy = csv('copy-of-once.csv', ['A,2025-01-01 00:00,1']);
    const { files: [again] } = await ingestCsv(copy);
    expect(again.status).toBe('skipped');
    expect(again.reason).toMatch(/once\.csv/);
    expect(await wh.query("SELECT status, rows_inserted FROM ingest_files ORDER BY file_id")).toEqual([{ status: 'done', rows_inserted: 1 }]);
  });

  it('quarantines rejects in the same transaction and leaves nothing of a failed file', async () => {
    const path = csv('mixed.csv', ['A,2025-01-01 00:00,1', 'Z,2025-01-01 00:00,1', 'A,2027-01-01 00:00,1', 'A,2025-01-01 00:30,-0.5']);
    const { files: [f] } = await ingestCsv(path);
    expect(f).toMatchObject({ rowsAccepted: 1, rowsQuarantined: 3 });
    expect((await wh.query<{ reason_code: string; line: number }>('SELECT reason_code, line FROM quarantine ORDER BY line')).map((r) => `${r.line} ${r.reason_code}`))
      .toEqual(['3 unknown_meter', '4 future_timestamp', '5 negative_value']);
    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, Buffer.concat([Buffer.from('meter_no,read_time,kwh\nA,2025-01-02 00:00,1\n'), Buffer.from([0xff, 0xfe, 0x00])]));
    const { files: [failed] } = await ingestCsv(broken);
    expect(failed.status).toBe('failed');
    expect(failed.reason).toContain(broken);
    expect(await stored()).toEqual(['1 00:00 1']);
    expect(await wh.query("SELECT status FROM ingest_files ORDER BY file_id")).toEqual([{ status: 'done' }, { status: 'failed' }]);
  });
});
