import type { GridLensConfig } from '../core/config.js';
import type { ProgressListener } from '../core/record-batch.js';
import { createDemo, type DemoResult } from './create-demo.js';
import { createDemoOperations } from './demo-operations.js';
import { withStore } from './store.js';
import { pipelineSteps, runPipeline, selectSteps, type PipelineOptions, type PipelineResult } from './pipeline.js';
import type { SynthRequest } from './synth-request.js';
import { ensureFirstAdmin } from './users.js';

export interface StartPreparation {
  /** The demo utility just created, or null when the store already had readings. */
  readonly demo: DemoResult | null;
  readonly pipeline: PipelineResult | null;
  /** The first-run administrator; `password` is present only when it was just created. */
  readonly admin: { readonly created: boolean; readonly username: string; readonly password?: string };
}

export interface StartOptions extends Omit<PipelineOptions, 'onProgress'> {
  /** Demo utility options when the store has none (defaults: 1,000 customers, 400 days). */
  readonly demo?: SynthRequest;
  readonly skipPipeline?: boolean;
  readonly onProgress?: ProgressListener;
  /** Called between the phases: demo, pipeline, admin. */
  readonly onPhase?: (phase: 'demo' | 'pipeline' | 'admin', result: unknown) => void;
}

/**
 * What `npm start` does before serving: the demo utility (with one settled demand-response event)
 * if the store has none, the analytics pipeline (steps already done are skipped), and the first
 * administrator if there is no user.
 */
export async function prepareStart(config: GridLensConfig, options: StartOptions = {}): Promise<StartPreparation> {
  selectSteps(options.steps ?? pipelineSteps, options.only); // bad step names fail before any work
  // A cheap emptiness check: createDemo on a full store would checksum every table.
  const hasReadings = await withStore(config, async (wh) => (await wh.query('SELECT 1 FROM readings LIMIT 1')).length > 0);
  const demo = hasReadings ? null : await createDemo(config, options.demo ?? { threads: config.threads }, { force: false, onProgress: options.onProgress });
  if (demo?.created) await createDemoOperations(config); // a settled demand-response event for the DR page
  options.onPhase?.('demo', demo);
  const pipeline = options.skipPipeline ? null : await runPipeline(config, options);
  options.onPhase?.('pipeline', pipeline);
  const admin = await ensureFirstAdmin(config);
  options.onPhase?.('admin', admin);
  return { demo, pipeline, admin };
}
