import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qualityReport } from '../src/jobs/quality-report.js';
import { openDuckDb } from '../src/warehouse/duckdb/index.js';
import { migrate } from '../src/warehouse/migrations/index.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';

/**
 * A hand-counted fixture over two local days (2025-03-01 and 02, Asia/Shanghai):
 * - meter 1 (15 min, area TA1, source 1 "hes"): 192 slots expected; day 1 misses 16 slots, 4 of
 *   them filled by VEE estimates (quality 1, edits without an original) → 176 received, 4 estimated;
 *   3 replaced deliveries in superseded_readings.
 * - meter 2 (60 min, area TA2, source 2 "csv" from the ingest ledger): all 48 delivered; 2 values
 *   replaced by estimates after an error finding (edits keep the originals): received 48, invalid 2.
 * - meter 3 (15 min): no reading at all.
 */
const config = { db: ':memory:', timeZone: 'Asia/Shanghai' };
const day1 = Date.parse('2025-02-28T16:00:00Z');
const Q = 15 * 60_000, H = 60 * 60_000;
let wh: Warehouse;

async function addReadings(meterId: number, sourceId: number, times: number[], quality: (t: number) => number): Promise<void> {
  await wh.append('readings', {
    rowCount: times.length,
    columns: {
      meter_id: new Int32Array(times.length).fill(meterId), channel: new Uint8Array(times.length).fill(1), ts: Float64Array.from(times),
      kwh: new Float64Array(times.length).fill(0.5), quality: Uint8Array.from(times, quality), source_id: new Uint16Array(times.length).fill(sourceId),
    },
  });
}

const slots = (start: number, step: number, count: number) => Array.from({ length: count }, (_, i) => start + i * step);

beforeAll(async () => {
  wh = await openDuckDb(':memory:', { threads: 1 });
  await migrate(wh);
  await wh.run(`INSERT INTO sources VALUES (1, 'hes', 'synth', ?), (2, 'csv', 'csv', ?)`, [new Date(0), new Date(0)]);
  await wh.run(`INSERT INTO transformer_areas VALUES ('TA1', '一号台区', '杭州市', '西湖区', 'FD1', 400, false), ('TA2', '二号台区', '杭州市', '西湖区', 'FD1', 400, false)`);
  await wh.run(`INSERT INTO meters VALUES (1, 'M1', 'C1', 'TA1', 1, 15, 'import', 1, '2020-01-01'), (2, 'M2', 'C2', 'TA2', 1, 60, 'import', 1, '2020-01-01'),
    (3, 'M3', 'C3', 'TA1', 1, 15, 'import', 1, '2020-01-01')`);
  const missing = new Set(slots(day1 + 10 * H, Q, 16));
  const estimated = new Set([...missing].slice(0, 4));
  await addReadings(1, 1, slots(day1, Q, 192).filter((t) => !missing.has(t) || estimated.has(t)), (t) => (estimated.has(t) ? 1 : 0));
  const replaced = [day1 + 30 * H, day1 + 31 * H];
  await addReadings(2, 2, slots(day1, H, 48), (t) => (replaced.includes(t) ? 1 : 0));
  for (const t of estimated) await wh.run(`INSERT INTO reading_edits VALUES (1, 1, ?, NULL, 0.5, 1, 'linear', 'gap', 1, ?, 1)`, [new Date(t), new Date()]);
  for (const t of replaced) await wh.run(`INSERT INTO reading_edits VALUES (2, 1, ?, 9.9, 0.5, 1, 'linear', 'spike', 1, ?, 1)`, [new Date(t), new Date()]);
  await wh.run(`INSERT INTO vee_flags VALUES (2, 1, 'spike', 'spike', ?, ?, 'error', 'r', 'r', NULL, 1), (1, 1, 'gap', 'gap.long', ?, ?, 'error', 'g', 'g', NULL, 1)`,
    [new Date(replaced[0]), new Date(replaced[1] + H), new Date(day1 + 10 * H), new Date(day1 + 14 * H)]);
  for (const k of [0, 1, 2]) await wh.run(`INSERT INTO superseded_readings VALUES (1, 1, ?, 0.4, 1, 1, ?)`, [new Date(day1 + k * Q), new Date()]);
  await wh.run(`INSERT INTO ingest_files (file_id, run_id, source, path, content_sha256, bytes, status, options, encoding, rows_read, rows_accepted,
      rows_quarantined, rows_inserted, rows_duplicate, rows_superseded, meters_registered, started_at, finished_at)
    VALUES (1, 1, 'csv', 'm2.csv', 'x', 1, 'done', '{}', 'utf-8', 48, 48, 0, 48, 0, 0, 0, ?, ?)`, [new Date(day1 + 2 * 24 * H), new Date(day1 + 2 * 24 * H + 6 * H)]);
}, 60_000);
afterAll(async () => wh?.close());

const report = (by: 'meter' | 'day' | 'source' | 'area') => qualityReport(config, { by, from: '2025-03-01', to: '2025-03-02' }, wh);

describe('quality report on a hand-counted fixture', () => {
  it('per meter: completeness from the interval length, validity, estimated share and duplicates', async () => {
    const r = await report('meter');
    const m1 = r.rows.find((x) => x.key === '1')!, m2 = r.rows.find((x) => x.key === '2')!;
    expect(m1).toMatchObject({ expected: 192, received: 176, invalid: 0, estimated: 4, duplicates: 3 });
    expect(m1.completeness).toBeCloseTo(176 / 192, 12);
    expect(m1.estimatedShare).toBeCloseTo(4 / 180, 12);
    expect(m2).toMatchObject({ expected: 48, received: 48, completeness: 1, invalid: 2, estimated: 2, duplicates: 0 });
    expect(m2.validity).toBeCloseTo(46 / 48, 12);
    expect(r.rows.map((x) => x.key)).toEqual(['1', '2']);
    expect(r.totals).toMatchObject({ expected: 240, received: 224, meters: 2, metersWithoutReadings: 1, duplicates: 3 });
    expect(r.notes.map((n) => n.code)).toEqual(expect.arrayContaining(['silent-meters', 'timeliness-by-source']));
  });

  it('per local day', async () => {
    const r = await report('day');
    expect(r.rows.map((x) => [x.key, x.expected, x.received, x.invalid])).toEqual([['2025-03-01', 120, 104, 0], ['2025-03-02', 120, 120, 2]]);
  });

  it('per source, with timeliness from the ingest ledger', async () => {
    const r = await report('source');
    const hes = r.rows.find((x) => x.key === '1')!, csv = r.rows.find((x) => x.key === '2')!;
    expect(hes).toMatchObject({ label: 'hes', expected: 192, received: 176, timelinessLagHours: null });
    expect(csv).toMatchObject({ label: 'csv', expected: 48, received: 48 });
    expect(csv.timelinessLagHours).toBeCloseTo(7, 9);
  });

  it('per transformer area', async () => {
    const r = await report('area');
    expect(r.rows.map((x) => [x.key, x.label, x.expected, x.received])).toEqual([['TA1', '一号台区', 192, 176], ['TA2', '二号台区', 48, 48]]);
  });
});
