import { z } from 'zod';

/**
 * How the comparison days are combined. `average`: mean of the Y days (X = Y). `highest`: the X
 * days of the Y with the highest mean load in the event window (PG&E). `middle`: drop the
 * (Y − X) / 2 highest and lowest by event-window load, average the rest (ERCOT middle 8 of 10).
 * `closest-temperature`: the X days of the Y whose daily mean temperature is closest to the event
 * day's (weather matching; needs temperatures).
 */
export const daySelectionSchema = z.object({
  rule: z.enum(['average', 'highest', 'middle', 'closest-temperature']),
  /** Days averaged. */
  x: z.number().int().min(1),
  /** Most recent eligible like days considered. */
  y: z.number().int().min(1),
}).refine((s) => s.x <= s.y, { message: 'x must not exceed y', path: ['x'] })
  .refine((s) => s.rule !== 'average' || s.x === s.y, { message: 'average uses all y days: x must equal y', path: ['x'] })
  .refine((s) => s.rule !== 'middle' || (s.y - s.x) % 2 === 0, { message: 'middle drops as many high as low days: y - x must be even', path: ['x'] });
export type DaySelection = z.infer<typeof daySelectionSchema>;

/**
 * Same-day (day-of) adjustment. The window is [start − fromHoursBefore, start − toHoursBefore) of
 * the event day: CAISO averages hours 4 to 2 before the start (4 → 1), MISO the 3 hours before
 * (3 → 0). `multiplicative` scales the baseline by actual / baseline over the window, clamped to
 * [1 − cap, 1 + cap]; `additive` shifts it by actual − baseline, clamped to ± cap × the
 * unadjusted baseline's mean over the window.
 */
export const adjustmentSchema = z.object({
  kind: z.enum(['none', 'additive', 'multiplicative']),
  fromHoursBefore: z.number().positive().max(24).default(4),
  toHoursBefore: z.number().min(0).max(24).default(1),
  cap: z.number().min(0).max(10).default(0.2),
}).refine((a) => a.toHoursBefore < a.fromHoursBefore, { message: 'toHoursBefore must be less than fromHoursBefore', path: ['toHoursBefore'] });
export type Adjustment = z.infer<typeof adjustmentSchema>;

/** Parameters of an X-of-Y baseline: one selection for workdays, one for weekends and holidays. */
export const baselineParamsSchema = z.object({
  workday: daySelectionSchema,
  /** Weekends and statutory holidays form one group of like days (PG&E, CAISO). */
  nonWorkday: daySelectionSchema,
  adjustment: adjustmentSchema.default({ kind: 'none', fromHoursBefore: 4, toHoursBefore: 1, cap: 0.2 }),
  /** How far back (calendar days before the event) eligible days are searched. */
  lookbackDays: z.number().int().min(1).max(366).default(60),
  /** Fewest eligible days that still give a baseline when fewer than y exist (default: all y). */
  minDays: z.number().int().min(1).optional(),
});
export type BaselineParams = z.infer<typeof baselineParamsSchema>;
export type BaselineParamsInput = z.input<typeof baselineParamsSchema>;
