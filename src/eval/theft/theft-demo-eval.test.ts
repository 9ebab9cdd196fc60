import { describe, expect, it } from 'vitest';
import { runTheftDemoEval } from './theft-demo-eval.js';

describe('theft-demo eval (generated utility, labels from the generator)', () => {
  it('reaches AUC ≥ 0.90 and precision ≥ 0.6 in the top 1%, and reports every family and MAP@100/200', async () => {
    const result = await runTheftDemoEval({ seed: 42 });
    console.log(JSON.stringify({ metrics: result.metrics, components: result.details.components, timings: result.timings }));
    expect(result.metrics.auc).toBeGreaterThanOrEqual(0.9);
    expect(result.metrics.precisionTop1pct).toBeGreaterThanOrEqual(0.6);
    for (const family of ['h1', 'h2', 'h3', 'h4', 'bypass']) expect(result.metrics[`auc_${family}`]).toBeGreaterThanOrEqual(0.9);
    for (const family of ['h5', 'h6']) expect(result.metrics[`auc_${family}`]).toBeTypeOf('number');
    expect(result.metrics.map100).toBeGreaterThan(0.5);
    expect(result.metrics.map200).toBeGreaterThan(0.5);
    expect(result.passed).toBe(true);
  }, 900_000);
});
