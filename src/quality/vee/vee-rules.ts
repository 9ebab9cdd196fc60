import { z } from 'zod';
import { checkNames } from './flag.js';
import { MeterClass } from './meter-series.js';

const minutes = z.number().positive();
const nonNegative = z.number().nonnegative();
const ratio = z.number().gt(1);

/** Sections of the rules, one per check (plus estimation). Defaults are in `defaultVeeRules`. */
const sections = {
  time: z.strictObject({ futureToleranceMinutes: nonNegative, alignmentToleranceSeconds: nonNegative }),
  duplicate: z.strictObject({ identicalToleranceKwh: nonNegative }),
  gap: z.strictObject({ longGapMinutes: minutes }),
  negative: z.strictObject({ toleranceKwh: nonNegative }),
  limit: z.strictObject({ capacityFactor: z.number().positive(), historicalMaxFactor: z.number().positive(), lowKwh: z.number().nullable() }),
  spike: z.strictObject({ neighbourRatio: ratio, levelRatio: ratio, levelQuantile: z.number().gt(0).lt(1), minKwh: nonNegative, lookaroundIntervals: z.number().int().min(1).max(96) }),
  flatline: z.strictObject({ windowMinutes: minutes, toleranceKwh: nonNegative }),
  zeroRun: z.strictObject({ windowMinutes: minutes }),
  dailyBand: z.strictObject({
    lowRatio: z.number().min(0).lt(1), highRatio: ratio, windowDays: z.number().int().min(3), minReferenceDays: z.number().int().min(1), minKwh: nonNegative,
  }),
  clockShift: z.strictObject({
    shiftMinutes: minutes, minBlockMinutes: minutes, maxBlockDays: z.number().positive(),
    pairedTolerance: z.number().min(0).max(2), profileMinDays: z.number().int().min(1), profileMinGain: z.number().positive().max(5),
  }),
  register: z.strictObject({ rolloverKwh: z.number().positive(), toleranceKwh: nonNegative, toleranceRatio: nonNegative }),
  estimation: z.strictObject({
    maxLinearMinutes: minutes, maxLinearIntervals: z.number().int().positive().nullable(), holidayReferenceDays: z.number().int().min(1).max(10),
    lastYearFallback: z.boolean(), registerScaling: z.enum(['scaled', 'flat', 'off']), replaceChecks: z.array(z.enum(checkNames)),
  }),
};

/** Resolved parameters for one meter: every field present. */
export const VeeRules = z.strictObject({ ...sections, disabledChecks: z.array(z.enum(checkNames)) });
export type VeeRules = z.infer<typeof VeeRules>;

type Sections = typeof sections;
const partialShape = Object.fromEntries(Object.entries(sections).map(([k, s]) => [k, s.partial().optional()])) as {
  [K in keyof Sections]: z.ZodOptional<ReturnType<Sections[K]['partial']>>;
};

/** Any subset of the parameters, section by section. */
export const PartialVeeRules = z.strictObject({ ...partialShape, disabledChecks: z.array(z.enum(checkNames)).optional() });
export type PartialVeeRules = z.infer<typeof PartialVeeRules>;

/**
 * A versioned rule file: built-in defaults, then `defaults`, then `overrides[meterClass]`, each
 * replacing single parameters (see `resolveVeeRules`).
 */
export const VeeRuleSet = z.strictObject({
  version: z.literal(1),
  name: z.string().optional(),
  defaults: PartialVeeRules.optional(),
  overrides: z.partialRecord(MeterClass, PartialVeeRules).optional(),
});
export type VeeRuleSet = z.infer<typeof VeeRuleSet>;

/**
 * The documented defaults.
 * - time: a value whose interval ends more than 5 min after "now" is a future value; delivered
 *   timestamps must sit exactly on the interval grid.
 * - duplicate: re-deliveries within 0.5 Wh of the kept value are identical (meters resolve 1 Wh).
 * - gap: runs of up to 120 min are short gaps (linear interpolation), longer ones long gaps.
 * - negative: any value below 0 kWh is invalid unless the channel is export or net-metered.
 * - limit: high = contract kVA × interval hours × multiplier × 1.0, and 2 × the historical maximum
 *   when one is known; the lower of the two applies. No low limit by default.
 * - spike: a value above 5× its larger valid neighbour (within 4 intervals) and above 2.4× the
 *   meter's 99th percentile of positive values (household appliance bursts reach about 2×), and
 *   at least 0.01 kWh.
 * - flatline: the same non-zero value for 24 h (OpenSTEF's default; shorter windows wrongly flag
 *   solar and closed premises).
 * - zeroRun: 24 h of zeros on an active account, reported as a signal (info), not an error.
 * - dailyBand: a complete day's total outside 0.2–3× the median of the complete days within ±14
 *   days (at least 7 of them, median above 0.1 kWh).
 * - clockShift: shifts of ±60 min over blocks of 12 h to 7 days; a block bounded by a hole and a
 *   run of re-stamped timestamps is accepted unless its profile correlates worse shifted by more
 *   than 0.05 (or, when the re-stamped readings equal the ones they collide with, if it gains 0.4
 *   on Fisher's z scale or is flat); without that evidence, 2 or more consecutive complete days
 *   whose correlation with the typical profile gains at least 0.4 (Fisher z) when shifted.
 * - register: registers roll over at 1,000,000 kWh; interval sums may differ from the register
 *   advance × multiplier by 0.1 kWh + 1%.
 * - estimation: linear interpolation for runs up to 120 min (or `maxLinearIntervals`), like-day
 *   beyond; holidays average 3 reference days; same week last year as fallback; estimates are
 *   scaled to bracketing register reads; values with an error from time, negative, limit, spike
 *   or flatline are replaced.
 */
export const defaultVeeRules: VeeRules = {
  time: { futureToleranceMinutes: 5, alignmentToleranceSeconds: 0 },
  duplicate: { identicalToleranceKwh: 0.0005 },
  gap: { longGapMinutes: 120 },
  negative: { toleranceKwh: 0 },
  limit: { capacityFactor: 1, historicalMaxFactor: 2, lowKwh: null },
  spike: { neighbourRatio: 5, levelRatio: 2.4, levelQuantile: 0.99, minKwh: 0.01, lookaroundIntervals: 4 },
  flatline: { windowMinutes: 1440, toleranceKwh: 0 },
  zeroRun: { windowMinutes: 1440 },
  dailyBand: { lowRatio: 0.2, highRatio: 3, windowDays: 28, minReferenceDays: 7, minKwh: 0.1 },
  clockShift: { shiftMinutes: 60, minBlockMinutes: 720, maxBlockDays: 7, pairedTolerance: 0.15, profileMinDays: 2, profileMinGain: 0.4 },
  register: { rolloverKwh: 1_000_000, toleranceKwh: 0.1, toleranceRatio: 0.01 },
  estimation: {
    maxLinearMinutes: 120, maxLinearIntervals: null, holidayReferenceDays: 3, lastYearFallback: true,
    registerScaling: 'scaled', replaceChecks: ['time', 'negative', 'limit', 'spike', 'flatline'],
  },
  disabledChecks: [],
};

/**
 * GridLens' shipped rule set. Overrides: irrigation pumps idle for weeks off-season (zero runs
 * from 30 days); factories close for the Spring Festival and shops and offices for holidays
 * (daily band from 5% / 10%).
 */
export const defaultVeeRuleSet: VeeRuleSet = {
  version: 1,
  name: 'gridlens-default',
  overrides: {
    agricultural: { zeroRun: { windowMinutes: 30 * 1440 }, dailyBand: { lowRatio: 0.02, highRatio: 10 } },
    industrial: { dailyBand: { lowRatio: 0.05 } },
    commercial: { dailyBand: { lowRatio: 0.1 } },
  },
};

const resolved = new WeakMap<VeeRuleSet, Map<string, VeeRules>>();

/** Built-in defaults ← `ruleSet.defaults` ← `ruleSet.overrides[meterClass]`, parameter by parameter. */
export function resolveVeeRules(ruleSet: VeeRuleSet, meterClass?: MeterClass): VeeRules {
  let byClass = resolved.get(ruleSet);
  if (!byClass) resolved.set(ruleSet, (byClass = new Map()));
  const key = meterClass ?? '';
  const cached = byClass.get(key);
  if (cached) return cached;
  const rules = VeeRules.parse(mergeRules(mergeRules(defaultVeeRules, ruleSet.defaults), meterClass ? ruleSet.overrides?.[meterClass] : undefined));
  byClass.set(key, rules);
  return rules;
}

export function mergeRules(base: VeeRules, patch: PartialVeeRules | undefined): VeeRules {
  if (!patch) return base;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    out[key] = Array.isArray(value) ? value : { ...(base[key as keyof VeeRules] as object), ...value };
  }
  return out as VeeRules;
}

/** Maximum run length, in intervals, that linear interpolation fills. */
export function maxLinearIntervals(rules: VeeRules, intervalMinutes: number): number {
  return rules.estimation.maxLinearIntervals ?? Math.floor(rules.estimation.maxLinearMinutes / intervalMinutes);
}
