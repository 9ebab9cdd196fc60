import { Quality } from '../../core/schemas/meter.js';
import type { Edit } from './edit.js';
import type { CheckName, Flag } from './flag.js';
import { missingByLocalDay, type DayMissing } from './missing-by-day.js';
import type { VeeContext } from './vee-context.js';

export interface VeeStats {
  readonly intervals: number;
  /** Slots that have ended by "now". */
  readonly due: number;
  /** Due slots missing as delivered. */
  readonly missing: number;
  readonly estimated: number;
  readonly edited: number;
  /** Invalid values removed without an estimate. */
  readonly removed: number;
  /** Due slots without a value after VEE. */
  readonly stillMissing: number;
  readonly flagsByCheck: Partial<Record<CheckName, number>>;
  /** Missing slots per local day, as delivered. */
  readonly missingByDay: DayMissing[];
}

/** Quality code per slot: the edit's quality where one applies, missing where there is no value. */
export function qualityCodes(cleaned: Float64Array, edits: readonly Edit[]): Uint8Array {
  const quality = new Uint8Array(cleaned.length);
  for (const e of edits) quality[e.index] = e.quality === 'estimated' ? Quality.estimated : Quality.edited;
  for (let i = 0; i < cleaned.length; i++) if (cleaned[i] !== cleaned[i]) quality[i] = Quality.missing;
  return quality;
}

export function veeStats(original: Float64Array, quality: Uint8Array, flags: readonly Flag[], edits: readonly Edit[], ctx: VeeContext): VeeStats {
  const flagsByCheck: Partial<Record<CheckName, number>> = {};
  for (const f of flags) flagsByCheck[f.check] = (flagsByCheck[f.check] ?? 0) + 1;
  let missing = 0;
  let stillMissing = 0;
  for (let i = 0; i < ctx.dueEnd; i++) {
    if (original[i] !== original[i]) missing++;
    if (quality[i] === Quality.missing) stillMissing++;
  }
  let estimated = 0;
  let edited = 0;
  let removed = 0;
  for (const e of edits) {
    if (e.method === 'removed') removed++;
    else if (e.quality === 'estimated') estimated++;
    else edited++;
  }
  return { intervals: original.length, due: ctx.dueEnd, missing, estimated, edited, removed, stillMissing, flagsByCheck, missingByDay: missingByLocalDay(original, ctx) };
}
