import type { ColumnBatch } from '../../core/record-batch.js';
import type { SynthOptions } from '../synth-options.js';

/** What the pool tells a worker at start. */
export interface WorkerTask {
  readonly options: SynthOptions;
  readonly areas: readonly number[];
  /** Batches the worker may have in flight before it waits for a credit. */
  readonly credits: number;
}

export type WorkerMessage =
  | { readonly type: 'batch'; readonly table: string; readonly batch: ColumnBatch }
  | { readonly type: 'progress'; readonly customers: number }
  | { readonly type: 'done' }
  | { readonly type: 'error'; readonly message: string; readonly stack?: string };

/** Sent by the pool each time it has consumed one batch. */
export interface CreditMessage {
  readonly type: 'credit';
}

/** Copies a batch's typed columns out of reused buffers; returns the copy and its transferable buffers. */
export function detach(batch: ColumnBatch): { batch: ColumnBatch; transfer: ArrayBuffer[] } {
  const columns: Record<string, ColumnBatch['columns'][string]> = {};
  const transfer: ArrayBuffer[] = [];
  for (const [name, values] of Object.entries(batch.columns)) {
    if (ArrayBuffer.isView(values)) {
      const copy = values.slice();
      columns[name] = copy;
      transfer.push(copy.buffer as ArrayBuffer);
    } else {
      columns[name] = values;
    }
  }
  return { batch: { rowCount: batch.rowCount, columns }, transfer };
}
