import {
  backtestPanel, createPanelForecaster, DEFAULT_QUANTILES, knownThrough, LoadPanel, panelForecasterNames, PerSeriesPanelForecaster, persistenceWeather,
  type PanelForecaster, type PooledGbdtParamsInput,
} from '../analytics/forecast/index.js';
import type { GridLensConfig } from '../core/config.js';
import { InsufficientDataError, ValidationError } from '../core/errors.js';
import type { ProgressListener } from '../core/record-batch.js';
import { isoDateOfEpochDay, localMidnightUtc, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, utcOffsetMinutes } from '../core/time/index.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { roundScores, scorePanelBacktest, type PanelScores } from './forecast-accuracy.js';
import { FORECAST_SCOPES, loadStoredPanel, type ForecastScope } from './forecast-panel-query.js';
import { nextForecastRunId, writeForecastRun, type ForecastRunRow } from './forecast-store.js';
import { withStore } from './store.js';

export { FORECAST_SCOPES, type ForecastScope };

export const FORECAST_HORIZONS = { day: 24, week: 168 } as const;
export type ForecastHorizon = keyof typeof FORECAST_HORIZONS;

/**
 * The default: 'auto' backtests one pooled GBDT over all series of the scope against seasonal
 * naive and forecasts with whichever had the smaller backtest MAE (see docs/forecasting.md).
 */
export const DEFAULT_FORECAST_MODEL = 'auto';
const AUTO_CANDIDATE = 'pooled-gbdt';

export interface ForecastRunRequest {
  readonly scope?: ForecastScope;
  readonly horizon?: ForecastHorizon;
  /** 'auto' (default), a panel forecaster name (pooled-gbdt, seasonal-naive), or any single-series registry model run per series. */
  readonly model?: string;
  readonly params?: Record<string, unknown>;
  /** Days of day-ahead backtest (rolling origins) before the end of the data (default 14; 0 = none). */
  readonly backtestDays?: number;
  /** Days of history read (default 400). */
  readonly historyDays?: number;
  /** Only these series ids. */
  readonly ids?: readonly string[];
  readonly now?: Date;
  readonly onProgress?: ProgressListener;
}

export interface ForecastBacktest {
  /** The model backtested against seasonal naive. */
  readonly modelName: string;
  readonly from: string;
  readonly origins: number;
  readonly model: PanelScores;
  readonly naive: PanelScores;
  /** 1 − MAE(model) ÷ MAE(seasonal naive): the share of the naive error removed. */
  readonly skill: number;
}

export interface ForecastRunResult {
  readonly runId: number;
  readonly scope: ForecastScope;
  readonly horizon: ForecastHorizon;
  /** The model that made the stored forecast (with 'auto': the backtest winner). */
  readonly model: string;
  readonly requestedModel: string;
  readonly issuedAt: string;
  readonly origin: string;
  readonly dataEnd: string;
  readonly timeZone: string;
  readonly intervalMinutes: number;
  readonly series: number;
  readonly skipped: number;
  readonly rowsWritten: number;
  readonly weather: 'stored' | 'persistence' | 'none';
  readonly backtest: ForecastBacktest | null;
  readonly seconds: number;
  readonly timings: { readonly loadSeconds: number; readonly backtestSeconds: number; readonly fitSeconds: number; readonly predictSeconds: number; readonly storeSeconds: number };
  readonly notes: string[];
}

/** Days of recent history a series needs to be forecast: at least half of the last four weeks known. */
const RECENT_DAYS = 28;
const MIN_RECENT_KNOWN = 0.5;
/** Hours of history before the first backtest origin that a fit needs. */
const MIN_FIT_HOURS = 21 * 24;
const DEFAULT_LAGS = [24, 48, 72, 168, 336];

/**
 * `gridlens run forecast`: forecasts the next local day (or 7 days) of every series of a scope
 * from the store's readings and weather, with p10/p50/p90; backtests the model against seasonal
 * naive on the last `backtestDays` days with rolling day-ahead origins; stores the run and the
 * forecasts.
 */
export async function runForecast(config: Pick<GridLensConfig, 'db'>, request: ForecastRunRequest = {}, warehouse?: Warehouse): Promise<ForecastRunResult> {
  const started = performance.now();
  const scope = checkScope(request.scope ?? 'area');
  const horizon = checkHorizon(request.horizon ?? 'day');
  const horizonHours = FORECAST_HORIZONS[horizon];
  const requestedModel = request.model ?? DEFAULT_FORECAST_MODEL;
  const candidate = requestedModel === 'auto' ? AUTO_CANDIDATE : requestedModel;
  if (!panelForecasterNames().includes(candidate)) {
    throw new ValidationError(`unknown forecaster ${candidate}; known: auto, ${panelForecasterNames().join(', ')}`, { forecaster: candidate });
  }
  createPanelForecaster(candidate, request.params); // bad parameters fail before any work
  return withStore(config, async (wh) => {
    const issuedAt = request.now ?? new Date();
    const progress = request.onProgress ?? (() => undefined);
    progress({ phase: 'forecast.load', done: 0, total: 1 });
    const stored = await loadStoredPanel(wh, { scope, historyDays: request.historyDays ?? 400, extendHours: 24 + horizonHours, ids: request.ids });
    const origin = nextLocalMidnight(stored.dataEnd, stored.timeZone);
    const gapHours = Math.round((origin - stored.dataEnd) / MS_PER_HOUR);
    const { panel, skippedIds } = keepForecastable(stored.panel, stored.knownRows);
    const loaded = performance.now();
    progress({ phase: 'forecast.load', done: 1, total: 1 });
    const notes: string[] = [];
    if (skippedIds.length) notes.push(`${skippedIds.length} series skipped: less than ${MIN_RECENT_KNOWN * 100}% of the last ${RECENT_DAYS} days known (${skippedIds.slice(0, 10).join(', ')}${skippedIds.length > 10 ? ', ...' : ''})`);
    if (stored.incompleteHours) notes.push(`${stored.incompleteHours} series-hours with less than 75% of the usual readings were treated as unknown`);
    if (gapHours > 0) notes.push(`data ends ${gapHours} h before the forecast day: load lags start ${gapHours + horizonHours} h back`);
    const candidateParams = modelParams(candidate, request.params, horizonHours + gapHours);
    const originRow = stored.knownRows + gapHours;
    progress({ phase: 'forecast.backtest', done: 0, total: 1 });
    const backtest = runBacktest(panel, candidate, candidateParams, originRow, horizonHours, request.backtestDays ?? 14, notes);
    const tested = performance.now();
    progress({ phase: 'forecast.backtest', done: 1, total: 1 });
    const naiveWins = requestedModel === 'auto' && backtest !== null && backtest.naive.mae <= backtest.model.mae;
    if (requestedModel === 'auto') notes.push(naiveWins ? `auto: seasonal-naive had the smaller backtest MAE than ${candidate}; it made the forecast` : `auto: ${candidate} made the forecast`);
    const modelName = naiveWins ? 'seasonal-naive' : candidate;
    const params = naiveWins ? {} : candidateParams;
    const model = createPanelForecaster(modelName, params).fit(panel, stored.knownRows);
    const fitted = performance.now();
    const live = liveWeather(panel, originRow, horizonHours);
    const forecast = model.predict(live.panel, originRow, horizonHours, DEFAULT_QUANTILES);
    const predicted = performance.now();
    const failures = model instanceof PerSeriesPanelForecaster ? [...model.failures] : [];
    if (failures.length) notes.push(`${failures.length} series could not be fitted: ${failures.slice(0, 5).map(([id, why]) => `${id} (${why})`).join('; ')}`);
    const runId = await nextForecastRunId(wh);
    const run: ForecastRunRow = {
      runId, issuedAt, scope, horizon, model: modelName, params, origin, dataEnd: stored.dataEnd, intervalMinutes: 60, timeZone: stored.timeZone,
      series: panel.ids.length - failures.length, skipped: skippedIds.length + failures.length, weather: live.source,
      backtestFrom: backtest ? Date.parse(backtest.from) : null, backtestOrigins: backtest?.origins ?? 0,
      modelScores: backtest?.model ?? null, naiveScores: backtest?.naive ?? null, seconds: (performance.now() - started) / 1000, notes,
    };
    const rowsWritten = await writeForecastRun(wh, run, panel.ids, forecast);
    const seconds = (performance.now() - started) / 1000;
    return {
      runId, scope, horizon, model: modelName, requestedModel, issuedAt: issuedAt.toISOString(), origin: new Date(origin).toISOString(), dataEnd: new Date(stored.dataEnd).toISOString(),
      timeZone: stored.timeZone, intervalMinutes: 60, series: run.series, skipped: run.skipped, rowsWritten, weather: live.source, backtest,
      seconds, notes,
      timings: {
        loadSeconds: secondsBetween(started, loaded), backtestSeconds: secondsBetween(loaded, tested), fitSeconds: secondsBetween(tested, fitted),
        predictSeconds: secondsBetween(fitted, predicted), storeSeconds: secondsBetween(predicted, performance.now()),
      },
    };
  }, { warehouse });
}

function checkScope(scope: string): ForecastScope {
  if (!(FORECAST_SCOPES as readonly string[]).includes(scope)) throw new ValidationError(`unknown forecast scope ${scope}; use one of ${FORECAST_SCOPES.join(', ')}`, { scope });
  return scope as ForecastScope;
}

function checkHorizon(horizon: string): ForecastHorizon {
  if (!(horizon in FORECAST_HORIZONS)) throw new ValidationError(`unknown forecast horizon ${horizon}; use day or week`, { horizon });
  return horizon as ForecastHorizon;
}

/** The first local midnight at or after an instant. */
export function nextLocalMidnight(instant: number, timeZone: string): number {
  const local = instant + utcOffsetMinutes(timeZone, instant) * MS_PER_MINUTE;
  const day = Math.floor(local / MS_PER_DAY);
  const midnight = localMidnightUtc(isoDateOfEpochDay(day), timeZone);
  return midnight >= instant ? midnight : localMidnightUtc(isoDateOfEpochDay(day + 1), timeZone);
}

/** The series with enough recent history, as a panel, and the ids of the others. */
function keepForecastable(panel: LoadPanel, knownRows: number): { panel: LoadPanel; skippedIds: string[] } {
  const from = Math.max(0, knownRows - RECENT_DAYS * 24);
  const ok = panel.loads.map((load) => {
    let known = 0;
    for (let i = from; i < knownRows; i++) if (load[i] === load[i]) known++;
    return known >= MIN_RECENT_KNOWN * (knownRows - from) && known > 0;
  });
  const skippedIds = panel.ids.filter((_, k) => !ok[k]);
  if (skippedIds.length === panel.ids.length) throw new InsufficientDataError(`series with ${RECENT_DAYS} days of recent readings`, 0, MIN_RECENT_KNOWN);
  if (skippedIds.length === 0) return { panel, skippedIds };
  const grid = panel.grid;
  const kept = new LoadPanel({
    timestamps: grid.timestamps, intervalMinutes: grid.intervalMinutes, ids: panel.ids.filter((_, k) => ok[k]), loads: panel.loads.filter((_, k) => ok[k]),
    exogenous: Object.fromEntries(grid.exogenous), timeZone: grid.timeZone, holidays: grid.holidays,
  });
  return { panel: kept, skippedIds };
}

/** Hyper-parameters of the run: the pooled model's lags start at the horizon (plus any gap to the forecast day). */
function modelParams(model: string, params: Record<string, unknown> | undefined, minLagHours: number): Record<string, unknown> {
  if (model !== 'pooled-gbdt') return params ?? {};
  const lags = DEFAULT_LAGS.filter((h) => h >= minLagHours);
  if (lags[0] !== minLagHours) lags.unshift(minLagHours);
  const defaults: PooledGbdtParamsInput = { minLoadLagHours: minLagHours, loadLagsHours: lags };
  return { ...defaults, ...params };
}

/** The temperature a forecast issued at `origin` can use: stored values (a weather forecast) when complete, persistence otherwise. */
function liveWeather(panel: LoadPanel, origin: number, steps: number): { panel: LoadPanel; source: ForecastRunResult['weather'] } {
  const temperature = panel.grid.exogenous.get('temperature');
  if (!temperature) return { panel, source: 'none' };
  if (knownThrough(temperature, origin, origin + steps)) return { panel, source: 'stored' };
  return { panel: panel.withExogenous('temperature', persistenceWeather(temperature, origin, steps, panel.stepsPerDay)), source: 'persistence' };
}

/** Rolling-origin backtest of the model and seasonal naive on the same rows; null when history is too short. */
function runBacktest(panel: LoadPanel, modelName: string, params: unknown, liveOrigin: number, horizonHours: number, backtestDays: number, notes: string[]): ForecastBacktest | null {
  const wanted = Math.max(0, Math.round((backtestDays * 24) / horizonHours));
  const origins: number[] = [];
  for (let j = wanted; j >= 1; j--) {
    const origin = liveOrigin - j * horizonHours;
    if (origin >= MIN_FIT_HOURS) origins.push(origin);
  }
  if (origins.length === 0) {
    if (wanted > 0) notes.push(`no backtest: fewer than ${MIN_FIT_HOURS / 24 + backtestDays} days of history`);
    return null;
  }
  const plan = {
    origins, steps: horizonHours, levels: DEFAULT_QUANTILES,
    asIssued: (p: LoadPanel, origin: number, steps: number) => {
      const t = p.grid.exogenous.get('temperature');
      return t ? p.withExogenous('temperature', persistenceWeather(t, origin, steps, p.stepsPerDay)) : p;
    },
  };
  const model = roundScores(scorePanelBacktest(backtestPanel(createPanelForecaster(modelName, params) as PanelForecaster, panel, plan)));
  const naive = roundScores(scorePanelBacktest(backtestPanel(createPanelForecaster('seasonal-naive'), panel, plan)));
  return { modelName, from: new Date(panel.timestamps[origins[0]]).toISOString(), origins: origins.length, model, naive, skill: Math.round((1 - model.mae / naive.mae) * 10_000) / 10_000 };
}

function secondsBetween(from: number, to: number): number {
  return Math.round(to - from) / 1000;
}
