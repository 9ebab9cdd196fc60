import { AppError } from '../../../core/errors.js';
import type { Forecaster } from '../forecaster.js';
import type { LoadPanel } from './load-panel.js';
import { BasePanelForecaster, checkFitEnd, type PanelForecast } from './panel-forecaster.js';

/**
 * Any single-series forecaster of the registry applied to each series of a panel: one model per
 * series. A series the model cannot fit (too little history) is forecast as NaN and listed in
 * `failures` with the reason.
 */
export class PerSeriesPanelForecaster extends BasePanelForecaster<unknown> {
  readonly name: string;
  private models: (Forecaster | undefined)[] = [];
  /** Series that could not be fitted, with the reason. */
  readonly failures = new Map<string, string>();

  constructor(name: string, private readonly make: () => Forecaster, params: unknown) {
    super(params);
    this.name = name;
  }

  fit(panel: LoadPanel, end: number): this {
    checkFitEnd(panel, end);
    this.failures.clear();
    this.models = panel.ids.map((id, k) => {
      try {
        return this.make().fit(panel.series(k).slice(0, end));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        this.failures.set(id, error.message);
        return undefined;
      }
    });
    return this;
  }

  protected forecast(panel: LoadPanel, _visible: readonly Float64Array[], origin: number, steps: number, levels: readonly number[]): Omit<PanelForecast, 'origin' | 'timestamps'> {
    const nan = () => new Float64Array(steps).fill(Number.NaN);
    const forecasts = this.models.map((model, k) => model?.predict(panel.series(k), { origin: panel.timestamps[origin], steps, quantiles: levels }));
    return {
      point: forecasts.map((f) => f?.point ?? nan()),
      quantiles: new Map(levels.map((q) => [q, forecasts.map((f) => f?.quantiles.get(q) ?? nan())])),
    };
  }
}
