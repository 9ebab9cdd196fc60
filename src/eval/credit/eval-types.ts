/**
 * The contract between an evaluation and the `gridlens eval` command. Kept here until a shared
 * `src/eval/eval.ts` exists; the shape is meant to be the same for every eval.
 */

/** Options every eval accepts; each has a default. */
export interface EvalOptions {
  /** Directory holding the shared data sets (default '../shared/data', relative to the working directory). */
  readonly dataDir?: string;
  /** Seed of folds and splits (default 42). */
  readonly seed?: number;
}

/** A published or commonly reported range the result is compared with. */
export interface EvalReference {
  readonly metric: string;
  readonly low: number;
  readonly high: number;
  /** The bound below which the eval fails. */
  readonly minimum: number;
  readonly source: string;
}

export interface EvalCheck {
  readonly name: string;
  readonly passed: boolean;
  readonly detail: string;
}

/** What an eval returns; serialisable as JSON (`gridlens eval NAME --json`). */
export interface EvalResult {
  readonly name: string;
  readonly description: string;
  /** All checks passed. */
  readonly passed: boolean;
  /** Headline numbers. */
  readonly metrics: Readonly<Record<string, number>>;
  readonly reference: EvalReference;
  readonly checks: readonly EvalCheck[];
  /** Tables behind the numbers (IV table, per-model results, grades, PSI). */
  readonly details: Readonly<Record<string, unknown>>;
  /** Wall-clock milliseconds per step. */
  readonly timings: Readonly<Record<string, number>>;
}

/** One registered evaluation. */
export interface EvalDefinition {
  readonly name: string;
  readonly description: string;
  run(options?: EvalOptions): Promise<EvalResult>;
}

export const DEFAULT_DATA_DIR = '../shared/data';
export const DEFAULT_SEED = 42;
