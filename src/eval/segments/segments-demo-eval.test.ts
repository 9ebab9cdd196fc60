import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { adjustedRandIndex } from '../metrics/index.js';
import { generateDemoUtility } from '../theft/demo-utility.js';
import { MIN_ARI, readSegmentsDemoData, scoreSegmentsDemo, segmentsDemoSynth, type SegmentsDemoData } from './segments-demo-eval.js';

const SEEDS = [1, 7, 42, 123, 2024];

describe('segments-demo eval across k-means seeds', () => {
  let warehouse: Warehouse;
  let data: SegmentsDemoData;

  beforeAll(async () => {
    warehouse = (await generateDemoUtility(segmentsDemoSynth(160))).warehouse;
    data = await readSegmentsDemoData(warehouse);
  }, 60_000);

  afterAll(async () => {
    await warehouse?.close();
  });

  it(`chooses the same k and recovers the archetypes (ARI ≥ ${MIN_ARI}) for seeds ${SEEDS.join(', ')}`, () => {
    const results = SEEDS.map((seed) => scoreSegmentsDemo(data, seed));
    const ks = results.map((r) => r.metrics.k);
    expect(new Set(ks).size, `k per seed: ${ks.join(', ')}`).toBe(1);
    for (const r of results) {
      expect(r.metrics.adjustedRandIndex).toBeGreaterThanOrEqual(MIN_ARI);
      expect(r.passed).toBe(true);
    }
    const sizes = results.map((r) => (r.details.segments as { size: number }[]).map((s) => s.size).sort((a, b) => a - b).join(','));
    expect(new Set(sizes).size, `segment sizes per seed: ${sizes.join(' | ')}`).toBe(1);
  }, 60_000);

  it('scores the seeds from one read of the store, with the archetype of every profiled customer', () => {
    expect(data.archetypes).toHaveLength(data.profiles.customerIds.length);
    expect(data.archetypes).not.toContain('unknown');
    expect(adjustedRandIndex(data.archetypes, data.archetypes)).toBe(1);
  });
});
