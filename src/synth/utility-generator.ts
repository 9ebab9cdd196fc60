import { availableParallelism } from 'node:os';
import { batchFromRows, type ProgressListener, type TableBatch } from '../core/record-batch.js';
import { AreaGenerator } from './area-generator.js';
import { generateInWorkers } from './parallel/worker-pool.js';
import { referenceRows } from './reference-rows.js';
import { weatherRows } from './run-context.js';
import type { SynthOptions } from './synth-options.js';

/**
 * The synthetic utility as a stream of table batches: master data and weather first, then
 * transformer area by transformer area every customer's readings and records, the area meter and
 * its telemetry. With `threads` > 1 the areas are generated in worker threads; the rows are the
 * same whatever the thread count (only their order differs).
 */
export async function* generateUtility(options: SynthOptions, onProgress?: ProgressListener): AsyncGenerator<TableBatch> {
  const generator = new AreaGenerator(options);
  for (const [table, rows] of Object.entries(referenceRows(generator.population, options))) yield { table, batch: batchFromRows(rows) };
  yield weatherRows(generator.run);
  const threads = options.threads === 0 ? availableParallelism() : options.threads;
  const areas = generator.population.areas.map((a) => a.index);
  if (threads <= 1 || areas.length < 2) {
    let done = 0;
    yield* generator.areas(areas, () => onProgress?.({ phase: 'readings', done: ++done, total: options.customers }));
    return;
  }
  yield* generateInWorkers(generator.population, options, Math.min(threads, areas.length), onProgress);
}
