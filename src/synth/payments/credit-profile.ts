import type { CustomerType } from '../../core/schemas/customer.js';
import type { Rng } from '../rng.js';

/** Latent payment behaviour; the label tables keep it as ground truth. */
export const creditClasses = [
  { id: 'always_on_time', share: 0.7 },
  { id: 'occasionally_late', share: 0.18 },
  { id: 'chronic_arrears', share: 0.09 },
  { id: 'defaulter', share: 0.03 },
] as const;

export type CreditClass = (typeof creditClasses)[number]['id'];

/** Class shares by customer type, in creditClasses order; averaged over a Hangzhou mix ≈ 70/18/9/3. */
const SHARES_BY_TYPE: Record<CustomerType, readonly number[]> = {
  residential: [0.72, 0.17, 0.08, 0.03],
  commercial: [0.62, 0.21, 0.12, 0.05],
  industrial: [0.66, 0.2, 0.1, 0.04],
  agricultural: [0.62, 0.22, 0.12, 0.04],
  public: [0.8, 0.17, 0.03, 0],
};

export interface CreditProfile {
  readonly creditClass: CreditClass;
  /** Local day of month on which the customer's bank runs the direct debit. */
  readonly debitDay: number;
  /** Where in [issue, due] a timely non-debit payment usually falls, 0..1. */
  readonly promptness: number;
  /** Probability that a bill is paid after its due date. */
  readonly lateProbability: number;
  /** Days after the due date of a late payment, min and max. */
  readonly lateDays: readonly [number, number];
  /** Probability that a bill is first paid only in part. */
  readonly partialProbability: number;
  /** Probability that a bank debit bounces (returned payment). */
  readonly returnProbability: number;
  /** Defaulters: share of the bill sequence after which nothing more is paid; null otherwise. */
  readonly stopFraction: number | null;
}

/** Draws a customer's latent credit class and the parameters of its behaviour. */
export function drawCreditProfile(rng: Rng, customerType: CustomerType): CreditProfile {
  const creditClass = creditClasses[rng.weightedIndex(SHARES_BY_TYPE[customerType])].id;
  const base = { creditClass, debitDay: rng.int(8, 20), promptness: rng.uniform(0.05, 0.8) };
  switch (creditClass) {
    case 'always_on_time':
      return { ...base, lateProbability: rng.uniform(0, 0.02), lateDays: [1, 5], partialProbability: 0, returnProbability: 0.005, stopFraction: null };
    case 'occasionally_late':
      return { ...base, lateProbability: rng.uniform(0.1, 0.25), lateDays: [5, 30], partialProbability: 0.02, returnProbability: 0.02, stopFraction: null };
    case 'chronic_arrears':
      return { ...base, lateProbability: rng.uniform(0.5, 0.85), lateDays: [30, 90], partialProbability: 0.25, returnProbability: 0.06, stopFraction: null };
    case 'defaulter':
      return { ...base, lateProbability: rng.uniform(0.2, 0.5), lateDays: [5, 45], partialProbability: 0.1, returnProbability: 0.08, stopFraction: rng.uniform(0.2, 0.85) };
  }
}
