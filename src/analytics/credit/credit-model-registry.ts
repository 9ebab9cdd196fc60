import { ValidationError } from '../../core/errors.js';
import type { ModelJson } from '../ml/model.js';
import type { CreditModel } from './credit-model.js';
import { CreditScorecard } from './credit-scorecard.js';
import { EncodedModel, type EncodedModelParamsInput } from './encoded-model.js';
import type { ScorecardParamsInput } from './scorecard-params.js';

/** How the registry makes a credit model: from hyper-parameters, or from its persisted form. */
export interface CreditModelFactory {
  create(params?: unknown): CreditModel;
  fromJSON(json: unknown): CreditModel;
}

const factories = new Map<string, CreditModelFactory>([
  ['scorecard', { create: (p) => new CreditScorecard((p ?? {}) as ScorecardParamsInput), fromJSON: (j) => CreditScorecard.fromJSON(j) }],
  ['encoded', { create: (p) => new EncodedModel((p ?? {}) as EncodedModelParamsInput), fromJSON: (j) => EncodedModel.fromJSON(j) }],
]);

/** Names of the registered credit models ('scorecard', 'encoded' and any registered later). */
export function creditModelNames(): string[] {
  return [...factories.keys()];
}

/** Adds a credit model kind; a name can be registered once. */
export function registerCreditModel(name: string, factory: CreditModelFactory): void {
  if (factories.has(name)) throw new ValidationError(`credit model ${name} is already registered`, { model: name });
  factories.set(name, factory);
}

/** A new, unfitted credit model of the named kind; parameters are validated by its zod schema. */
export function createCreditModel(name: string, params?: unknown): CreditModel {
  return factoryOf(name).create(params);
}

/** Restores a fitted credit model from `toJSON()` output; its `kind` picks the factory. */
export function creditModelFromJSON(json: ModelJson): CreditModel {
  return factoryOf(json.kind).fromJSON(json);
}

function factoryOf(name: string): CreditModelFactory {
  const factory = factories.get(name);
  if (!factory) throw new ValidationError(`unknown credit model ${name}; known: ${creditModelNames().join(', ')}`, { model: name });
  return factory;
}
