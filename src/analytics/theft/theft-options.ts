import { z } from 'zod';
import { parseWith } from '../ml/index.js';
import { unsupervisedDetectorNames } from './detector-registry.js';
import { RuleSet } from './rule-schema.js';

/**
 * An inspection outcome fed back as a label: `confirmed` theft or `clear`. It applies to every meter
 * of the customer, or to one meter when `meterId` is given.
 */
export const InspectionLabel = z.object({
  customerId: z.string().min(1),
  meterId: z.number().int().optional(),
  outcome: z.enum(['confirmed', 'clear']),
});
export type InspectionLabel = z.infer<typeof InspectionLabel>;

/**
 * Options of theft and line-loss detection, parsed once at the edge. Every field has a documented
 * default; `labels` switches the supervised detector on.
 */
export const TheftDetectionOptions = z.object({
  /** Local time of the meters as a fixed UTC offset (China: +480). */
  utcOffsetMinutes: z.number().int().min(-720).max(840).default(480),
  /** Transformer areas to analyse (a batch of areas keeps memory flat on big stores); every area when omitted. */
  areaIds: z.array(z.string().min(1)).min(1).optional(),
  /** Half-open UTC range of readings to analyse; the whole store when omitted. */
  from: z.date().optional(),
  to: z.date().optional(),
  /** Night is [nightStartHour, 24) ∪ [0, nightEndHour) local time. */
  nightStartHour: z.number().int().min(0).max(23).default(22),
  nightEndHour: z.number().int().min(0).max(23).default(6),
  /** A reading at or below this many kWh counts as zero use. */
  zeroKwh: z.number().min(0).default(0.0005),
  /** Share of a day's intervals that must be present for the day to count. */
  minDayCoverage: z.number().gt(0).max(1).default(0.5),
  /** Length of the blocks that load-shape features compare, in days. */
  blockDays: z.number().int().min(7).max(91).default(28),
  /** Shortest segment on either side of a level shift, in days. */
  minSegmentDays: z.number().int().min(7).max(180).default(21),
  /** Customers of one type an area needs to form its own peer group (else the type utility-wide). */
  peerMinMembers: z.number().int().min(3).default(8),
  /** Flat price for recoverable energy when the customer's tariff has no entry in `tariffPrices`. */
  cnyPerKwh: z.number().positive().default(0.6),
  /** CNY per kWh by tariff id. */
  tariffPrices: z.record(z.string(), z.number().positive()).default({}),
  /** Daily line-loss rate above which a day is flagged (DOMAIN.md section 7: about 6%). */
  lossThreshold: z.number().gt(0).lt(1).default(0.06),
  /** Share of recent days above `lossThreshold` that flags an area. */
  lossDayShare: z.number().gt(0).max(1).default(0.5),
  /** Rise of the loss rate over the area's own baseline (absolute share: 0.0075 = 0.75 points) that flags an area... */
  lossRise: z.number().gt(0).lt(1).default(0.0075),
  /** ...when the rise is also this many standard errors above the day-to-day noise. */
  lossRiseZ: z.number().gt(0).default(5),
  /** Recent days judged against the loss threshold. */
  lossRecentDays: z.number().int().min(7).default(28),
  /** Unsupervised detector (registry name) used when no labels are given, and as a second opinion. */
  unsupervised: z.string().default('peer-isolation').refine((name) => unsupervisedDetectorNames().includes(name), {
    message: 'not an unsupervised theft detector (robust-z, isolation-forest, peer-isolation)',
  }),
  /** Cross-fitting folds of the supervised detector: a labelled customer is never scored by a model trained on it. */
  folds: z.number().int().min(2).max(20).default(5),
  /** Inspection outcomes; with at least `minLabels` of each class the supervised detector is trained. */
  labels: z.array(InspectionLabel).default([]),
  minLabels: z.number().int().min(1).default(10),
  seed: z.number().int().default(42),
  /** Rule set; the built-in one when omitted. */
  rules: RuleSet.optional(),
  /** Order of the list: by score, or by score × recoverable CNY (money expected per inspection). */
  rankBy: z.enum(['score', 'expected-value']).default('score'),
  /** Length of the list; all customers when omitted. */
  top: z.number().int().min(1).optional(),
  /**
   * Entries scoring below this are left out of the list, and their evidence is not built: a caller
   * merging the lists of many batches by score passes the lowest score it still keeps.
   */
  minScore: z.number().optional(),
  /** Days of daily kWh shown as the load-curve window of each entry. */
  windowDays: z.number().int().min(7).max(366).default(56),
});
export type TheftDetectionOptions = z.output<typeof TheftDetectionOptions>;
export type TheftDetectionOptionsInput = z.input<typeof TheftDetectionOptions>;

export function parseTheftOptions(input: TheftDetectionOptionsInput = {}): TheftDetectionOptions {
  return parseWith(TheftDetectionOptions, input, 'theft detection option');
}
