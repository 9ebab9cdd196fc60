import type { z } from 'zod';
import { ValidationError } from '../../core/errors.js';
import type { Dataset } from './dataset.js';

/** Options of one `fit` call; models that cannot use one ignore it. */
export interface FitOptions {
  /** Held-out rows watched during training (early stopping of boosted trees). */
  readonly validation?: Dataset;
}

/** The persisted form of a fitted model: `kind` names its registry entry. */
export interface ModelJson {
  readonly kind: string;
  readonly version: number;
  readonly [key: string]: unknown;
}

/**
 * The shape every model shares (STYLE.md item 5): typed hyper-parameters fixed at construction,
 * `fit` on a validated {@link Dataset} with a target, `predict` on a dataset with the same feature
 * names (matched by name, not position), and a JSON form that `fromJSON` restores exactly.
 */
export interface Model {
  readonly kind: string;
  readonly featureNames: readonly string[];
  fit(train: Dataset, options?: FitOptions): this;
  /** One prediction per row: a value, a probability (binary models) or a quantile. */
  predict(data: Dataset): Float64Array;
  toJSON(): ModelJson;
}

/** Parses hyper-parameters (or a persisted form) with their zod schema into a ValidationError on failure. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.join('.');
    throw new ValidationError(`invalid ${what}${path ? ` ${path}` : ''}: ${issue.message}`, { what, path });
  }
  return parsed.data;
}

/** Throws unless the model has been fitted (or restored). */
export function requireFitted<T>(value: T | undefined, kind: string): T {
  if (value === undefined) throw new ValidationError(`the ${kind} model is not fitted`, { kind });
  return value;
}
