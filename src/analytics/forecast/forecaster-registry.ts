import { ValidationError } from '../../core/errors.js';
import type { Forecaster } from './forecaster.js';
import { GbdtForecaster } from './models/gbdt/gbdt-forecaster.js';
import { MlrForecaster } from './models/mlr/mlr-forecaster.js';
import { RECENCY_DEFAULTS, type MlrParamsInput } from './models/mlr/mlr-params.js';
import { SeasonalNaiveForecaster } from './models/seasonal-naive-forecaster.js';

/** Makes an unfitted forecaster from hyper-parameters (validated by its zod schema; omitted ones default). */
export type ForecasterFactory = (params?: unknown) => Forecaster;

const factories = new Map<string, ForecasterFactory>([
  ['seasonal-naive', (p) => new SeasonalNaiveForecaster(p ?? {})],
  ['vanilla-mlr', (p) => new MlrForecaster('vanilla-mlr', (p ?? {}) as MlrParamsInput)],
  ['recency-mlr', (p) => new MlrForecaster('recency-mlr', { ...RECENCY_DEFAULTS, ...((p ?? {}) as MlrParamsInput) })],
  ['gbdt', (p) => new GbdtForecaster(p ?? {})],
]);

/** Names of the registered forecasters. */
export function forecasterNames(): string[] {
  return [...factories.keys()];
}

/** Adds a forecaster kind; a name can be registered once. */
export function registerForecaster(name: string, factory: ForecasterFactory): void {
  if (factories.has(name)) throw new ValidationError(`forecaster ${name} is already registered`, { forecaster: name });
  factories.set(name, factory);
}

/** A new, unfitted forecaster of the named kind. */
export function createForecaster(name: string, params?: unknown): Forecaster {
  const factory = factories.get(name);
  if (!factory) throw new ValidationError(`unknown forecaster ${name}; known: ${forecasterNames().join(', ')}`, { forecaster: name });
  return factory(params);
}
