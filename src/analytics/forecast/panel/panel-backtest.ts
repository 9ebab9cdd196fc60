import { concatFloat64 } from '../../../core/typed-arrays.js';
import type { LoadPanel } from './load-panel.js';
import type { PanelForecaster } from './panel-forecaster.js';

/** Rolling-origin backtest of a panel: fit once before the first origin, forecast each origin. */
export interface PanelBacktestPlan {
  /** First rows of each forecast, increasing; the model is fitted on the rows before the first. */
  readonly origins: readonly number[];
  readonly steps: number;
  readonly levels: readonly number[];
  /** The panel a forecast issued at `origin` sees (e.g. with the horizon weather replaced by what was knowable). */
  readonly asIssued?: (panel: LoadPanel, origin: number, steps: number) => LoadPanel;
}

/** Per series, the forecast rows of every origin concatenated, beside the actual load. */
export interface PanelBacktestResult {
  readonly model: string;
  readonly rows: Int32Array;
  readonly actual: Float64Array[];
  readonly point: Float64Array[];
  readonly quantiles: Map<number, Float64Array[]>;
  readonly fitSeconds: number;
  readonly predictSeconds: number;
}

/** Fits `forecaster` on rows before the first origin and forecasts each origin through the panel interface (which hides later load). */
export function backtestPanel(forecaster: PanelForecaster, panel: LoadPanel, plan: PanelBacktestPlan): PanelBacktestResult {
  const started = performance.now();
  forecaster.fit(panel, plan.origins[0]);
  const fitted = performance.now();
  const parts = plan.origins.map((origin) => {
    const steps = Math.min(plan.steps, panel.length - origin);
    return forecaster.predict(plan.asIssued?.(panel, origin, steps) ?? panel, origin, steps, plan.levels);
  });
  const rows = Int32Array.from(parts.flatMap((p) => Array.from(p.timestamps, (_, s) => p.origin + s)));
  const join = (pick: (p: (typeof parts)[number]) => readonly Float64Array[]) => panel.ids.map((_, k) => concatFloat64(parts.map((p) => pick(p)[k])));
  return {
    model: forecaster.name,
    rows,
    actual: panel.loads.map((load) => Float64Array.from(rows, (r) => load[r])),
    point: join((p) => p.point),
    quantiles: new Map(plan.levels.map((q) => [q, join((p) => p.quantiles.get(q) as readonly Float64Array[])])),
    fitSeconds: (fitted - started) / 1000,
    predictSeconds: (performance.now() - fitted) / 1000,
  };
}
