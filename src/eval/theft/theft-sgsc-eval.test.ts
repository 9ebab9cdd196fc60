import { describe, expect, it } from 'vitest';
import { SHARED_DATA_DIR, shouldRun } from '../credit/shared-data.testkit.js';
import { SGSC_FILE } from './sgsc-households.js';
import { runTheftSgscEval } from './theft-sgsc-eval.js';

describe.runIf(shouldRun(SGSC_FILE))('theft-sgsc eval (real households, injected attacks)', () => {
  it('reports AUC for every family, at least 0.7 for h1, h2 and bypass', async () => {
    const result = await runTheftSgscEval({ dataDir: SHARED_DATA_DIR, seed: 42 });
    console.log(JSON.stringify({ metrics: result.metrics, timings: result.timings }));
    for (const family of ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'bypass']) expect(result.metrics[`auc_${family}`]).toBeTypeOf('number');
    for (const family of ['h1', 'h2', 'bypass']) expect(result.metrics[`auc_${family}`]).toBeGreaterThanOrEqual(0.7);
    expect(result.passed).toBe(true);
  }, 600_000);
});
