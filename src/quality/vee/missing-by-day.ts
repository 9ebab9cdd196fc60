import { isoDateOfEpochDay } from '../../core/time/index.js';
import type { VeeContext } from './vee-context.js';

export interface DayMissing {
  /** Local date. */
  readonly date: string;
  readonly missing: number;
}

/** Missing slots (NaN) among those due, per local day; days without missing slots are left out. */
export function missingByLocalDay(values: Float64Array, ctx: VeeContext): DayMissing[] {
  const { days } = ctx;
  const out: DayMissing[] = [];
  for (let d = 0; d < days.count; d++) {
    const end = Math.min(days.start[d + 1], ctx.dueEnd);
    let missing = 0;
    for (let i = Math.max(0, days.start[d]); i < end; i++) if (values[i] !== values[i]) missing++;
    if (missing > 0) out.push({ date: isoDateOfEpochDay(days.firstEpochDay + d), missing });
  }
  return out;
}
