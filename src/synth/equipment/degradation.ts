import type { Rng } from '../rng.js';

/** How a transformer fails: insulation breakdown, chronic overload with failing cooling, or phase imbalance. */
export type DegradationKind = 'insulation' | 'overload' | 'imbalance';
export const degradationKinds: readonly DegradationKind[] = ['insulation', 'overload', 'imbalance'];

/** A slow degradation that ends in a fault; hours are indices into the telemetry series. */
export interface Degradation {
  readonly startHour: number;
  /** Hour of the fault; may lie beyond the series (the fault is then not observed). */
  readonly failureHour: number;
  readonly kind: DegradationKind;
  /** Scale of the effect at the fault, 0.5..1.5 (default 1). */
  readonly severity?: number;
}

/** Effects of a degradation at one hour, added to the healthy behaviour. */
export interface DegradationEffect {
  /** Extra top-oil temperature, K. */
  readonly extraOilK: number;
  /** Multiplier of the top-oil rise (worsening cooling). */
  readonly riseFactor: number;
  /** Extra phase imbalance, percentage points. */
  readonly extraImbalancePct: number;
}

const NONE: DegradationEffect = { extraOilK: 0, riseFactor: 1, extraImbalancePct: 0 };

/**
 * Effect at `hour`: grows with the square of progress from start to failure, so that oil
 * temperature creeps up over weeks and climbs faster just before the fault.
 */
export function degradationEffect(d: Degradation | undefined, hour: number): DegradationEffect {
  if (d === undefined || hour < d.startHour) return NONE;
  const span = Math.max(1, d.failureHour - d.startHour);
  const progress = Math.min(1, (hour - d.startHour) / span);
  const s = (d.severity ?? 1) * progress * progress;
  switch (d.kind) {
    case 'insulation': return { extraOilK: 9 * s, riseFactor: 1, extraImbalancePct: 3 * s };
    case 'overload': return { extraOilK: 2 * s, riseFactor: 1 + 0.3 * s, extraImbalancePct: 2 * s };
    case 'imbalance': return { extraOilK: 4 * s, riseFactor: 1, extraImbalancePct: 25 * s };
  }
}

/**
 * Decides whether a transformer degrades within a series of `hours` (about 5% do) and how. Faults
 * fall between 30% and 120% of the series, so some are censored; degradation starts 3–10 weeks before.
 */
export function drawDegradation(rng: Rng, hours: number, probability = 0.05): Degradation | null {
  if (!rng.chance(probability)) return null;
  const kind = degradationKinds[rng.weightedIndex([0.4, 0.35, 0.25])];
  const failureHour = rng.int(Math.floor(0.3 * hours), Math.floor(1.2 * hours));
  const startHour = Math.max(0, failureHour - rng.int(3, 10) * 7 * 24);
  return { startHour, failureHour, kind, severity: rng.uniform(0.6, 1.4) };
}
