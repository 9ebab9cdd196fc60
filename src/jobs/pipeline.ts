import type { GridLensConfig } from '../core/config.js';
import { describeError, ValidationError } from '../core/errors.js';
import type { ProgressListener } from '../core/record-batch.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { runArrears } from './arrears.js';
import { runChurn } from './churn.js';
import { runCredit } from './credit.js';
import { runFeatures } from './features.js';
import { runForecast } from './forecast.js';
import { runLineloss } from './lineloss.js';
import { offersRun } from './offers.js';
import { profileDocumentsCurrent, runProfileDocuments } from './profile-documents.js';
import { riskWarn } from './risk.js';
import { runSegments } from './segments.js';
import { runTheft } from './theft.js';
import { runValue } from './value.js';
import { withStore } from './store.js';

/**
 * The nightly analytics pipeline, as `npm start` runs it: every analytics job that exists, in
 * dependency order (features before segments and scores; scores before offers and alerts). A step
 * names the tables it fills; when they all have rows the step is skipped unless `force` is set,
 * so a second `npm start` on the same store serves at once.
 */
export interface PipelineStep {
  /** Stable id, also the key of its label in the CLI catalogue (`pipeline.step.<id>`). */
  readonly id: string;
  /** Tables the step writes; all non-empty means "already done" (unless `upToDate` says otherwise). */
  readonly outputs: readonly string[];
  /** For a step whose outputs go stale when its inputs change: whether the stored outputs are current. */
  readonly upToDate?: (wh: Warehouse) => Promise<boolean>;
  /** Runs the step on a closed store (the step opens it itself). Returns a small JSON summary. */
  readonly run: (config: GridLensConfig, onProgress?: ProgressListener) => Promise<unknown>;
}

/** Registered steps, in order. Each entry calls one job of src/jobs. */
export const pipelineSteps: readonly PipelineStep[] = [
  { id: 'features', outputs: ['customer_features', 'customer_tags'], run: (config, onProgress) => runFeatures(config, {}, { onProgress }) },
  { id: 'segments', outputs: ['customer_segments'], run: (config, onProgress) => runSegments(config, {}, undefined, onProgress) },
  { id: 'value', outputs: ['customer_value'], run: (config, onProgress) => runValue(config, {}, undefined, onProgress) },
  { id: 'churn', outputs: ['customer_churn'], run: (config, onProgress) => runChurn(config, undefined, onProgress) },
  { id: 'forecast-system', outputs: ['forecasts'], run: (config, onProgress) => runForecast(config, { scope: 'system', horizon: 'day', onProgress }) },
  { id: 'forecast-region', outputs: ['forecasts'], run: (config, onProgress) => runForecast(config, { scope: 'region', horizon: 'day', onProgress }) },
  { id: 'offers', outputs: ['offers'], run: (config) => offersRun(config, {}) },
  { id: 'theft', outputs: ['theft_scores'], run: (config, onProgress) => runTheft(config, { onProgress }) },
  { id: 'lineloss', outputs: ['area_losses'], run: (config, onProgress) => runLineloss(config, { onProgress }) },
  { id: 'credit', outputs: ['credit_ratings'], run: (config, onProgress) => runCredit(config, { by: 'pipeline', onProgress }) },
  { id: 'arrears', outputs: ['arrears_scores'], run: (config, onProgress) => runArrears(config, { onProgress }) },
  { id: 'alerts', outputs: ['risk_alerts'], run: (config) => riskWarn(config, {}) },
  // Last: the documents show what the steps before wrote.
  { id: 'profiles', outputs: ['customer_profile_documents'], upToDate: profileDocumentsCurrent, run: (config) => runProfileDocuments(config) },
];

export type StepStatus = 'done' | 'skipped' | 'failed';

export interface StepResult {
  readonly id: string;
  readonly status: StepStatus;
  readonly seconds: number;
  readonly summary?: unknown;
  readonly error?: string;
}

export interface PipelineResult {
  readonly steps: StepResult[];
  readonly seconds: number;
  readonly failed: number;
}

export interface PipelineOptions {
  /** Re-run steps whose outputs already have rows. */
  readonly force?: boolean;
  /** Run only these step ids (in pipeline order). */
  readonly only?: readonly string[];
  readonly steps?: readonly PipelineStep[];
  readonly onStepStart?: (step: PipelineStep, index: number, count: number) => void;
  readonly onStepEnd?: (result: StepResult, index: number, count: number) => void;
  readonly onProgress?: ProgressListener;
}

async function outputsPresent(wh: Warehouse, tables: readonly string[]): Promise<boolean> {
  if (tables.length === 0) return false;
  const existing = new Set((await wh.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'main'")).map((r) => r.name));
  for (const table of tables) {
    if (!existing.has(table)) return false;
    const [{ n }] = await wh.query<{ n: number | bigint }>(`SELECT count(*) AS n FROM ${wh.dialect.quoteIdent(table)}`);
    if (Number(n) === 0) return false;
  }
  return true;
}

/** Which steps already have their outputs (one store open for all checks). */
async function completedSteps(config: GridLensConfig, steps: readonly PipelineStep[]): Promise<Set<string>> {
  return withStore(config, async (wh) => {
    const done = new Set<string>();
    for (const step of steps) if ((await outputsPresent(wh, step.outputs)) && (await step.upToDate?.(wh) ?? true)) done.add(step.id);
    return done;
  });
}

/** Whether a step found done before the run still is: one with `upToDate` is asked again once an earlier step has run. */
async function stillDone(config: GridLensConfig, step: PipelineStep, done: ReadonlySet<string>, before: readonly StepResult[]): Promise<boolean> {
  if (!done.has(step.id)) return false;
  if (!step.upToDate || !before.some((r) => r.status === 'done')) return true;
  return withStore(config, step.upToDate);
}

/** The steps `only` names, in pipeline order; unknown names are a ValidationError listing the known ones. */
export function selectSteps(all: readonly PipelineStep[], only: readonly string[] | undefined): PipelineStep[] {
  if (!only) return [...all];
  const known = new Set(all.map((s) => s.id));
  const unknown = only.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new ValidationError(`unknown pipeline step ${unknown.map((s) => `"${s}"`).join(', ')} (known: ${[...known].join(', ') || 'none'})`, { unknown, known: [...known] });
  }
  return all.filter((s) => only.includes(s.id));
}

/** Runs the steps one after another; a failing step is reported and the next steps still run. */
export async function runPipeline(config: GridLensConfig, options: PipelineOptions = {}): Promise<PipelineResult> {
  const started = performance.now();
  const steps = selectSteps(options.steps ?? pipelineSteps, options.only);
  const done = options.force || steps.length === 0 ? new Set<string>() : await completedSteps(config, steps);
  const results: StepResult[] = [];
  for (const [index, step] of steps.entries()) {
    options.onStepStart?.(step, index, steps.length);
    const t0 = performance.now();
    let result: StepResult;
    if (await stillDone(config, step, done, results)) {
      result = { id: step.id, status: 'skipped', seconds: 0 };
    } else {
      try {
        const summary = await step.run(config, options.onProgress);
        result = { id: step.id, status: 'done', seconds: (performance.now() - t0) / 1000, summary };
      } catch (error) {
        result = { id: step.id, status: 'failed', seconds: (performance.now() - t0) / 1000, error: describeError(error) };
      }
    }
    results.push(result);
    options.onStepEnd?.(result, index, steps.length);
  }
  return { steps: results, seconds: (performance.now() - started) / 1000, failed: results.filter((r) => r.status === 'failed').length };
}
