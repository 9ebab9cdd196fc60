import type { Edit, EstimationState } from './edit.js';
import type { Flag } from './flag.js';
import type { VeeContext } from './vee-context.js';
import type { VeeRules } from './vee-rules.js';

/** Findings that leave a day usable as a like-day reference. */
const harmless = (f: Flag) => f.check === 'duplicate' || f.code === 'time.misaligned';

/**
 * The starting point of estimation: due slots that are missing, vacated by a clock correction or
 * carry an error from one of `estimation.replaceChecks` are pending (their value set to NaN). A
 * local day is a reference day when it is complete, has no pending slot and no finding other than
 * duplicates and misaligned stamps (so outage days, zero runs and out-of-band days never are).
 * Invalid values after `dueEnd` (future values) are removed at once, with an edit.
 */
export function createEstimationState(original: Float64Array, corrected: Float64Array, flags: readonly Flag[], rules: VeeRules, ctx: VeeContext): { state: EstimationState; removed: Edit[] } {
  const values = corrected.slice();
  const pending = new Uint8Array(values.length);
  const removed: Edit[] = [];
  for (let i = 0; i < ctx.dueEnd; i++) if (values[i] !== values[i]) pending[i] = 1;
  const replace = new Set<string>(rules.estimation.replaceChecks);
  for (const f of flags) {
    if (f.severity !== 'error' || !replace.has(f.check)) continue;
    for (let i = f.startIndex; i < f.endIndex; i++) {
      if (i < ctx.dueEnd) pending[i] = 1;
      else if (values[i] === values[i]) removed.push(removal(i, original[i], f));
      values[i] = Number.NaN;
    }
  }
  const state = { values, original, pending, estimated: new Uint8Array(values.length), methodOf: new Map<number, string>(), referenceDay: referenceDays(pending, flags, ctx) };
  return { state, removed };
}

function referenceDays(pending: Uint8Array, flags: readonly Flag[], ctx: VeeContext): Uint8Array {
  const { days } = ctx;
  const ok = Uint8Array.from(days.complete);
  for (let d = 0; d < days.count; d++) {
    if (!ok[d] || days.start[d + 1] > ctx.dueEnd) {
      ok[d] = 0;
      continue;
    }
    for (let i = days.start[d]; i < days.start[d + 1]; i++) {
      if (pending[i]) {
        ok[d] = 0;
        break;
      }
    }
  }
  for (const f of flags) {
    if (harmless(f) || f.endIndex <= f.startIndex) continue;
    for (let d = days.slotDay[f.startIndex]; d <= days.slotDay[f.endIndex - 1]; d++) ok[d] = 0;
  }
  return ok;
}

/** An invalid value that could not be estimated is removed; the edit keeps it. */
export function removal(index: number, original: number, cause: Pick<Flag, 'code'> | string): Edit {
  const why = typeof cause === 'string' ? cause : cause.code;
  return { index, original, value: Number.NaN, quality: 'edited', method: 'removed', reason: `invalid value removed (${why}); no estimate available` };
}
