import { InsufficientDataError } from '../../core/errors.js';
import { fitDailyModel, predictDaily, type DailyData, type DailyFitParams, type DailyModel } from './caltrack-daily.js';

/**
 * Avoided energy use (CalTRACK): fit the daily model on the baseline period (the 365 days before
 * the intervention, at most 10% missing days), project it onto the reporting period's weather
 * (the counterfactual) and subtract the actual use. Uncertainty is ASHRAE Guideline 14's
 * fractional savings uncertainty with the autocorrelation correction:
 *   FSU = 1.26 · t · CV(RMSE) · sqrt((n / n′) · (1 + 2/n) · (1/m)) / F,  n′ = n (1 − ρ) / (1 + ρ),
 * where F is the savings fraction, m the reporting days and t the two-sided quantile of the
 * confidence level (normal approximation).
 */

export interface SavingsParams {
  /** Largest share of missing baseline days. */
  readonly maxMissingBaseline: number;
  /** Confidence level of the uncertainty (0.9 -> t = 1.645). */
  readonly confidence: 0.8 | 0.9 | 0.95;
  readonly fit: Partial<DailyFitParams>;
}

export const defaultSavingsParams: SavingsParams = { maxMissingBaseline: 0.1, confidence: 0.9, fit: {} };

const tQuantile = { 0.8: 1.2816, 0.9: 1.6449, 0.95: 1.96 } as const;

export interface SavingsResult {
  readonly model: DailyModel;
  readonly baselineDays: number;
  readonly reportingDays: number;
  /** kWh over the reporting days with usage. */
  readonly counterfactualKwh: number;
  readonly actualKwh: number;
  readonly avoidedKwh: number;
  /** avoided / counterfactual. */
  readonly savingsFraction: number;
  /** Fractional savings uncertainty at the confidence level (relative to the savings). */
  readonly fsu: number;
  /** ± kWh of the avoided energy at the confidence level. */
  readonly uncertaintyKwh: number;
  readonly confidence: number;
}

function missingShare(data: DailyData): number {
  let missing = 0;
  for (let i = 0; i < data.kwh.length; i++) if (!Number.isFinite(data.kwh[i]) || !Number.isFinite(data.temperatureC[i])) missing++;
  return data.kwh.length ? missing / data.kwh.length : 1;
}

/** Measures the avoided energy of the reporting period against the baseline model. */
export function measureSavings(baseline: DailyData, reporting: DailyData, params: Partial<SavingsParams> = {}): SavingsResult {
  const p = { ...defaultSavingsParams, ...params };
  const missing = missingShare(baseline);
  if (missing > p.maxMissingBaseline) throw new InsufficientDataError('CalTRACK baseline', 1 - missing, 1 - p.maxMissingBaseline);
  const model = fitDailyModel(baseline, p.fit);
  const predicted = predictDaily(model, reporting.temperatureC);
  let counterfactualKwh = 0;
  let actualKwh = 0;
  let m = 0;
  for (let i = 0; i < reporting.kwh.length; i++) {
    if (!Number.isFinite(reporting.kwh[i]) || !Number.isFinite(predicted[i])) continue;
    counterfactualKwh += predicted[i];
    actualKwh += reporting.kwh[i];
    m++;
  }
  if (m === 0) throw new InsufficientDataError('CalTRACK reporting period', 0, 1);
  const avoidedKwh = counterfactualKwh - actualKwh;
  const savingsFraction = counterfactualKwh > 0 ? avoidedKwh / counterfactualKwh : 0;
  const n = model.n;
  const rho = Math.min(0.99, Math.max(0, model.rho));
  const nPrime = (n * (1 - rho)) / (1 + rho);
  const t = tQuantile[p.confidence];
  const absoluteFsu = 1.26 * t * model.cvrmse * Math.sqrt((n / nPrime) * (1 + 2 / n) * (1 / m));
  const fsu = savingsFraction !== 0 ? Math.abs(absoluteFsu / savingsFraction) : Infinity;
  return {
    model, baselineDays: n, reportingDays: m, counterfactualKwh, actualKwh, avoidedKwh, savingsFraction, fsu,
    uncertaintyKwh: absoluteFsu * counterfactualKwh, confidence: p.confidence,
  };
}
