import { beforeAll, expect, it } from 'vitest';
import { describeWithData, SHARED_DATA_ROOT } from '../datasets/shared-data.testkit.js';
import type { EvalReport } from './eval-report.js';
import { gefcom2012Eval } from './gefcom2012-eval.js';

describeWithData('gefcom2012_load', 'forecast-gefcom2012 eval', () => {
  let report: EvalReport;
  beforeAll(async () => {
    report = await gefcom2012Eval.run({ dataDir: SHARED_DATA_ROOT });
  }, 180_000);

  it('reproduces the official benchmark WRMSE of 100,384.7 from Load_benchmark.csv', () => {
    expect(report.reference.benchmarkReproduced).toBe(true);
    expect(report.reference.officialBenchmarkWrmse).toBeCloseTo(100_384.7, 0);
  });

  it('meets the target WRMSE ≤ 70,000 and beats vanilla MLR and the seasonal naive baseline', () => {
    const wrmse = (model: string) => report.models.find((m) => m.model === model)?.wrmse as number;
    expect(report.passed).toBe(true);
    expect(report.value).toBeLessThanOrEqual(70_000);
    expect(wrmse('recency-mlr')).toBeLessThan(wrmse('vanilla-mlr'));
    expect(wrmse('vanilla-mlr')).toBeLessThan(wrmse('seasonal-naive'));
    console.log(`forecast-gefcom2012: WRMSE ${report.value} (benchmark ${report.reference.officialBenchmarkWrmse}), ${report.timings.totalSeconds} s`);
  });

  it('reports interval coverage, timings and the data source', () => {
    const coverage = report.models[0].scores.coverage;
    expect(coverage?.nominal).toBe(0.8);
    expect(coverage?.observed).toBeGreaterThan(0.6);
    expect(report.timings.trainSeconds).toBeGreaterThan(0);
    expect(report.source.dataset).toBe('gefcom2012_load');
  });
});
