import type { GridLensConfig } from '../core/config.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import { MS_PER_HOUR } from '../core/time/index.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import type { PanelScores } from './forecast-accuracy.js';
import { FORECAST_SCOPES, loadStoredPanel, type ForecastScope } from './forecast-panel-query.js';
import { withStore } from './store.js';

/** A stored run as the API and CLI show it. */
export interface ForecastRunSummary {
  readonly runId: number;
  readonly issuedAt: string;
  readonly scope: string;
  readonly horizon: string;
  readonly model: string;
  readonly origin: string;
  readonly timeZone: string;
  readonly series: number;
  readonly skipped: number;
  readonly weather: string;
  readonly modelScores: PanelScores | null;
  readonly naiveScores: PanelScores | null;
  readonly notes: string[];
}

/** One forecast interval with the actual load where the store has it. */
export interface ForecastPoint {
  readonly ts: string;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  readonly actual: number | null;
}

export interface ForecastSeries {
  readonly run: ForecastRunSummary;
  readonly scope: string;
  readonly id: string;
  readonly unit: 'kW';
  readonly points: ForecastPoint[];
  /** Over the points with an actual: mean absolute error and share inside [p10, p90]. */
  readonly accuracy: { readonly points: number; readonly mae: number | null; readonly coverage: number | null };
}

export interface ForecastSeriesRequest {
  readonly scope: string;
  readonly id: string;
  /** A run id; the latest run of the scope that holds the series when absent. */
  readonly runId?: number;
}

interface RunRow {
  run_id: number;
  issued_at: Date;
  scope: string;
  horizon: string;
  model: string;
  origin: Date;
  time_zone: string;
  series: number;
  skipped: number;
  weather: string;
  model_scores: string | null;
  naive_scores: string | null;
  notes: string;
}

const RUN_COLUMNS = 'run_id, issued_at, scope, horizon, model, origin, time_zone, series, skipped, weather, model_scores, naive_scores, notes';

function summary(row: RunRow): ForecastRunSummary {
  const json = <T>(v: string | null): T | null => (v === null ? null : (JSON.parse(v) as T));
  return {
    runId: Number(row.run_id), issuedAt: row.issued_at.toISOString(), scope: row.scope, horizon: row.horizon, model: row.model,
    origin: row.origin.toISOString(), timeZone: row.time_zone, series: Number(row.series), skipped: Number(row.skipped), weather: row.weather,
    modelScores: json<PanelScores>(row.model_scores), naiveScores: json<PanelScores>(row.naive_scores), notes: json<string[]>(row.notes) ?? [],
  };
}

/** The latest stored forecast runs, newest first (`gridlens forecast runs`). */
export async function listForecastRuns(config: Pick<GridLensConfig, 'db'>, options: { limit?: number; scope?: string } = {}, warehouse?: Warehouse): Promise<ForecastRunSummary[]> {
  return withStore(config, async (wh) => {
    const where = options.scope ? 'WHERE scope = ?' : '';
    const rows = await wh.query<RunRow & Record<string, unknown>>(
      `SELECT ${RUN_COLUMNS} FROM forecast_runs ${where} ORDER BY run_id DESC LIMIT ?`,
      [...(options.scope ? [options.scope] : []), options.limit ?? 20],
    );
    return rows.map(summary);
  }, { warehouse });
}

/**
 * A stored forecast of one series (`gridlens forecast show`, the dashboard): p10/p50/p90 per hour
 * beside the actual load once it has arrived, with the accuracy so far.
 */
export async function readForecastSeries(config: Pick<GridLensConfig, 'db'>, request: ForecastSeriesRequest, warehouse?: Warehouse): Promise<ForecastSeries> {
  if (!(FORECAST_SCOPES as readonly string[]).includes(request.scope)) throw new ValidationError(`unknown forecast scope ${request.scope}; use one of ${FORECAST_SCOPES.join(', ')}`, { scope: request.scope });
  return withStore(config, async (wh) => {
    const run = await findRun(wh, request);
    const rows = await wh.query<{ t: number; p10: number; p50: number; p90: number }>(
      `SELECT ${wh.dialect.epochMs('ts')} AS t, p10_kw AS p10, p50_kw AS p50, p90_kw AS p90 FROM forecasts WHERE run_id = ? AND series_id = ? ORDER BY ts`,
      [run.runId, request.id],
    );
    const actual = await actuals(wh, request.scope as ForecastScope, request.id, rows.map((r) => Number(r.t)));
    const points = rows.map((r, i) => ({ ts: new Date(Number(r.t)).toISOString(), p10: r.p10, p50: r.p50, p90: r.p90, actual: actual[i] }));
    return { run, scope: request.scope, id: request.id, unit: 'kW', points, accuracy: accuracyOf(points) };
  }, { warehouse });
}

async function findRun(wh: Warehouse, request: ForecastSeriesRequest): Promise<ForecastRunSummary> {
  const byId = request.runId !== undefined;
  const rows = await wh.query<RunRow & Record<string, unknown>>(
    byId
      ? `SELECT ${RUN_COLUMNS} FROM forecast_runs WHERE run_id = ?`
      : `SELECT ${RUN_COLUMNS} FROM forecast_runs r WHERE scope = ? AND EXISTS (SELECT 1 FROM forecasts f WHERE f.run_id = r.run_id AND f.series_id = ?) ORDER BY run_id DESC LIMIT 1`,
    byId ? [request.runId as number] : [request.scope, request.id],
  );
  if (rows.length === 0) throw new NotFoundError('forecast', byId ? `run ${request.runId}` : `${request.scope} ${request.id} (run gridlens run forecast --scope ${request.scope} first)`);
  return summary(rows[0]);
}

/** Actual hourly load at the given hours, null where not (yet) known. */
async function actuals(wh: Warehouse, scope: ForecastScope, id: string, hours: readonly number[]): Promise<(number | null)[]> {
  if (hours.length === 0) return [];
  const [last] = await wh.query<{ t: number | null }>(`SELECT ${wh.dialect.epochMs('max(ts)')} AS t FROM ${scope === 'area' ? 'area_readings' : 'readings'}`);
  const lastHour = last?.t === null || last?.t === undefined ? -Infinity : Number(last.t);
  if (lastHour < hours[0]) return hours.map(() => null);
  const historyDays = Math.ceil((lastHour - hours[0]) / 86_400_000) + 2;
  const stored = await loadStoredPanel(wh, { scope, historyDays, extendHours: 0, ids: [id] }).catch(() => undefined);
  if (!stored) return hours.map(() => null);
  const start = stored.panel.timestamps[0];
  return hours.map((t) => {
    const i = (t - start) / MS_PER_HOUR;
    const v = i >= 0 && i < stored.knownRows ? stored.panel.loads[0][i] : Number.NaN;
    return Number.isFinite(v) ? v : null;
  });
}

function accuracyOf(points: readonly ForecastPoint[]): ForecastSeries['accuracy'] {
  const known = points.filter((p) => p.actual !== null);
  if (known.length === 0) return { points: 0, mae: null, coverage: null };
  const mae = known.reduce((s, p) => s + Math.abs((p.actual as number) - p.p50), 0) / known.length;
  const inside = known.filter((p) => (p.actual as number) >= p.p10 && (p.actual as number) <= p.p90).length;
  return { points: known.length, mae, coverage: inside / known.length };
}
