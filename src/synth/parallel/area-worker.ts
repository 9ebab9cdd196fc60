import { parentPort, workerData } from 'node:worker_threads';
import { AreaGenerator } from '../area-generator.js';
import { detach, type CreditMessage, type WorkerMessage, type WorkerTask } from './messages.js';

/** Worker entry: generates its share of transformer areas and posts the batches under credit-based flow control. */
async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('area-worker must run in a worker thread');
  const task = workerData as WorkerTask;
  let credits = task.credits;
  let wake: (() => void) | undefined;
  port.on('message', (message: CreditMessage) => {
    if (message.type !== 'credit') return;
    credits++;
    wake?.();
  });
  const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  try {
    const generator = new AreaGenerator(task.options);
    let customers = 0;
    for (const { table, batch } of generator.areas(task.areas, () => customers++)) {
      while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
      credits--;
      const detached = detach(batch);
      post({ type: 'progress', customers });
      customers = 0;
      post({ type: 'batch', table, batch: detached.batch }, detached.transfer);
    }
    post({ type: 'progress', customers });
    post({ type: 'done' });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined });
  }
}

void main();
