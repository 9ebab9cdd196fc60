import { beforeAll, expect, it } from 'vitest';
import { describeWithData, SHARED_DATA_ROOT } from '../datasets/shared-data.testkit.js';
import type { EvalReport } from './eval-report.js';
import { openstef307Eval } from './openstef307-eval.js';

describeWithData('openstef_substation_307', 'forecast-openstef307 eval', () => {
  let report: EvalReport;
  beforeAll(async () => {
    report = await openstef307Eval.run({ dataDir: SHARED_DATA_ROOT });
  }, 180_000);

  it('beats OpenSTEF\'s own forecast on both MAE and RMSE, and the seasonal naive baseline', () => {
    const [gbdt] = report.models;
    const naive = report.models.find((m) => m.model === 'seasonal-naive');
    expect(report.passed).toBe(true);
    expect(gbdt.scores.mae).toBeLessThan(report.reference.openstefMae as number);
    expect(gbdt.scores.rmse).toBeLessThan(report.reference.openstefRmse as number);
    expect(gbdt.scores.rmse).toBeLessThan(naive?.scores.rmse as number);
    expect(gbdt.scores.points).toBe(2878);
    console.log(`forecast-openstef307: MAE ${gbdt.scores.mae.toFixed(3)} RMSE ${gbdt.scores.rmse.toFixed(3)} (OpenSTEF ${report.reference.openstefMae} / ${report.reference.openstefRmse}), ${report.timings.totalSeconds} s`);
  });

  it('measures the coverage of its 80% interval', () => {
    const coverage = report.models[0].scores.coverage;
    expect(coverage?.observed).toBeGreaterThan(0.7);
    expect(coverage?.observed).toBeLessThan(0.9);
  });
});
