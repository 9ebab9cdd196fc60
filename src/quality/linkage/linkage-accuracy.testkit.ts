import type { RecordLink } from './link-decisions.js';

/**
 * Accuracy of linkage decisions against a ground truth (recordId → customerId, null for a person
 * who is not a customer). A record counts as correctly linked when its decision is `linked` or
 * `review` and its chosen customer is the true one. Precision = correct / (linked + review);
 * recall = correct / records whose truth is a customer.
 */
export interface LinkageAccuracy {
  readonly records: number;
  readonly customerRecords: number;
  readonly linked: number;
  readonly review: number;
  readonly correct: number;
  readonly precision: number;
  readonly recall: number;
  readonly reviewShare: number;
  /** Correct among `linked` decisions alone. */
  readonly autoPrecision: number;
}

export function linkageAccuracy(links: readonly RecordLink[], truth: ReadonlyMap<string, string | null>): LinkageAccuracy {
  let linked = 0, review = 0, correct = 0, autoCorrect = 0, customerRecords = 0;
  for (const link of links) {
    const owner = truth.get(link.recordId);
    if (owner === undefined) throw new Error(`no truth for ${link.recordId}`);
    if (owner !== null) customerRecords++;
    if (link.decision === 'unmatched') continue;
    if (link.decision === 'linked') linked++;
    else review++;
    if (link.customerId === owner) {
      correct++;
      if (link.decision === 'linked') autoCorrect++;
    }
  }
  return {
    records: links.length, customerRecords, linked, review, correct,
    precision: correct / Math.max(1, linked + review), recall: correct / Math.max(1, customerRecords),
    reviewShare: review / Math.max(1, links.length), autoPrecision: autoCorrect / Math.max(1, linked),
  };
}
