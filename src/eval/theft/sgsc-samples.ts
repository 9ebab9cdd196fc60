import { applyTheft, drawTheft, theftFamilyNames, type TheftFamily, type TheftOptions } from '../../synth/anomalies/index.js';
import { Rng } from '../../synth/rng.js';
import { SGSC_STEPS_PER_DAY, type Household } from './sgsc-households.js';

/** A window of one household: benign history, then the judged window (attacked or not). */
export interface SgscSample {
  readonly household: string;
  /** First local day (days since 1970-01-01). */
  readonly startDay: number;
  /** Half-hourly kWh of history + window; NaN = missing. */
  readonly kwh: Float64Array;
  readonly family: TheftFamily | null;
}

export interface SampleSettings {
  readonly historyDays: number;
  readonly windowDays: number;
  /** Samples with more missing half hours than this share are skipped. */
  readonly maxMissingShare: number;
}

export const defaultSampleSettings: SampleSettings = { historyDays: 28, windowDays: 28, maxMissingShare: 0.1 };

/**
 * Attack parameters on real data: Jokar et al.'s ranges (h1 α and h3 factors in [0.1, 0.8], h4
 * shares in [0.1, 0.8]); the attack covers the whole judged window.
 */
function attackOptions(family: TheftFamily): Partial<TheftOptions> {
  const familyWeights = Object.fromEntries(theftFamilyNames.map((f) => [f, f === family ? 1 : 0])) as TheftOptions['familyWeights'];
  return { familyWeights, startWithin: [0.5, 0.5], untilEndProbability: 1, alpha: [0.1, 0.8], h3Factor: [0.1, 0.8], h4Share: [0.1, 0.8] };
}

/**
 * Consecutive windows of every household (stride = the window, so each window's history is the
 * window before it), with `family` injected into a random half of them by the generator's own
 * attack functions. Missing readings stay missing.
 */
export function buildSgscSamples(households: readonly Household[], family: TheftFamily, seed: number, s = defaultSampleSettings): SgscSample[] {
  const days = s.historyDays + s.windowDays;
  const rng = new Rng(seed, 'sgsc-samples', family);
  const clean: SgscSample[] = [];
  for (const h of households) {
    for (let start = 0; start + days <= h.days; start += s.windowDays) {
      const kwh = h.kwh.slice(start * SGSC_STEPS_PER_DAY, (start + days) * SGSC_STEPS_PER_DAY);
      if (missingShare(kwh) <= s.maxMissingShare) clean.push({ household: h.id, startDay: h.firstDay + start, kwh, family: null });
    }
  }
  const attacked = new Set(shuffled(clean.length, rng).slice(0, Math.floor(clean.length / 2)));
  return clean.map((sample, i) => (attacked.has(i) ? attack(sample, family, days, rng.fork('attack', i)) : sample));
}

function attack(sample: SgscSample, family: TheftFamily, days: number, rng: Rng): SgscSample {
  const missing = sample.kwh.map((v) => (Number.isNaN(v) ? 1 : 0));
  const filled = sample.kwh.map((v) => (Number.isNaN(v) ? 0 : v));
  const plan = drawTheft(rng.fork('plan'), days, SGSC_STEPS_PER_DAY, attackOptions(family));
  const kwh = applyTheft(filled, plan, SGSC_STEPS_PER_DAY, rng.fork('apply'));
  for (let i = 0; i < kwh.length; i++) if (missing[i]) kwh[i] = Number.NaN;
  return { ...sample, kwh, family };
}

function missingShare(kwh: Float64Array): number {
  let missing = 0;
  for (const v of kwh) if (Number.isNaN(v)) missing++;
  return missing / kwh.length;
}

function shuffled(n: number, rng: Rng): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}
