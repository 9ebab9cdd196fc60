import { createForecaster, forecasterNames } from '../forecaster-registry.js';
import { ValidationError } from '../../../core/errors.js';
import type { PanelForecaster } from './panel-forecaster.js';
import { PerSeriesPanelForecaster } from './per-series-panel-forecaster.js';
import { PooledGbdtForecaster } from './pooled-gbdt-forecaster.js';
import type { PooledGbdtParamsInput } from './pooled-gbdt-params.js';
import { SeasonalNaivePanelForecaster } from './seasonal-naive-panel-forecaster.js';

/** Panel-native forecasters; every other registry name runs per series. */
const native = new Map<string, (params?: unknown) => PanelForecaster>([
  ['pooled-gbdt', (p) => new PooledGbdtForecaster((p ?? {}) as PooledGbdtParamsInput)],
  ['seasonal-naive', (p) => new SeasonalNaivePanelForecaster((p ?? {}) as object)],
]);

/** Names a panel forecast accepts: the pooled models and every single-series forecaster. */
export function panelForecasterNames(): string[] {
  return [...new Set([...native.keys(), ...forecasterNames()])];
}

/** A new, unfitted panel forecaster: a pooled model by name, or one registry model per series. */
export function createPanelForecaster(name: string, params?: unknown): PanelForecaster {
  const make = native.get(name);
  if (make) return make(params);
  if (!forecasterNames().includes(name)) throw new ValidationError(`unknown forecaster ${name}; known: ${panelForecasterNames().join(', ')}`, { forecaster: name });
  return new PerSeriesPanelForecaster(name, () => createForecaster(name, params), params ?? {});
}
