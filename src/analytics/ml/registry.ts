import { ValidationError } from '../../core/errors.js';
import { GradientBoostingModel } from './gbdt/gradient-boosting-model.js';
import { LeastSquaresModel } from './linear/least-squares-model.js';
import { LogisticRegressionModel } from './linear/logistic-regression-model.js';
import type { Model, ModelJson } from './model.js';

/** How the registry makes a model: from hyper-parameters, or from its persisted form. */
export interface ModelFactory {
  /** Hyper-parameters are validated by the model's zod schema; omitted ones take their defaults. */
  create(params?: unknown): Model;
  fromJSON(json: unknown): Model;
}

const factories = new Map<string, ModelFactory>([
  ['gbdt', { create: (p) => new GradientBoostingModel(p ?? {}), fromJSON: (j) => GradientBoostingModel.fromJSON(j) }],
  ['logistic', { create: (p) => new LogisticRegressionModel(p ?? {}), fromJSON: (j) => LogisticRegressionModel.fromJSON(j) }],
  ['linear', { create: (p) => new LeastSquaresModel(p ?? {}), fromJSON: (j) => LeastSquaresModel.fromJSON(j) }],
]);

/** Names of the registered models ('gbdt', 'logistic', 'linear' and any registered later). */
export function modelNames(): string[] {
  return [...factories.keys()];
}

/** Adds a model kind (e.g. a forecaster); a name can be registered once. */
export function registerModel(name: string, factory: ModelFactory): void {
  if (factories.has(name)) throw new ValidationError(`model ${name} is already registered`, { model: name });
  factories.set(name, factory);
}

/** A new, unfitted model of the named kind. */
export function createModel(name: string, params?: unknown): Model {
  return factoryOf(name).create(params);
}

/** Restores a fitted model from `toJSON()` output; its `kind` picks the factory. */
export function modelFromJSON(json: ModelJson): Model {
  return factoryOf(json.kind).fromJSON(json);
}

function factoryOf(name: string): ModelFactory {
  const factory = factories.get(name);
  if (!factory) throw new ValidationError(`unknown model ${name}; known: ${modelNames().join(', ')}`, { model: name });
  return factory;
}
