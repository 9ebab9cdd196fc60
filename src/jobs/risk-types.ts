import type { GradeBand } from '../analytics/credit/index.js';

/** One customer's credit rating as the credit run computes it. */
export interface CustomerRating {
  readonly customerId: string;
  readonly score: number;
  readonly badProbability: number;
  readonly band: GradeBand;
  readonly demeritRating: number;
  readonly cashOnly: boolean;
  readonly reasons: readonly unknown[];
}
