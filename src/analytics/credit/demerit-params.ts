import { z } from 'zod';

/** Payment events that cost demerits (Oracle CC&B "credit rating history" entries). */
export const DEMERIT_EVENT_TYPES = [
  'late-payment',
  'returned-payment',
  'broken-arrangement',
  'final-notice',
  'disconnection',
  'write-off',
  'theft-confirmed',
] as const;
export type DemeritEventType = (typeof DEMERIT_EVENT_TYPES)[number];

/** What one event costs and for how long. */
export const DemeritRule = z.object({
  /** Points subtracted from the credit rating while the entry is active. */
  demerits: z.number().min(0),
  /** Cash-only points added while active (returned payments). */
  cashOnlyPoints: z.number().min(0),
  /** Calendar months after the event date at which the entry expires. */
  expiryMonths: z.number().int().min(1).max(120),
});
export type DemeritRule = z.infer<typeof DemeritRule>;

const rule = (demerits: number, cashOnlyPoints: number, expiryMonths: number) => DemeritRule.default({ demerits, cashOnlyPoints, expiryMonths });

/**
 * Parameters of the demerit model. Defaults are a proposal in the spirit of CC&B installation
 * options: start at 1,000, "at risk" below 700, cash-only when cash-only points exceed 100 (three
 * returned payments within a year: 3 × 50 = 150).
 */
export const DemeritParams = z.object({
  startRating: z.number().default(1000),
  /** The rating never falls below this. */
  minRating: z.number().default(0),
  /** A rating below this marks the account "at risk" (earlier dunning, deposit review). */
  ratingThreshold: z.number().default(700),
  /** The account is cash-only while its cash-only points exceed this. */
  cashOnlyThreshold: z.number().min(0).default(100),
  rules: z
    .object({
      'late-payment': rule(20, 0, 12),
      'returned-payment': rule(50, 50, 12),
      'broken-arrangement': rule(100, 0, 12),
      'final-notice': rule(60, 0, 12),
      disconnection: rule(200, 0, 24),
      'write-off': rule(400, 0, 36),
      'theft-confirmed': rule(500, 0, 36),
    } satisfies Record<DemeritEventType, unknown>)
    .prefault({}),
});
export type DemeritParams = z.output<typeof DemeritParams>;
export type DemeritParamsInput = z.input<typeof DemeritParams>;
