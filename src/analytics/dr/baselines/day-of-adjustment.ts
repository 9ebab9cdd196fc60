import type { Adjustment } from './baseline-params.js';

/** The applied day-of adjustment: raw and capped, as a ratio (multiplicative) or kWh per interval (additive). */
export interface AppliedAdjustment {
  readonly kind: Adjustment['kind'];
  readonly raw: number;
  readonly applied: number;
  readonly capped: boolean;
}

const NONE: AppliedAdjustment = { kind: 'none', raw: 0, applied: 0, capped: false };

/**
 * Adjusts `baseline` in place over the whole day from the event day's actual load in the
 * adjustment window [fromStep, toStep). Steps without an actual value make the adjustment
 * unavailable (no adjustment applied, reported as kind `none`).
 */
export function applyDayOfAdjustment(baseline: Float64Array, actual: Float64Array, window: { fromStep: number; toStep: number }, adjustment: Adjustment): AppliedAdjustment {
  if (adjustment.kind === 'none' || window.toStep <= window.fromStep || window.fromStep < 0) return NONE;
  let b = 0, a = 0;
  for (let s = window.fromStep; s < window.toStep; s++) {
    if (Number.isNaN(actual[s])) return NONE;
    b += baseline[s];
    a += actual[s];
  }
  const n = window.toStep - window.fromStep;
  if (adjustment.kind === 'multiplicative') {
    const raw = b > 0 ? a / b : 1;
    const applied = Math.min(1 + adjustment.cap, Math.max(1 - adjustment.cap, raw));
    for (let s = 0; s < baseline.length; s++) baseline[s] *= applied;
    return { kind: 'multiplicative', raw, applied, capped: applied !== raw };
  }
  const raw = (a - b) / n;
  const limit = (adjustment.cap * b) / n;
  const applied = Math.min(limit, Math.max(-limit, raw));
  for (let s = 0; s < baseline.length; s++) baseline[s] = Math.max(0, baseline[s] + applied);
  return { kind: 'additive', raw, applied, capped: applied !== raw };
}
