/** A customer's collection risk on the as-of day. */
export interface CollectionCandidate {
  readonly customerId: string;
  readonly pdLate: number;
  readonly pdDefault: number;
  readonly outstandingCny: number;
  /** Outstanding plus the expected next bill. */
  readonly exposureCny: number;
  readonly daysPastDue: number;
}

export interface RankedCollection extends CollectionCandidate {
  readonly expectedLossCny: number;
  /** 1 = largest expected loss; 0 = nothing to collect. */
  readonly rank: number;
}

/**
 * The collection work list (DOMAIN.md section 6): customers with money overdue ranked by expected
 * loss = probability of default × exposure, ties by days past due. Customers without overdue money
 * keep rank 0 but their expected loss is still reported.
 */
export function rankCollections(candidates: readonly CollectionCandidate[]): RankedCollection[] {
  const scored = candidates.map((c) => ({ ...c, expectedLossCny: c.pdDefault * c.exposureCny, rank: 0 }));
  const inArrears = scored.filter((c) => c.outstandingCny > 0.005)
    .sort((a, b) => b.expectedLossCny - a.expectedLossCny || b.daysPastDue - a.daysPastDue || a.customerId.localeCompare(b.customerId));
  inArrears.forEach((c, i) => (c.rank = i + 1));
  return scored;
}
