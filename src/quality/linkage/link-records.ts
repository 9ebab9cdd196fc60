import { candidatePairs } from './blocking.js';
import { clusterRecords } from './entity-clustering.js';
import { FellegiSunter } from './fellegi-sunter.js';
import { decideLinks, type RecordLink, type ReviewItem } from './link-decisions.js';
import { prepareRecords, type LinkableRecord, type MasterRecord } from './linkable-record.js';
import { parseLinkageOptions, type LinkageOptionsInput } from './linkage-options.js';
import { comparisonVectors, linkageFeatures } from './pair-comparison.js';
import { scorePairs } from './pair-scores.js';

export interface LinkageStats {
  readonly masters: number;
  readonly others: number;
  readonly blocks: number;
  readonly skippedBlocks: number;
  readonly candidatePairs: number;
  readonly emIterations: number;
  /** EM estimate of the share of candidate pairs that are matches. */
  readonly matchShare: number;
  /**
   * Fitted log2(m/u) per feature and level. They hold among candidate pairs, not among all pairs:
   * agreement that blocking already guarantees weighs less (an exact name, common among namesakes
   * in a name block, can weigh less than 张先生), and disagreement that only true matches reach
   * through another key can weigh more (a different address behind the same phone and ID).
   */
  readonly weights: Record<string, Record<string, number>>;
  /** Merges above the threshold that the clustering guard refused. */
  readonly refusedMerges: number;
  readonly linked: number;
  readonly review: number;
  readonly unmatched: number;
  readonly elapsedMs: number;
}

export interface LinkageResult {
  /** One per record of `others`, in input order. */
  readonly links: RecordLink[];
  /** The `review` records with their candidates, most likely first. */
  readonly reviewQueue: ReviewItem[];
  readonly stats: LinkageStats;
}

/**
 * Links records of other systems (app accounts, service tickets...) to the customers of the master
 * system: normalise, block, compare, fit a Fellegi–Sunter model by EM on the candidate pairs,
 * cluster transitively with a guard, decide. Pure and in memory.
 */
export function linkRecords(
  masters: readonly MasterRecord[], others: readonly LinkableRecord[], options: LinkageOptionsInput = {},
): LinkageResult {
  const started = performance.now();
  const opts = parseLinkageOptions(options);
  const records = prepareRecords(masters, others, opts);
  const pairs = candidatePairs(records, opts.maxBlockSize);
  const vectors = comparisonVectors(records, pairs);
  const model = new FellegiSunter(linkageFeatures, { maxIterations: opts.emMaxIterations }).fit(vectors);
  const scores = scorePairs(model, vectors);
  const clustering = clusterRecords(records, pairs, scores, opts.linkThreshold);
  const { links, reviewQueue } = decideLinks({ records, pairs, vectors, scores, clustering, options: opts });
  const count = (d: RecordLink['decision']) => links.filter((l) => l.decision === d).length;
  const stats: LinkageStats = {
    masters: masters.length, others: others.length, blocks: pairs.blocks, skippedBlocks: pairs.skippedBlocks,
    candidatePairs: pairs.left.length, emIterations: model.iterations, matchShare: model.matchShare,
    weights: fittedWeights(model), refusedMerges: clustering.refused,
    linked: count('linked'), review: count('review'), unmatched: count('unmatched'),
    elapsedMs: performance.now() - started,
  };
  return { links, reviewQueue, stats };
}

function fittedWeights(model: FellegiSunter): Record<string, Record<string, number>> {
  return Object.fromEntries(model.features.map((f, i) => [
    f.name, Object.fromEntries(f.levels.map((level, l) => [level, Math.round(model.weight(i, l) * 100) / 100])),
  ]));
}
