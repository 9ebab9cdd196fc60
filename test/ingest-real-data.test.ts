import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingest } from '../src/jobs/ingest.js';
import { openDuckDb } from '../src/warehouse/duckdb/index.js';
import { migrate } from '../src/warehouse/migrations/index.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';
import { bulkUnder, csvEngines } from './csv-engines.testkit.js';

/**
 * Real data from ../shared/data with the explicit mappings in test/fixtures/ingest. Skipped with a
 * message where the data is absent, except under CI, where its absence fails.
 */
const data = join(process.cwd(), '..', 'shared', 'data');
const sgsc = join(data, 'sgsc_smart_meter10', 'smart_meter10.csv.gz');
const pjm = join(data, 'pjm_hourly', 'PJME_hourly.csv');
const present = existsSync(sgsc) && existsSync(pjm);
if (!present && process.env.CI) throw new Error(`real data missing under ${data} (CI needs ../shared/data)`);
if (!present) console.warn(`skipping real-data ingest tests: ${data} not found`);

const mapping = (name: string) => join('test', 'fixtures', 'ingest', name);
let wh: Warehouse;
beforeEach(async () => {
  wh = await openDuckDb(':memory:');
  await migrate(wh);
});
afterEach(async () => wh?.close());

describe.skipIf(!present).each(csvEngines)('real data ingests with declared mappings (engine %s)', (engine) => {
  it('SGSC smart meters (Australia/Sydney as declared): non-existent DST-start times are quarantined, the rest stored', async () => {
    const { files: [f] } = await ingest({ db: ':memory:' }, { paths: [sgsc], mapping: mapping('sgsc-smart-meter10.mapping.json'), options: { engine } }, { warehouse: wh });
    expect(f.bulk).toBe(bulkUnder(engine, 'staged'));
    expect(f).toMatchObject({ status: 'ingested', rowsRead: 293_874, rowsAccepted: 293_838, rowsQuarantined: 36, rowsDuplicate: 0, metersRegistered: 10 });
    const reasons = await wh.query<{ reason_code: string; n: number }>('SELECT reason_code, count(*) AS n FROM quarantine GROUP BY 1');
    expect(reasons).toEqual([{ reason_code: 'dst_gap', n: 36 }]);
    expect(f.rejectSample[0]).toMatchObject({ line: 11_470, raw: '10006414,2012-10-07 02:00:00,0.055' });
  });

  it('SGSC on a clock without DST keeps every reading and its real gaps per household', async () => {
    const { files: [f] } = await ingest({ db: ':memory:' },
      { paths: [sgsc], mapping: mapping('sgsc-smart-meter10.mapping.json'), options: { timeZone: 'Australia/Brisbane', engine } }, { warehouse: wh });
    expect(f.bulk).toBe(bulkUnder(engine, 'direct'));
    expect(f).toMatchObject({ rowsAccepted: 293_874, rowsQuarantined: 0, rowsInserted: 293_874 });
    const gaps = await wh.query<{ meter_no: string; missing: number }>(
      `SELECT meter_no, CAST((epoch(max(ts)) - epoch(min(ts))) / 1800 + 1 - count(*) AS INTEGER) AS missing
       FROM readings JOIN meters USING (meter_id) GROUP BY meter_no ORDER BY meter_no`);
    expect(Object.fromEntries(gaps.map((g) => [g.meter_no, g.missing]))).toEqual({
      10006414: 40, 10006486: 0, 10006704: 448, 10017554: 896, 10017562: 820, 10017936: 44, 10017994: 800, 10018060: 0, 10018064: 0, 10018250: 1120,
    });
  });

  it('PJM East: unsorted day-first hour-ending MW; the duplicated DST hours are reported, not dropped silently', async () => {
    const { files: [f] } = await ingest({ db: ':memory:' }, { paths: [pjm], mapping: mapping('pjm-hourly.mapping.json'), options: { engine } }, { warehouse: wh });
    expect(f.bulk).toBe(bulkUnder(engine, 'staged'));
    expect(f).toMatchObject({ status: 'ingested', rowsRead: 145_366, rowsAccepted: 145_366, rowsQuarantined: 0, rowsInserted: 145_362, rowsDuplicate: 4, rowsSuperseded: 4 });
    const older = await wh.query<{ ts: Date; kwh: number }>('SELECT ts, kwh FROM superseded_readings ORDER BY ts');
    expect(older.map((r) => r.ts.toISOString())).toEqual(['2014-11-02T06:00:00.000Z', '2015-11-01T06:00:00.000Z', '2016-11-06T06:00:00.000Z', '2017-11-05T06:00:00.000Z']);
    expect(older[0].kwh).toBe(22_935_000);
    const [kept] = await wh.query<{ kwh: number }>("SELECT kwh FROM readings WHERE ts = TIMESTAMP '2014-11-02 06:00:00'");
    expect(kept.kwh).toBe(23_755_000);
    const [range] = await wh.query<{ first: Date; last: Date }>('SELECT min(ts) AS first, max(ts) AS last FROM readings');
    expect(range).toEqual({ first: new Date('2002-01-01T05:00:00Z'), last: new Date('2018-08-03T03:00:00Z') });
  });
});
