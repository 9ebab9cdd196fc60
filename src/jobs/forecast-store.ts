import type { PanelForecast } from '../analytics/forecast/index.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import type { PanelScores } from './forecast-accuracy.js';

/** The `forecast_runs` row of a run. */
export interface ForecastRunRow {
  readonly runId: number;
  readonly issuedAt: Date;
  readonly scope: string;
  readonly horizon: string;
  readonly model: string;
  readonly params: unknown;
  readonly origin: number;
  readonly dataEnd: number;
  readonly intervalMinutes: number;
  readonly timeZone: string;
  readonly series: number;
  readonly skipped: number;
  readonly weather: string;
  readonly backtestFrom: number | null;
  readonly backtestOrigins: number;
  readonly modelScores: PanelScores | null;
  readonly naiveScores: PanelScores | null;
  readonly seconds: number;
  readonly notes: readonly string[];
}

/** The next free run id. */
export async function nextForecastRunId(wh: Warehouse): Promise<number> {
  const [row] = await wh.query<{ id: number | null }>('SELECT max(run_id) AS id FROM forecast_runs');
  return Number(row?.id ?? 0) + 1;
}

/** Writes a run and its forecasts (p10, p50, p90 per series and hour; series forecast as NaN are left out). */
export async function writeForecastRun(wh: Warehouse, run: ForecastRunRow, ids: readonly string[], forecast: PanelForecast): Promise<number> {
  const p10 = forecast.quantiles.get(0.1) as readonly Float64Array[];
  const p50 = forecast.quantiles.get(0.5) as readonly Float64Array[];
  const p90 = forecast.quantiles.get(0.9) as readonly Float64Array[];
  const keep = ids.map((_, k) => forecast.point[k].every((v) => Number.isFinite(v)));
  const rows = keep.filter(Boolean).length * forecast.timestamps.length;
  const pick = (parts: readonly Float64Array[]) => {
    const out = new Float64Array(rows);
    let at = 0;
    parts.forEach((part, k) => {
      if (!keep[k]) return;
      out.set(part, at);
      at += part.length;
    });
    return out;
  };
  const seriesIds = ids.filter((_, k) => keep[k]).flatMap((id) => Array.from(forecast.timestamps, () => id));
  return wh.transaction(async (tx) => {
    await tx.append('forecast_runs', {
      rowCount: 1,
      columns: {
        run_id: [run.runId], issued_at: [run.issuedAt], scope: [run.scope], horizon: [run.horizon], model: [run.model], params: [JSON.stringify(run.params ?? {})],
        origin: [run.origin], data_end: [run.dataEnd], interval_minutes: [run.intervalMinutes], time_zone: [run.timeZone], series: [run.series],
        skipped: [run.skipped], weather: [run.weather], backtest_from: [run.backtestFrom], backtest_origins: [run.backtestOrigins],
        model_scores: [run.modelScores && JSON.stringify(run.modelScores)], naive_scores: [run.naiveScores && JSON.stringify(run.naiveScores)],
        seconds: [run.seconds], notes: [JSON.stringify(run.notes)],
      },
    });
    if (rows === 0) return 0;
    const timestamps = new Float64Array(rows);
    for (let i = 0; i < rows; i++) timestamps[i] = forecast.timestamps[i % forecast.timestamps.length];
    return tx.append('forecasts', {
      rowCount: rows,
      columns: {
        run_id: new Int32Array(rows).fill(run.runId), scope: new Array<string>(rows).fill(run.scope), series_id: seriesIds, model: new Array<string>(rows).fill(run.model),
        issued_at: new Float64Array(rows).fill(run.issuedAt.getTime()), ts: timestamps, p10_kw: pick(p10), p50_kw: pick(p50), p90_kw: pick(p90),
      },
    });
  });
}
