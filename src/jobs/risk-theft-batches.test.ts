import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTheftDetection } from '../analytics/theft/index.js';
import { householdSeries, scaledFrom, storeOf } from '../analytics/theft/theft.testkit.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { areaBatches, detectByAreaBatches } from './risk-theft-batches.js';

const DAYS = 90;
const METERS = 24;
const series = Array.from({ length: METERS }, (_, i) => householdSeries(DAYS, i + 1, 8 + (i % 5)));
// Two thieves in each area (areas alternate by meter id, so neither area's ids form a plain range).
for (const thief of [3, 8, 15, 20]) series[thief] = scaledFrom(series[thief], 45, 0.35);
const areaInput = Float64Array.from(series[0], (_, t) => series.reduce((sum, s) => sum + s[t], 0) / 0.97);

let wh: Warehouse;

beforeAll(async () => {
  wh = await storeOf(series, areaInput);
  await wh.run("UPDATE meters SET area_id = CASE WHEN meter_id % 2 = 0 THEN 'A2' ELSE 'A1' END");
});
afterAll(async () => wh?.close());

describe('detectByAreaBatches', () => {
  it('cuts the store into batches of whole areas', async () => {
    expect(await areaBatches(wh, 12)).toEqual([['A1'], ['A2']]);
    expect(await areaBatches(wh, 100)).toEqual([['A1', 'A2']]);
  });

  it('keeps the best entries of every batch, with evidence only where they can still be kept', async () => {
    const options = { utcOffsetMinutes: 0 };
    const all = await detectByAreaBatches(wh, { keep: METERS, batchMeters: 12, detection: options });
    const kept = await detectByAreaBatches(wh, { keep: 3, batchMeters: 12, detection: options });
    expect(all.batches).toBe(2);
    expect(all.meters).toBe(METERS);
    expect(all.inspections).toHaveLength(METERS);
    expect(kept.inspections).toEqual(all.inspections.slice(0, 3));
    expect(kept.inspections.map((e) => e.rank)).toEqual([1, 2, 3]);
    expect(kept.inspections.every((e) => e.loadCurve.kwh.length > 0)).toBe(true);
  });

  it('scores each batch as detection on its own areas would', async () => {
    const batched = await detectByAreaBatches(wh, { keep: METERS, batchMeters: 12, detection: { utcOffsetMinutes: 0 } });
    const alone = await runTheftDetection(wh, { utcOffsetMinutes: 0, areaIds: ['A2'] });
    const score = new Map(batched.inspections.map((e) => [e.meterId, e.score]));
    expect(alone.inspections).toHaveLength(METERS / 2);
    for (const e of alone.inspections) expect(score.get(e.meterId)).toBe(e.score);
  });

  it('reads a batch whose meter ids form a plain range by that range alone, to the same result', async () => {
    const oneBatch = await detectByAreaBatches(wh, { keep: METERS, batchMeters: 100, detection: { utcOffsetMinutes: 0 } });
    const whole = await runTheftDetection(wh, { utcOffsetMinutes: 0 });
    expect(oneBatch.batches).toBe(1);
    expect(oneBatch.inspections.map((e) => [e.meterId, e.score])).toEqual(whole.inspections.map((e) => [e.meterId, e.score]));
  });
});
