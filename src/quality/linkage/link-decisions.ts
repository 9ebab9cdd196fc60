import type { CandidatePairs } from './blocking.js';
import type { Clustering } from './entity-clustering.js';
import type { ComparisonVectors } from './fellegi-sunter.js';
import type { PreparedRecord } from './linkable-record.js';
import type { LinkageOptions } from './linkage-options.js';
import { describeLevels } from './pair-comparison.js';
import { vetoes, type PairScores } from './pair-scores.js';

export type LinkDecision = 'linked' | 'review' | 'unmatched';

/** The outcome for one non-master record. `score` is the posterior match probability, 0..1. */
export interface RecordLink {
  readonly recordId: string;
  readonly customerId: string | null;
  readonly score: number;
  readonly decision: LinkDecision;
  /** The evidence: agreement level per field, the log-likelihood ratio, `via:` a linked record, vetoes. */
  readonly reasons: string[];
}

export interface ReviewCandidate {
  readonly customerId: string;
  readonly score: number;
  readonly reasons: string[];
}

/** A record a person should look at, with its best candidate customers, best first. */
export interface ReviewItem {
  readonly recordId: string;
  readonly candidates: ReviewCandidate[];
}

export interface DecisionInput {
  readonly records: readonly PreparedRecord[];
  readonly pairs: CandidatePairs;
  readonly vectors: ComparisonVectors;
  readonly scores: PairScores;
  readonly clustering: Clustering;
  readonly options: LinkageOptions;
}

/** Decides every non-master record: linked through its entity, queued for review, or unmatched. */
export function decideLinks(input: DecisionInput): { links: RecordLink[]; reviewQueue: ReviewItem[] } {
  const incident = incidentPairs(input.records.length, input.pairs);
  const links: RecordLink[] = [];
  const reviewQueue: ReviewItem[] = [];
  for (const r of input.records) {
    if (r.customerId !== undefined) continue;
    const customerId = input.clustering.customerOf(r.index);
    if (customerId !== undefined) {
      links.push(linked(input, r, customerId));
      continue;
    }
    const candidates = reviewCandidates(input, r, incident[r.index]);
    if (candidates.length > 0 && candidates[0].score >= input.options.reviewThreshold) {
      links.push({ recordId: r.recordId, customerId: candidates[0].customerId, score: candidates[0].score, decision: 'review', reasons: candidates[0].reasons });
      reviewQueue.push({ recordId: r.recordId, candidates });
    } else {
      links.push(unmatched(input, r, incident[r.index]));
    }
  }
  reviewQueue.sort((a, b) => b.candidates[0].score - a.candidates[0].score);
  return { links, reviewQueue };
}

function linked(input: DecisionInput, r: PreparedRecord, customerId: string): RecordLink {
  const p = input.clustering.joinedBy[r.index];
  const partner = otherEnd(input.pairs, p, r.index);
  const reasons = [...evidence(input, p)];
  if (input.records[partner].customerId === undefined) reasons.push(`via:${input.records[partner].recordId}`);
  return { recordId: r.recordId, customerId, score: input.scores.probability[p], decision: 'linked', reasons };
}

/** Best pair per candidate customer (the partner's entity); vetoed pairs and entities the guard refuses left out. */
function reviewCandidates(input: DecisionInput, r: PreparedRecord, pairs: Int32Array): ReviewCandidate[] {
  const best = new Map<string, ReviewCandidate>();
  for (const p of pairs) {
    const partner = otherEnd(input.pairs, p, r.index);
    if (input.scores.veto[p] !== 0 || !input.clustering.compatible(r.index, partner)) continue;
    const customerId = input.clustering.customerOf(partner);
    const score = input.scores.probability[p];
    if (customerId === undefined || (best.get(customerId)?.score ?? -1) >= score) continue;
    best.set(customerId, { customerId, score, reasons: evidence(input, p) });
  }
  return [...best.values()].sort((a, b) => b.score - a.score).slice(0, input.options.reviewCandidates);
}

function unmatched(input: DecisionInput, r: PreparedRecord, pairs: Int32Array): RecordLink {
  let top = -1;
  for (const p of pairs) if (top < 0 || input.scores.probability[p] > input.scores.probability[top]) top = p;
  if (top < 0) return { recordId: r.recordId, customerId: null, score: 0, decision: 'unmatched', reasons: ['no-candidates'] };
  const partner = input.records[otherEnd(input.pairs, top, r.index)];
  const reasons = [...evidence(input, top), `closest:${partner.recordId}`];
  return { recordId: r.recordId, customerId: null, score: input.scores.probability[top], decision: 'unmatched', reasons };
}

function evidence(input: DecisionInput, p: number): string[] {
  const out = describeLevels(input.vectors, p);
  const llr = input.scores.llr[p];
  out.push(`llr:${llr >= 0 ? '+' : ''}${llr.toFixed(1)}`);
  if (input.scores.veto[p] !== 0) out.push(`veto:${vetoes[input.scores.veto[p]]}`);
  return out;
}

function otherEnd(pairs: CandidatePairs, p: number, index: number): number {
  return pairs.left[p] === index ? pairs.right[p] : pairs.left[p];
}

/** Pair indices per record, as views into one array (compressed sparse rows). */
function incidentPairs(count: number, pairs: CandidatePairs): Int32Array[] {
  const start = new Int32Array(count + 1);
  for (let p = 0; p < pairs.left.length; p++) {
    start[pairs.left[p] + 1]++;
    start[pairs.right[p] + 1]++;
  }
  for (let i = 0; i < count; i++) start[i + 1] += start[i];
  const fill = start.slice(0, count);
  const flat = new Int32Array(start[count]);
  for (let p = 0; p < pairs.left.length; p++) {
    flat[fill[pairs.left[p]]++] = p;
    flat[fill[pairs.right[p]]++] = p;
  }
  return Array.from({ length: count }, (_, i) => flat.subarray(start[i], start[i + 1]));
}
