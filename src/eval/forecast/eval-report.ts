import type { ForecastScores } from './forecast-scores.js';

/** Where an eval's data came from (summarised from the data set's SOURCE.txt). */
export interface EvalSource {
  readonly dataset: string;
  readonly folder: string;
  readonly files: readonly string[];
  readonly origin: string;
  readonly licence: string;
}

/** The goal an eval is judged by. */
export interface EvalTarget {
  readonly metric: string;
  readonly description: string;
  readonly threshold: number;
}

/** One model's result on an eval's split. */
export interface ModelResult {
  readonly model: string;
  readonly params?: unknown;
  readonly scores: ForecastScores;
  readonly fitSeconds: number;
  readonly predictSeconds: number;
  readonly [extra: string]: unknown;
}

/**
 * The JSON document every forecast eval returns (`gridlens eval NAME --json`). `name`,
 * `description` and `passed` have the names the other eval families (credit, theft) use.
 */
export interface EvalReport {
  readonly name: string;
  readonly description: string;
  readonly source: EvalSource;
  /** What was used and how, in plain sentences. */
  readonly protocol: readonly string[];
  readonly target: EvalTarget;
  /** The value the target is measured on (e.g. the model's WRMSE). */
  readonly value: number;
  readonly passed: boolean;
  /** Published or reproduced reference results on the same rows. */
  readonly reference: Record<string, unknown>;
  /** Results per model; `seasonal-naive` is always among them. */
  readonly models: readonly ModelResult[];
  readonly timings: { readonly loadSeconds: number; readonly trainSeconds: number; readonly predictSeconds: number; readonly totalSeconds: number };
  readonly notes: readonly string[];
}

/** How an eval is run. */
export interface EvalOptions {
  /** Folder holding the shared data sets (default DEFAULT_DATA_DIR, relative to the working directory). */
  readonly dataDir?: string;
}

/** A registered eval. */
export interface EvalDefinition {
  readonly name: string;
  readonly description: string;
  readonly dataset: string;
  run(options?: EvalOptions): Promise<EvalReport>;
}

/** Seconds since a `performance.now()` reading, rounded to milliseconds. */
export function secondsSince(start: number): number {
  return Math.round(performance.now() - start) / 1000;
}

/** A backtest result as a {@link ModelResult}. */
export function modelResult(result: { model: string; scores: ForecastScores; fitSeconds: number; predictSeconds: number }, params?: unknown, extra: Record<string, unknown> = {}): ModelResult {
  return { model: result.model, params, scores: result.scores, fitSeconds: round3(result.fitSeconds), predictSeconds: round3(result.predictSeconds), ...extra };
}

export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
