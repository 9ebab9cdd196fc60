import { Quality } from '../../core/schemas/meter.js';
import type { Edit } from '../vee/edit.js';
import type { VeeResult } from '../vee/run-vee.js';
import { NO_ROW, type StoredSeries } from './stored-series.js';

/** A reading VEE writes: the new value and quality of a slot, and the edit row that records it. */
export interface ReadingChange {
  readonly index: number;
  /** NaN writes NULL (a removed or withdrawn value). */
  readonly kwh: number;
  readonly quality: number;
  readonly method: string;
  readonly reason: string;
  /** The value as delivered (NaN: missing). */
  readonly original: number;
  /** Version of the edit row: one more than the slot's last. */
  readonly version: number;
  /** Whether `readings` has a row for the slot (update) or not (insert). */
  readonly rowExists: boolean;
}

const same = (a: number, b: number) => a === b || (a !== a && b !== b);

/**
 * What must change in the store for it to hold `result`: every slot VEE edited, and every slot an
 * earlier run changed that this run leaves as delivered (restored to its original, or withdrawn
 * when there is none). Slots that already hold the wanted value and quality are left alone, so a
 * second run over the same input changes nothing.
 */
export function readingChanges(stored: StoredSeries, result: VeeResult): ReadingChange[] {
  const edits = new Map<number, Edit>(result.edits.map((e) => [e.index, e]));
  const indices = new Set<number>([...edits.keys(), ...stored.versions.keys()]);
  const changes: ReadingChange[] = [];
  for (const index of [...indices].sort((a, b) => a - b)) {
    const wanted = wantedState(stored, result, edits.get(index), index);
    if (!wanted || holds(stored, index, wanted.kwh, wanted.quality)) continue;
    changes.push({
      index, ...wanted, original: stored.delivered[index], version: (stored.versions.get(index) ?? 0) + 1,
      rowExists: stored.currentQuality[index] !== NO_ROW,
    });
  }
  return changes;
}

type Wanted = Pick<ReadingChange, 'kwh' | 'quality' | 'method' | 'reason'>;

function wantedState(stored: StoredSeries, result: VeeResult, edit: Edit | undefined, index: number): Wanted | undefined {
  if (edit) return { kwh: edit.value, quality: result.quality[index], method: edit.method, reason: edit.reason };
  const delivered = stored.delivered[index];
  if (delivered === delivered) return { kwh: delivered, quality: Quality.actual, method: 'restored', reason: 'no longer flagged: the delivered value is restored' };
  if (stored.currentQuality[index] === NO_ROW) return undefined;
  return { kwh: Number.NaN, quality: Quality.missing, method: 'withdrawn', reason: 'no estimate any more: the earlier estimate is withdrawn' };
}

function holds(stored: StoredSeries, index: number, kwh: number, quality: number): boolean {
  if (stored.currentQuality[index] === NO_ROW) return kwh !== kwh;
  return stored.currentQuality[index] === quality && same(stored.current[index], kwh);
}
