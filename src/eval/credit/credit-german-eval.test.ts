import { describe, expect, it } from 'vitest';
import { EncodedModel } from '../../analytics/credit/index.js';
import type { LogisticRegressionModel } from '../../analytics/ml/index.js';
import { loadGermanCredit } from '../datasets/credit-german.js';
import { rocAuc } from '../metrics/index.js';
import { runGermanCreditEval } from './credit-german-eval.js';
import { SHARED_DATA_DIR, shouldRun } from './shared-data.testkit.js';

describe.skipIf(!shouldRun('german_credit/german.data'))('credit-german eval', () => {
  it('scores a 10-fold cross-validated AUC of at least 0.75, above the checking-status baseline, with the IV table', async () => {
    const result = await runGermanCreditEval({ dataDir: SHARED_DATA_DIR });
    console.log(`credit-german: ${JSON.stringify(result.metrics)} timings ${JSON.stringify(result.timings)}`);
    expect(result.passed).toBe(true);
    expect(result.metrics.scorecardAuc).toBeGreaterThanOrEqual(0.75);
    expect(result.metrics.scorecardAuc).toBeGreaterThan(result.metrics.baselineAuc);
    expect(result.metrics.logisticOneHotAuc).toBeGreaterThanOrEqual(0.75);
    const ivTable = result.details.ivTable as { feature: string; strength: string }[];
    expect(ivTable).toHaveLength(20);
    expect(ivTable[0]).toMatchObject({ feature: 'checking_status', strength: 'strong' });
    const grades = result.details.grades as { badRate: number | null; count: number }[];
    const rates = grades.filter((g) => g.count >= 30).map((g) => g.badRate!);
    for (let i = 1; i < rates.length; i++) expect(rates[i]).toBeGreaterThan(rates[i - 1]);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('fits the same logistic regression as scikit-learn', async () => {
    // fixtures/sklearn_german.py (scikit-learn 1.2.1, LogisticRegression(C=1), one-hot + StandardScaler):
    //   in-sample AUC 0.833252380952381, intercept -1.5496810034247377,
    //   10-fold StratifiedKFold(shuffle, random_state=0) mean AUC 0.787952380952381 (sd 0.0403).
    // Ours: the same in-sample AUC and intercept; CV mean 0.7930 on our (different) seeded folds.
    const data = await loadGermanCredit(SHARED_DATA_DIR);
    const model = new EncodedModel({ model: 'logistic', modelParams: { l2: 1 } }).fit(data);
    expect(rocAuc(data.target!, model.predict(data))).toBeCloseTo(0.833252380952381, 9);
    expect((model.model as LogisticRegressionModel).result.intercept).toBeCloseTo(-1.5496810034247377, 6);
  });
});
