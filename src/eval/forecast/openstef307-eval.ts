import { createForecaster, type GbdtForecasterParamsInput } from '../../analytics/forecast/index.js';
import { mae, rmse } from '../metrics/index.js';
import { loadOpenstef307, OPENSTEF307_DATASET, OPENSTEF307_FILES } from '../datasets/openstef307-loader.js';
import { rollingWindows, runBacktest, type BacktestPlan } from './backtest.js';
import { modelResult, round3, secondsSince, type EvalDefinition, type EvalOptions, type EvalReport } from './eval-report.js';

/** One forecast per day of 96 quarter-hours; every load the model reads is at least 48 h old. */
const STEPS_PER_ORIGIN = 96;
const QUANTILES = [0.1, 0.5, 0.9];

/**
 * Trees on the given weather, price and standard-profile columns, the local time of day and week,
 * and load lags of 2..7 and 14 days (OpenSTEF's daily lags, cut at 48 h). The trees learn the load
 * minus its mean over the 24 h ending 48 h before (lags on the same scale): the level rose from a
 * solar-heavy summer (training) to November (test), beyond the range any tree saw.
 */
export function openstefGbdt(exogenous: readonly string[]): GbdtForecasterParamsInput {
  return {
    features: { calendar: ['minuteOfDay', 'dayOfWeek'], exogenous: [...exogenous], loadLagsHours: [48, 72, 96, 120, 144, 168, 336], minLoadLagHours: 48 },
    target: 'difference-from-recent-mean',
    recentMeanHours: 24,
    intervals: 'residual',
    quantileModel: { nEstimators: 200 },
  };
}

/** `forecast-openstef307`: day-ahead forecasts of OpenSTEF's reference location 307 against OpenSTEF's own. */
export const openstef307Eval: EvalDefinition = {
  name: 'forecast-openstef307',
  description: 'OpenSTEF reference set 307: day-ahead 15-minute load forecast of the test month against OpenSTEF\'s own forecast',
  dataset: OPENSTEF307_DATASET,
  run: runOpenstef307,
};

async function runOpenstef307(options: EvalOptions = {}): Promise<EvalReport> {
  const started = performance.now();
  const data = await loadOpenstef307(options.dataDir);
  const loadSeconds = secondsSince(started);
  const { series, testStart } = data;
  const split = series.requireIndex(testStart);
  const plan: BacktestPlan = { train: series.slice(0, split), series, windows: rollingWindows(series, testStart, STEPS_PER_ORIGIN), quantiles: QUANTILES };
  const params = openstefGbdt(data.exogenous);
  const gbdt = runBacktest(createForecaster('gbdt', params), plan);
  const quantileParams: GbdtForecasterParamsInput = { ...params, intervals: 'quantile-gbdt', quantileModel: { nEstimators: 200 } };
  const quantileGbdt = runBacktest(createForecaster('gbdt', quantileParams), plan);
  const naive = runBacktest(createForecaster('seasonal-naive'), plan);
  const actual = series.load.subarray(split);
  const openstef = { mae: mae(actual, data.openstefForecast), rmse: rmse(actual, data.openstefForecast) };
  const better = { mae: gbdt.scores.mae < openstef.mae, rmse: gbdt.scores.rmse < openstef.rmse };
  return {
    name: openstef307Eval.name,
    description: openstef307Eval.description,
    source: {
      dataset: OPENSTEF307_DATASET,
      folder: data.folder,
      files: [...OPENSTEF307_FILES],
      origin: 'github OpenSTEF/openstef test/unit/data/reference_sets (commit 2464e8eb; predicted_load_307.csv from b6820f07)',
      licence: 'MPL-2.0',
    },
    protocol: [
      `Train on the ${split} quarter-hours before ${new Date(testStart).toISOString()} (307-train-data.csv; its last row repeats the first test row and is dropped), forecast the ${data.testRows} test rows.`,
      `Day-ahead: one forecast of ${STEPS_PER_ORIGIN} quarter-hours per day from the first test row on. The model reads no load younger than 48 h (lags of 2..7 and 14 days, the 24 h mean ending 48 h back), so each forecast is what could be issued a day before its first quarter-hour, as OpenSTEF drops lags shorter than its 48 h horizon.`,
      'The weather, day-ahead price and standard profile columns of the test rows are used as given (they stand for the forecasts available a day ahead).',
      'Calendar features use Europe/Amsterdam local time; the 2 missing training rows stay missing.',
    ],
    target: { metric: 'mae and rmse', description: 'MAE and RMSE both below those of OpenSTEF\'s predicted_load_307.csv on the same rows', threshold: round3(openstef.mae) },
    value: round3(gbdt.scores.mae),
    passed: better.mae && better.rmse,
    reference: { openstefMae: round3(openstef.mae), openstefRmse: round3(openstef.rmse), betterMae: better.mae, betterRmse: better.rmse, note: 'OpenSTEF regression reference forecast, not a published result' },
    models: [
      modelResult(gbdt, params, { intervals: 'point + residual quantiles of the held-out last 10% of training, by hour' }),
      modelResult({ ...quantileGbdt, model: 'gbdt-quantile-intervals' }, quantileParams, { intervals: 'one quantile-loss GBDT per level' }),
      modelResult(naive, { seasonHours: 168 }),
    ],
    timings: { loadSeconds, trainSeconds: round3(gbdt.fitSeconds), predictSeconds: round3(gbdt.predictSeconds), totalSeconds: secondsSince(started) },
    notes: [
      'MAPE is not reported: the net load crosses zero (solar and wind feed-in).',
      'Quantile-loss trees learn the spread of the summer training months; residual quantiles of the held-out last 10% (late October) cover November better.',
    ],
  };
}
