import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openDuckDb } from '../../warehouse/duckdb/index.js';
import { migrate } from '../../warehouse/migrations/index.js';
import { ingestFiles } from '../pipeline/ingest-run.js';
import { MeterResolver } from '../readings/meter-resolver.js';
import type { CsvConfigInput } from './config.js';
import { CsvConnector } from './csv-connector.js';

/**
 * The DuckDB engine stores exactly what the JS engine stores: same readings, superseded values,
 * registered meters and quarantine entries (line, raw text, reason, record), on files full of the
 * cases where DuckDB's reader and the JS reader could differ.
 */
const dir = mkdtempSync(join(tmpdir(), 'gridlens-engines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, lines: readonly string[], eol = '\n'): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join(eol) + eol);
  return path;
}

const long = file('long.csv', [
  'meter_no,channel,read_time,kwh',
  'M0001,import,2025-03-01 00:00:00,1.5', '', 'M0001,import,2025-03-01 00:15:00', '"M0002",export,2025-03-01 00:15:00,-2',
  ' M0001,import,2025-03-01 00:30:00,2', 'M0001, import ,2025-03-01 00:45:00,2', 'M0001,import,2025-03-01 01:00:00Z,3',
  'M0001,import,2025-03-01 24:00:00,3', 'M0001,import,2025-03-01 01:15:00.5,3', 'M0001,import,2025/3/1 1:30,4',
  'M0001,import,2025-03-01 01:45:00,0x10', 'M0001,import,2025-03-01 02:00:00, 7 ', 'M0001,import,2025-03-01 00:00:00,1.6',
  'M0001,import,2025-03-01 00:00:00,1.6', 'M0009,import,2025-03-01 00:00:00,1', 'M0001,import,2099-03-01 00:00:00,1',
  'M0001,import,1960-03-01 00:00:00,1', 'M0001,import,2025-03-01 02:15:00,-1', 'M0001,IMPORT,2025-03-01 02:30:00,1e1',
  'M0001,2,2025-03-01 02:30:00,-1e1', 'M0001,import,2025-03-01 02:45:00,inf', 'M0001,import,2025-03-01 03:00:00,',
  'M0001,import,2025-03-09 02:30:00,6', 'M0001,import,2025-11-02 01:30:00,7', 'M0001,import,2025-11-02 01:30:00,8',
]);
const wideRow = (meter: string, day: string, slot: (k: number) => string) => [meter, day, ...Array.from({ length: 24 }, (_, k) => slot(k))].join(',');
const wide = file('wide.csv', [
  ['meter_no', 'data_date', ...Array.from({ length: 24 }, (_, k) => `h${k + 1}`)].join(','),
  wideRow('M0001', '2025-03-01', String), wideRow('M0002', '2025-03-01', (k) => (k === 3 ? 'x' : k === 4 ? '' : String(k))),
  wideRow('M0003', '2025-03-02', (k) => (k === 5 ? '-1' : String(k))), wideRow('M0009', '2025-03-02', String),
  wideRow('M0001', '2025-03-02 00:00', String), wideRow('M0001', '2025-03-01', (k) => String(k + 1)),
  wideRow('M0002', '2025-13-01', String), wideRow('M0003', '2025-10-05', String),
], '\r\n');

const tabbed = join(dir, 'tabbed.csv.gz');
writeFileSync(tabbed, gzipSync(Buffer.from(`\uFEFF表号\t采集时间\t电量\n${['M0001\t2025/3/1 0:00\t1', 'M0001\t2025/3/1 0:15\t2', 'M0002\t2025/03/01 00:15\t坏值', 'M0003\t2025/3/1 0:30\t3'].join('\n')}\n`)));

const cases: readonly [string, string, CsvConfigInput][] = [
  ['gzipped, BOM, tab-delimited, Chinese header', tabbed, {}],
  ['long', long, {}],
  ['long in Wh, hour-ending, New York', long, { unit: 'Wh', timestampAt: 'end', timeZone: 'America/New_York' }],
  ['long registering meters', long, { registerMeters: true }],
  ['wide', wide, {}],
  ['wide in Sydney registering meters', wide, { timeZone: 'Australia/Sydney', registerMeters: true }],
];

async function storeAfter(path: string, config: CsvConfigInput) {
  const wh = await openDuckDb(':memory:');
  await migrate(wh);
  await wh.run(`INSERT INTO meters SELECT i, 'M000' || i, 'C' || i, 'TA1', 1, 15, 'import', 1, DATE '2020-01-01' FROM range(1, 4) t(i)`);
  const run = await ingestFiles(wh, [{ file: { path, bytes: statSync(path).size }, connector: new CsvConnector(config) }], { now: new Date(Date.UTC(2026, 0, 1)) });
  const rows = async (sql: string) => JSON.stringify(await wh.query(sql));
  const store = {
    readings: await rows('SELECT * FROM readings ORDER BY ALL'),
    superseded: await rows('SELECT meter_id, channel, ts, kwh FROM superseded_readings ORDER BY ALL'),
    meters: await rows('SELECT * FROM meters ORDER BY ALL'),
    quarantine: await rows('SELECT line, raw, reason_code, reason, record FROM quarantine ORDER BY line, reason, record'),
  };
  await wh.close();
  const { seconds: _s, rowsPerSecond: _r, bulk, sha256: _h, fileId: _f, ...summary } = run.files[0];
  return { store, summary, bulk };
}

describe('the DuckDB engine stores what the JS engine stores', () => {
  it.each(cases)('%s', async (_name, path, config) => {
    const js = await storeAfter(path, { ...config, engine: 'js' });
    const duckdb = await storeAfter(path, { ...config, engine: 'duckdb' });
    expect(js.bulk).toBeUndefined();
    expect(duckdb.bulk).toMatch(/^(direct|staged)$/);
    expect(duckdb.summary).toEqual(js.summary);
    expect(duckdb.store).toEqual(js.store);
  });
});

describe('choosing the engine', () => {
  const gbk = join('test', 'fixtures', 'ingest', 'gbk-long.csv');
  const context = async () => ({ meters: new MeterResolver([]), rules: { notAfterMs: 0, allowNegativeImport: false }, sql: await openDuckDb(':memory:'), sourceId: 1 });

  it('auto leaves GBK files to the JS reader; duckdb refuses them naming the file', async () => {
    const ctx = await context();
    const file = { path: gbk, bytes: statSync(gbk).size };
    expect(await new CsvConnector({}).bulk(file, ctx)).toBeUndefined();
    await expect(new CsvConnector({ engine: 'duckdb' }).bulk(file, ctx)).rejects.toThrow(/gbk-long\.csv: engine duckdb cannot read this file: it is gb18030/);
    await ctx.sql.close();
  });

  it('auto leaves time layouts strptime cannot express to the JS reader', async () => {
    const ctx = await context();
    const epoch = file('epoch.csv', ['meter_no,ts,kwh', 'M0001,1735689600,1']);
    expect(await new CsvConnector({}).bulk({ path: epoch, bytes: 1 }, ctx)).toBeUndefined();
    expect(await new CsvConnector({}).bulk({ path: long, bytes: 1 }, ctx)).toBeDefined();
    expect(await new CsvConnector({ engine: 'js' }).bulk({ path: long, bytes: 1 }, ctx)).toBeUndefined();
    await ctx.sql.close();
  });
});
