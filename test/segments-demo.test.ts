import { describe, expect, it } from 'vitest';
import { MIN_ARI, runSegmentsDemoEval } from '../src/eval/segments/index.js';

describe('segments-demo eval', () => {
  it('recovers the generator\'s load archetypes: adjusted Rand index ≥ 0.7 on 160 customers × 365 days', async () => {
    const result = await runSegmentsDemoEval({ customers: 160 });
    expect(result.metrics.adjustedRandIndex).toBeGreaterThanOrEqual(MIN_ARI);
    expect(result.passed).toBe(true);
    const segments = result.details.segments as { size: number; text: { en: string; 'zh-CN': string }; typicalArchetype: { archetype: string } }[];
    expect(segments.reduce((s, x) => s + x.size, 0)).toBe(160);
    for (const s of segments) expect(s.text.en.length).toBeGreaterThan(20);
  }, 120_000);
});
