import { z } from 'zod';
import { ValidationError } from '../../core/errors.js';

export const GRADE_CODES = ['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC', 'C'] as const;
export type GradeCode = (typeof GRADE_CODES)[number];

/** What a grade means for the customer's account; the business sets these, the defaults are a proposal. */
export const GradePolicy = z.object({
  /** Security deposit in months of the average bill (0 = none). */
  depositMonths: z.number().min(0),
  /** Whether electricity must be bought in advance (prepaid metering / 预付费). */
  prepaymentRequired: z.boolean(),
  /** Whether the customer may receive marketing offers (discounts, new services, instalments). */
  offerEligible: z.boolean(),
});
export type GradePolicy = z.infer<typeof GradePolicy>;

export const GradeBand = z.object({
  grade: z.enum(GRADE_CODES),
  /** Lowest score of the band (inclusive), null for the open-ended last band; a band ends at the previous band's minimum. */
  minScore: z.number().nullable(),
  name: z.object({ 'zh-CN': z.string(), en: z.string() }),
  policy: GradePolicy,
});
export type GradeBand = z.infer<typeof GradeBand>;

const band = (grade: GradeCode, minScore: number | null, zh: string, en: string, policy: GradePolicy): GradeBand => ({
  grade,
  minScore,
  name: { 'zh-CN': zh, en },
  policy,
});

/**
 * Default bands on the 600 @ 19:1, 50 points-to-double scale, 50 points wide, so each grade
 * doubles the good:bad odds of the one below: AAA ≥ 700 (bad rate ≤ 1.3%), A from 600 (≤ 5%),
 * BB from 500 (≤ 17%), CCC from 400 (≤ 45%), C below 400.
 */
export const DEFAULT_GRADE_BANDS: readonly GradeBand[] = [
  band('AAA', 700, '信用极好', 'excellent', { depositMonths: 0, prepaymentRequired: false, offerEligible: true }),
  band('AA', 650, '信用优良', 'very good', { depositMonths: 0, prepaymentRequired: false, offerEligible: true }),
  band('A', 600, '信用良好', 'good', { depositMonths: 0, prepaymentRequired: false, offerEligible: true }),
  band('BBB', 550, '信用一般', 'fair', { depositMonths: 0.5, prepaymentRequired: false, offerEligible: true }),
  band('BB', 500, '需关注', 'watch', { depositMonths: 1, prepaymentRequired: false, offerEligible: false }),
  band('B', 450, '风险较高', 'elevated risk', { depositMonths: 2, prepaymentRequired: false, offerEligible: false }),
  band('CCC', 400, '高风险', 'high risk', { depositMonths: 3, prepaymentRequired: true, offerEligible: false }),
  band('C', null, '极高风险', 'very high risk', { depositMonths: 3, prepaymentRequired: true, offerEligible: false }),
];

/** Checks that bands run from the best grade down with falling minimum scores and end open (null). */
export function checkGradeBands(bands: readonly GradeBand[]): readonly GradeBand[] {
  if (bands.length === 0) throw new ValidationError('grade bands are empty');
  const floor = (b: GradeBand) => b.minScore ?? -Infinity;
  for (let i = 1; i < bands.length; i++) {
    if (!(floor(bands[i]) < floor(bands[i - 1]))) {
      throw new ValidationError(`grade ${bands[i].grade} must start below ${bands[i - 1].grade}`, { grade: bands[i].grade });
    }
  }
  if (bands[bands.length - 1].minScore !== null) throw new ValidationError('the last grade band must have minScore null (no floor)');
  return bands;
}

/** The band a score falls in. */
export function gradeOf(score: number, bands: readonly GradeBand[] = DEFAULT_GRADE_BANDS): GradeBand {
  return bands.find((b) => b.minScore === null || score >= b.minScore) ?? bands[bands.length - 1];
}
