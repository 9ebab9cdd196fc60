import type { Rng } from '../rng.js';
import type { LocalizedLabel } from './localized-label.js';
import type { TheftFamily, TheftPlan } from './theft-families.js';

/** Meter event-log entries that physical tampering leaves behind (DL/T 645 style event records). */
export const meterEventKinds = {
  cover_open: { 'zh-CN': '开表盖', en: 'meter cover opened' },
  terminal_cover_open: { 'zh-CN': '开端钮盒', en: 'terminal cover opened' },
  magnetic_interference: { 'zh-CN': '恒定磁场干扰', en: 'constant magnetic field interference' },
} as const satisfies Record<string, LocalizedLabel>;

export type MeterEventKind = keyof typeof meterEventKinds;

/** An event logged by the meter during interval `index` of the series. */
export interface MeterEvent {
  readonly kind: MeterEventKind;
  readonly index: number;
}

/**
 * Probability that a theft of each family logs each event kind when it is set up (and again when a
 * bypass is removed before the end of the series). h2–h6 model manipulated meter firmware or data
 * and leave no physical trace; careful thieves avoid the log, so no probability is 1.
 */
export const defaultTheftEventProbabilities: Readonly<Record<TheftFamily, Partial<Record<MeterEventKind, number>>>> = {
  h1: { cover_open: 0.3, magnetic_interference: 0.2 },
  h2: {},
  h3: {},
  h4: {},
  h5: {},
  h6: {},
  bypass: { terminal_cover_open: 0.7, cover_open: 0.15 },
};

/** Events a theft leaves in the meter's log, ordered by index. `seriesLength` tells whether the theft ends early. */
export function theftEvents(
  plan: TheftPlan,
  seriesLength: number,
  rng: Rng,
  probabilities: Readonly<Record<TheftFamily, Partial<Record<MeterEventKind, number>>>> = defaultTheftEventProbabilities,
): MeterEvent[] {
  const events: MeterEvent[] = [];
  if (plan.startIndex >= seriesLength || plan.endIndex <= plan.startIndex) return events;
  const chances = Object.entries(probabilities[plan.family]) as [MeterEventKind, number][];
  for (const [kind, p] of chances) if (rng.chance(p)) events.push({ kind, index: plan.startIndex });
  if (plan.family === 'bypass' && plan.endIndex < seriesLength) {
    for (const [kind, p] of chances) if (rng.chance(p)) events.push({ kind, index: plan.endIndex });
  }
  return events;
}
