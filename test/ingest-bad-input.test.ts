import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ingest, type IngestRequest } from '../src/jobs/ingest.js';
import { quarantineList, quarantineReplay } from '../src/jobs/quarantine.js';
import { greenButtonBlock, greenButtonFooter, greenButtonHeader } from '../src/synth/files/green-button-xml.js';
import { openDuckDb } from '../src/warehouse/duckdb/index.js';
import { migrate } from '../src/warehouse/migrations/index.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';
import { bulkUnder, csvEngines, type CsvTestEngine } from './csv-engines.testkit.js';

/** Every bad input gets a clear error or quarantine entry naming file, line and reason; good records are kept. */
const dir = mkdtempSync(join(tmpdir(), 'gridlens-bad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const config = { db: ':memory:' };
const now = new Date(Date.UTC(2026, 0, 1));
let wh: Warehouse;
let engine: CsvTestEngine = 'auto';

beforeEach(async () => {
  await wh?.close();
  wh = await openDuckDb(':memory:');
  await migrate(wh);
  await wh.run(`INSERT INTO meters SELECT i, 'M000' || i, 'C' || i, 'TA1', 1, 15, 'import', 1, DATE '2020-01-01' FROM range(1, 4) t(i)`);
});

function file(name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const run = (paths: string[], extra: Partial<IngestRequest> = {}) => ingest(config, { paths, now, ...extra, options: { engine, ...extra.options } }, { warehouse: wh });
const quarantined = async () => (await quarantineList(config, { limit: 100 }, wh)).entries
  .map((e) => `${e.path.split('/').pop()}:${e.line} ${e.reason_code} ${e.reason}`).sort();
const count = async () => (await wh.query<{ n: number }>('SELECT count(*) AS n FROM readings'))[0].n;

describe.each(csvEngines)('bad records are quarantined with file, line and reason; good ones are kept (engine %s)', (csvEngine) => {
  beforeEach(() => {
    engine = csvEngine;
  });

  it('malformed lines, wrong types, unknown meters, future timestamps and negative import values', async () => {
    const path = file('mixed.csv', [
      'meter_no,channel,read_time,kwh',
      'M0001,import,2025-03-01 00:00:00,1.5',
      'M0001,import,2025-03-01 00:15:00',
      'M0001,import,2025-03-01 00:30:00,abc',
      'M0001,import,yesterday,1.0',
      'M0009,import,2025-03-01 00:00:00,1.0',
      'M0001,import,2027-03-01 00:00:00,1.0',
      'M0001,import,2025-03-01 00:45:00,-0.2',
      'M0002,export,2025-03-01 00:45:00,-0.2',
      'M0001,sideways,2025-03-01 01:00:00,1.0',
    ].join('\n'));
    const { files: [f] } = await run([path]);
    expect(f.bulk).toBe(bulkUnder(engine, 'staged'));
    expect(f).toMatchObject({ status: 'ingested', rowsRead: 9, rowsAccepted: 2, rowsQuarantined: 7 });
    expect(await quarantined()).toEqual([
      'mixed.csv:10 invalid_value unknown channel "sideways" (import/export, 1/2, 正向/反向)',
      'mixed.csv:3 malformed expected 4 fields, found 3',
      'mixed.csv:4 invalid_value value "abc" is not a number',
      'mixed.csv:5 invalid_time cannot read time "yesterday" as ymd',
      'mixed.csv:6 unknown_meter unknown meter "M0009" (not in the meters table)',
      'mixed.csv:7 future_timestamp timestamp 2027-02-28T16:00:00.000Z is in the future (after 2026-01-01T00:00:00.000Z)',
      'mixed.csv:8 negative_value negative value -0.2 kWh on the import channel (only export channels may be negative)',
    ]);
    expect(await count()).toBe(2);
  });

  it('replay stores quarantined readings once their meter exists', async () => {
    const path = file('unknown.csv', 'meter_no,read_time,kwh\nM0009,2025-03-01 00:00,1\nM0009,2025-03-01 00:15,2\nM0001,2025-03-01 00:15,x\n');
    await run([path]);
    const before = await quarantineReplay(config, { now }, wh);
    expect(before).toMatchObject({ examined: 2, replayed: 0, failingByReason: { unknown_meter: 2 }, notReplayable: 1 });
    await wh.run(`INSERT INTO meters VALUES (9, 'M0009', 'C9', 'TA1', 1, 15, 'import', 1, DATE '2020-01-01')`);
    expect(await quarantineReplay(config, { now }, wh)).toMatchObject({ examined: 2, replayed: 2, inserted: 2 });
    expect(await count()).toBe(2);
    expect(await quarantineReplay(config, { now }, wh)).toMatchObject({ examined: 0, replayed: 0 });
    expect((await quarantineList(config, { status: 'replayed' }, wh)).entries).toHaveLength(2);
  });

  it('GBK files with Chinese headers, CRLF and Chinese channel words are read without mangling', async () => {
    const { files } = await run([join('test/fixtures/ingest', 'gbk-long.csv'), join('test/fixtures/ingest', 'gbk-wide.csv')]);
    expect(files.map((f) => [f.status, f.encoding, f.rowsAccepted, f.rowsQuarantined])).toEqual([['ingested', 'gb18030', 9, 1], ['ingested', 'gb18030', 24, 0]]);
    expect(await quarantined()).toEqual(['gbk-long.csv:11 invalid_value value "坏值" is not a number']);
    const [wide] = await wh.query<{ first: Date; n: number }>('SELECT min(ts) AS first, count(*) AS n FROM readings WHERE meter_id = 3');
    expect(wide).toEqual({ first: new Date('2025-02-28T16:00:00Z'), n: 24 });
    expect(await wh.query('SELECT channel, kwh FROM readings WHERE meter_id = 2')).toEqual([{ channel: 2, kwh: -0.125 }]);
  });

  it('a truncated .gz fails with the file named and changes nothing', async () => {
    const full = gzipSync(Buffer.from(`meter_no,read_time,kwh\n${Array.from({ length: 5000 }, (_, i) => `M0001,2025-03-0${1 + (i % 9)} 00:00,${i}`).join('\n')}`));
    const path = file('cut.csv.gz', full.subarray(0, full.length - 200));
    const { files: [f], totals } = await run([path]);
    expect(f.status).toBe('failed');
    expect(f.reason).toMatch(new RegExp(`${path.replaceAll('.', '\\.')}: truncated or corrupt gzip stream`));
    expect(totals.failed).toBe(1);
    expect(await count()).toBe(0);
  });

  it('a Green Button feed without its ReadingType fails naming the file, element and line', async () => {
    const meter = { meterNo: 'M0001', customerId: 'C1', intervalMinutes: 15, tzOffsetSeconds: 28_800, updated: new Date(Date.UTC(2025, 5, 1)) };
    const start = Date.UTC(2025, 2, 1) / 1000;
    const xml = greenButtonHeader(meter).replace(/<entry><id>urn:uuid:rt-[\s\S]*?<\/entry>\n/, '')
      + greenButtonBlock(meter, 1, [start, start + 900], [1, 2]) + greenButtonFooter;
    const path = file('no-reading-type.xml', xml);
    const { files: [f] } = await run([path]);
    expect(f.status).toBe('failed');
    expect(f.reason).toMatch(/no-reading-type\.xml:6: IntervalBlock urn:uuid:ib-M0001-1 has no ReadingType/);
    expect(await count()).toBe(0);
  });

  it('unparseable XML names the file and line', async () => {
    const path = file('broken.xml', '<feed>\n<entry>\n</feed>\n');
    const { files: [f] } = await run([path]);
    expect(f.reason).toMatch(/broken\.xml:3: XML: <\/feed> does not close <entry>/);
  });

  it('a day-first file without a declared time format is an error that says what to set', async () => {
    const path = file('dayfirst.csv', 'meter_no,read_time,kwh\nM0001,31-12-2024 01:00,1\n');
    const { files: [f] } = await run([path]);
    expect(f.reason).toMatch(/dayfirst\.csv:2: cannot tell the date order.*timeFormat/);
    const { files: [ok] } = await run([file('dayfirst2.csv', 'meter_no,read_time,kwh\nM0001,31-12-2024 01:00,1\n')], { options: { timeFormat: 'dmy' } });
    expect(ok).toMatchObject({ status: 'ingested', rowsInserted: 1 });
  });
});
