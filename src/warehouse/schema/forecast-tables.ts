import type { TableDef } from './table-def.js';

/** Stored load forecasts (customer, transformer area, region, system) with their intervals. */
export const forecastTables: readonly TableDef[] = [
  {
    name: 'forecast_runs',
    doc: 'One row per `gridlens run forecast`: what was forecast, with which model, and its backtest accuracy against seasonal naive on the last weeks of history.',
    primaryKey: ['run_id'], orderBy: ['run_id'],
    columns: [
      { name: 'run_id', type: 'int32' },
      { name: 'issued_at', type: 'timestamp', doc: 'when the run was made (UTC)' },
      { name: 'scope', type: 'varchar', doc: 'customer, area, region or system' },
      { name: 'horizon', type: 'varchar', doc: 'day (next local day) or week (next 7 local days)' },
      { name: 'model', type: 'varchar', doc: 'forecaster that made the forecasts (pooled-gbdt, seasonal-naive, or a per-series model such as recency-mlr)' },
      { name: 'params', type: 'json', doc: 'hyper-parameters of the model' },
      { name: 'origin', type: 'timestamp', doc: 'first forecast interval: the first local midnight at or after the end of the data (UTC)' },
      { name: 'data_end', type: 'timestamp', doc: 'end of the last interval of data used (UTC)' },
      { name: 'interval_minutes', type: 'int16' },
      { name: 'time_zone', type: 'varchar', doc: 'calendar used for days, hours and holidays' },
      { name: 'series', type: 'int32', doc: 'series forecast' },
      { name: 'skipped', type: 'int32', doc: 'series left out (too little history); reasons in notes' },
      { name: 'weather', type: 'varchar', doc: 'where the horizon temperature came from: stored (a weather forecast in `weather`) or persistence (the last 7 days of the same hour)' },
      { name: 'backtest_from', type: 'timestamp', nullable: true, doc: 'first backtest origin (UTC); null when history was too short to backtest' },
      { name: 'backtest_origins', type: 'int32' },
      { name: 'model_scores', type: 'json', nullable: true, doc: 'backtest of the model: points, rmse, mae, mape, pinball per level, coverage of the p10-p90 interval (kW)' },
      { name: 'naive_scores', type: 'json', nullable: true, doc: 'the same for seasonal naive (same hour last week) on the same rows' },
      { name: 'seconds', type: 'float64' },
      { name: 'notes', type: 'json', doc: 'plain-language notes (skipped series and why)' },
    ],
  },
  {
    name: 'forecasts',
    doc: 'Forecast load per series and interval, with an 80% interval, in average kW over the interval (kWh per hour), net of exported energy.',
    orderBy: ['run_id', 'scope', 'series_id', 'ts'], bulk: true,
    columns: [
      { name: 'run_id', type: 'int32' },
      { name: 'scope', type: 'varchar', doc: 'customer, area, region or system' },
      { name: 'series_id', type: 'varchar', doc: 'customer_id, area_id, district name, or "system"' },
      { name: 'model', type: 'varchar' },
      { name: 'issued_at', type: 'timestamp' },
      { name: 'ts', type: 'timestamp', doc: 'start of the forecast interval (UTC)' },
      { name: 'p10_kw', type: 'float64', doc: '10% quantile' },
      { name: 'p50_kw', type: 'float64', doc: '50% quantile (median forecast)' },
      { name: 'p90_kw', type: 'float64', doc: '90% quantile' },
    ],
  },
];
