import { describe, expect, it } from 'vitest';
import { runLinelossDemoEval } from './lineloss-demo-eval.js';

describe('lineloss-demo eval (generated utility)', () => {
  it('flags every area with material theft and puts its thief in the top 3 of group identification in ≥ 80% of them', async () => {
    const result = await runLinelossDemoEval({ seed: 42 });
    console.log(JSON.stringify({ metrics: result.metrics, timings: result.timings }));
    expect(result.metrics.materialSharedAreas).toBeGreaterThanOrEqual(5);
    expect(result.metrics.flaggedMaterialShare).toBe(1);
    expect(result.metrics.thiefTop3Shared).toBeGreaterThanOrEqual(0.8);
    expect(result.metrics.flaggedHonestAreas / result.metrics.honestAreas).toBeLessThan(0.05);
    expect(result.passed).toBe(true);
  }, 900_000);
});
