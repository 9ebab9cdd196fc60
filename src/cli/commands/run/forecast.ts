import { Command, InvalidArgumentError } from 'commander';
import { FORECAST_HORIZONS, FORECAST_SCOPES, runForecast, type ForecastHorizon, type ForecastRunResult, type ForecastScope } from '../../../jobs/forecast.js';
import type { PanelScores } from '../../../jobs/forecast-accuracy.js';
import { integerOption, runCommand, withCommonOptions, type CommonFlags } from '../../common.js';
import type { Output } from '../../output.js';
import { localTime } from '../forecast.js';

interface ForecastFlags extends CommonFlags {
  readonly scope: ForecastScope;
  readonly horizon: ForecastHorizon;
  readonly model?: string;
  readonly params?: Record<string, unknown>;
  readonly backtestDays?: number;
  readonly historyDays?: number;
}

function choice<T extends string>(values: readonly T[], what: string) {
  return (value: string): T => {
    if (!(values as readonly string[]).includes(value)) throw new InvalidArgumentError(`${what} must be one of ${values.join(', ')}, got "${value}"`);
    return value as T;
  };
}

function jsonObject(value: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new InvalidArgumentError(`expected a JSON object, got "${value}"`);
}

/** `gridlens run forecast`: day-ahead or 7-day load forecasts with p10/p50/p90, backtested against seasonal naive, stored. */
export function forecastStepCommand(): Command {
  return withCommonOptions(new Command('forecast'))
    .description('forecast load (next local day or 7 days, hourly, p10/p50/p90) for customers, transformer areas, districts or the system; backtest against seasonal naive; store')
    .option('--scope <scope>', `customer, area, region (district) or system (default area)`, choice(FORECAST_SCOPES, '--scope'), 'area')
    .option('--horizon <horizon>', 'day (next local day) or week (next 7 days) (default day)', choice(Object.keys(FORECAST_HORIZONS) as ForecastHorizon[], '--horizon'), 'day')
    .option('--model <name>', 'auto (default: pooled-gbdt or seasonal naive, whichever backtests better), pooled-gbdt, seasonal-naive, or a per-series model: vanilla-mlr, recency-mlr, gbdt')
    .option('--params <json>', 'model hyper-parameters as a JSON object', jsonObject)
    .option('--backtest-days <n>', 'days of rolling backtest before the end of the data (default 14; 0 = none)', integerOption(0, 366))
    .option('--history-days <n>', 'days of history read (default 400)', integerOption(28, 3660))
    .action((flags: ForecastFlags) =>
      runCommand(flags, async ({ config, out }) => {
        const result = await runForecast(config, {
          scope: flags.scope, horizon: flags.horizon, model: flags.model, params: flags.params, backtestDays: flags.backtestDays,
          historyDays: flags.historyDays, onProgress: out.progress(),
        });
        out.result(result, () => lines(result, out));
      }));
}

function lines(r: ForecastRunResult, out: Output): string[] {
  const text = [out.t('forecast.run', {
    runId: r.runId, series: r.series, scope: out.t(`forecast.scope.${r.scope}`), horizon: out.t(`forecast.horizon.${r.horizon}`), model: r.model,
    origin: localTime(r.origin, r.timeZone), zone: r.timeZone, rows: r.rowsWritten, seconds: r.seconds.toFixed(1),
  })];
  if (r.skipped) text.push(out.t('forecast.skipped', { n: r.skipped }));
  text.push(out.t('forecast.weather', { source: out.t(`forecast.weather.${r.weather}`) }));
  if (!r.backtest) return [...text, out.t('forecast.noBacktest'), ...r.notes];
  text.push(out.t('forecast.backtest', { from: localTime(r.backtest.from, r.timeZone), origins: r.backtest.origins }));
  text.push(scoreLine(out, r.backtest.modelName, r.backtest.model), scoreLine(out, 'seasonal-naive', r.backtest.naive));
  text.push(out.t('forecast.skill', { skill: (r.backtest.skill * 100).toFixed(1) }));
  return [...text, ...r.notes];
}

export function scoreLine(out: Output, model: string, s: PanelScores): string {
  return out.t('forecast.scores', {
    model, mae: s.mae.toFixed(2), rmse: s.rmse.toFixed(2), wape: (s.wape * 100).toFixed(1), mape: s.mape === null ? '-' : `${(s.mape * 100).toFixed(1)}%`,
    coverage: s.coverage ? (s.coverage.observed * 100).toFixed(1) : '-',
  });
}
