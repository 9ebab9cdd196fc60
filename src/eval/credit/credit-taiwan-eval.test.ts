import { describe, expect, it } from 'vitest';
import { runTaiwanCreditEval } from './credit-taiwan-eval.js';
import { SHARED_DATA_DIR, shouldRun } from './shared-data.testkit.js';

describe.skipIf(!shouldRun('taiwan_credit_default/UCI_Credit_Card.csv'))('credit-taiwan eval', () => {
  it('scores a hold-out AUC of at least 0.76 with KS, beside GBDT and a baseline, and a stable PSI', async () => {
    const result = await runTaiwanCreditEval({ dataDir: SHARED_DATA_DIR });
    console.log(`credit-taiwan: ${JSON.stringify(result.metrics)} timings ${JSON.stringify(result.timings)}`);
    expect(result.passed).toBe(true);
    expect(result.metrics.scorecardAuc).toBeGreaterThanOrEqual(0.76);
    expect(result.metrics.scorecardAuc).toBeGreaterThan(result.metrics.baselineAuc);
    expect(result.metrics.scorecardKs).toBeGreaterThan(0.35);
    expect(result.metrics.gbdtAuc).toBeGreaterThanOrEqual(0.77);
    expect(result.details).toMatchObject({ rows: 30000, testRows: 9000 });
    const psi = result.details.psi as { holdout: { level: string }; lowLimitHalf: { level: string } };
    expect(psi.holdout.level).toBe('stable');
    expect(psi.lowLimitHalf.level).toBe('major');
  });
});
