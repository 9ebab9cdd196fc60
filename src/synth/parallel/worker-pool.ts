import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ProgressListener, TableBatch } from '../../core/record-batch.js';
import type { Population } from '../population.js';
import type { SynthOptions } from '../synth-options.js';
import type { WorkerMessage, WorkerTask } from './messages.js';

const CREDITS_PER_WORKER = 3;

/** Splits areas over workers so each gets about the same number of customers (largest areas first). */
export function assignAreas(population: Population, workers: number): number[][] {
  const shares: number[][] = Array.from({ length: workers }, () => []);
  const load = new Array<number>(workers).fill(0);
  const bySize = [...population.areas].sort((a, b) => b.customers.length - a.customers.length || a.index - b.index);
  for (const area of bySize) {
    const w = load.indexOf(Math.min(...load));
    shares[w].push(area.index);
    load[w] += area.customers.length;
  }
  return shares;
}

/** Built code runs area-worker.js; from source (benchmarks under tsx) the worker registers tsx, then loads the .ts file. */
function startWorker(task: WorkerTask): Worker {
  const built = new URL('./area-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return new Worker(built, { workerData: task });
  const source = new URL('./area-worker.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: task });
}

/** Runs the area generators in worker threads and yields their batches as they arrive. */
export async function* generateInWorkers(population: Population, options: SynthOptions, threads: number, onProgress?: ProgressListener): AsyncGenerator<TableBatch> {
  const queue: { worker: Worker; message: WorkerMessage }[] = [];
  let notify: (() => void) | undefined;
  const workers = assignAreas(population, threads).map((areas) => {
    const task: WorkerTask = { options: { ...options, threads: 1 }, areas, credits: CREDITS_PER_WORKER };
    const worker = startWorker(task);
    worker.on('message', (message: WorkerMessage) => {
      queue.push({ worker, message });
      notify?.();
    });
    worker.on('error', (error) => {
      queue.push({ worker, message: { type: 'error', message: error.message, stack: error.stack } });
      notify?.();
    });
    return worker;
  });
  let running = workers.length, done = 0;
  try {
    while (running > 0) {
      if (queue.length === 0) await new Promise<void>((resolve) => (notify = resolve));
      notify = undefined;
      const item = queue.shift();
      if (!item) continue;
      const { worker, message } = item;
      if (message.type === 'error') throw new Error(`synth worker failed: ${message.message}`);
      if (message.type === 'done') running--;
      if (message.type === 'progress' && message.customers > 0) onProgress?.({ phase: 'readings', done: (done += message.customers), total: options.customers });
      if (message.type === 'batch') {
        yield { table: message.table, batch: message.batch };
        worker.postMessage({ type: 'credit' });
      }
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
