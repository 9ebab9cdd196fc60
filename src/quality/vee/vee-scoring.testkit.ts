import type { FaultLabel, FaultType } from '../../synth/anomalies/index.js';
import type { CheckName, Flag } from './flag.js';

/**
 * How VEE findings are matched with the synthetic utility's fault labels.
 * - Each fault type is found by one check; `gap` and `comm_loss` share the gap check and are told
 *   apart by its code (`gap.short` ≤ 2 h, `gap.long`).
 * - Recall: a label counts as found if a flag of its check overlaps the label's slots.
 * - Precision: a flag counts as correct if it overlaps a label of the fault type its check (and
 *   code) targets. Every flag of those checks is counted; there is no tolerance window.
 */
export const checkOfFault: Readonly<Record<FaultType, CheckName>> = {
  gap: 'gap', comm_loss: 'gap', spike: 'spike', stuck: 'flatline', negative: 'negative', duplicate: 'duplicate', clock_shift: 'clock-shift',
};

export const scoredFaults: readonly FaultType[] = ['gap', 'comm_loss', 'spike', 'stuck', 'negative', 'duplicate', 'clock_shift'];

/** The fault type a flag claims, or undefined for checks without labels (limit, zero run, daily band, ...). */
export function faultOfFlag(f: Flag): FaultType | undefined {
  if (f.check === 'gap') return f.code === 'gap.long' ? 'comm_loss' : 'gap';
  return scoredFaults.find((t) => checkOfFault[t] === f.check);
}

const overlaps = (f: Flag, l: FaultLabel) => f.startIndex < l.endIndex && f.endIndex > l.startIndex;

export interface Tally {
  labels: number;
  found: number;
  flags: number;
  correct: number;
}

export function emptyTallies(): Record<FaultType, Tally> {
  return Object.fromEntries(scoredFaults.map((t) => [t, { labels: 0, found: 0, flags: 0, correct: 0 }])) as Record<FaultType, Tally>;
}

/** Adds one meter's labels and flags to the tallies. */
export function score(tallies: Record<FaultType, Tally>, labels: readonly FaultLabel[], flags: readonly Flag[]): void {
  for (const l of labels) {
    tallies[l.faultType].labels++;
    if (flags.some((f) => f.check === checkOfFault[l.faultType] && overlaps(f, l))) tallies[l.faultType].found++;
  }
  for (const f of flags) {
    const type = faultOfFlag(f);
    if (!type) continue;
    tallies[type].flags++;
    if (labels.some((l) => l.faultType === type && overlaps(f, l))) tallies[type].correct++;
  }
}

/** Absolute and relative errors of the estimated totals of short gaps (≤ 2 h) against the truth. */
export class GapErrors {
  private abs = 0;
  private truth = 0;
  private readonly ape: number[] = [];

  add(labels: readonly FaultLabel[], cleaned: Float64Array): void {
    for (const l of labels) {
      if (l.faultType !== 'gap' || !l.trueValue) continue;
      let est = 0;
      let tru = 0;
      for (let i = l.startIndex; i < l.endIndex; i++) {
        est += cleaned[i];
        tru += l.trueValue[i - l.startIndex];
      }
      if (!Number.isFinite(est)) continue;
      this.abs += Math.abs(est - tru);
      this.truth += tru;
      // Percentages of near-zero totals (an idle pump) are meaningless; WAPE still counts them.
      if (tru >= 0.01) this.ape.push(Math.abs(est - tru) / tru);
    }
  }

  get count(): number {
    return this.ape.length;
  }

  /** Mean absolute percentage error of the gap totals. */
  get mape(): number {
    return this.ape.reduce((s, v) => s + v, 0) / this.ape.length;
  }

  /** Σ|estimate − truth| / Σ truth over the gaps: the energy-weighted equivalent. */
  get wape(): number {
    return this.abs / this.truth;
  }
}
