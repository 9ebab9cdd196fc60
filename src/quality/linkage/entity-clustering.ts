import type { CandidatePairs } from './blocking.js';
import type { PreparedRecord } from './linkable-record.js';
import { compareNames } from './name-comparison.js';
import type { Gender, NormalizedName } from './name-normalizer.js';
import type { PairScores } from './pair-scores.js';

/** What a cluster already holds; a merge that would put two of anything here together is refused. */
interface ClusterFacts {
  customerId?: string;
  /** A full, valid identity number. */
  idNumber?: string;
  gender?: Gender;
  /**
   * Names a joining record must not disagree with: the master record's name once the entity has
   * one (shortened forms 林瑶 and 林佳 of 林瑶佳 may disagree with each other), else every complete
   * name (not 张先生) of the entity.
   */
  names: NormalizedName[];
}

export interface Clustering {
  /** Customer of each record's entity, undefined when the entity has no master record. */
  readonly customerOf: (index: number) => string | undefined;
  /** Per record, the accepted pair that joined it to its entity (the best one), or -1. */
  readonly joinedBy: Int32Array;
  /** Pairs over the threshold whose merge the guard refused. */
  readonly refused: number;
  /** Whether the record could join the other record's entity without joining two people. */
  readonly compatible: (index: number, other: number) => boolean;
}

/**
 * Transitive clustering with union-find. Pairs above the link threshold and without a veto are
 * merged, pairs with a master record first, then the strongest first; a merge is refused when it
 * would join two customers, two identity numbers, two genders or disagreeing names, so that no chain of
 * plausible pairs (父亲 → 家里电话 → 女儿) ends up joining different people.
 */
export function clusterRecords(
  records: readonly PreparedRecord[], pairs: CandidatePairs, scores: PairScores, linkThreshold: number,
): Clustering {
  const parent = Int32Array.from(records, (_, i) => i);
  const facts = records.map(factsOf);
  const joinedBy = new Int32Array(records.length).fill(-1);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  let refused = 0;
  for (const p of eligiblePairs(records, pairs, scores, linkThreshold)) {
    const a = find(pairs.left[p]);
    const b = find(pairs.right[p]);
    if (a !== b && conflict(facts[a], facts[b])) {
      refused++;
      continue;
    }
    if (a !== b) {
      parent[b] = a;
      facts[a] = merged(facts[a], facts[b]);
    }
    for (const i of [pairs.left[p], pairs.right[p]]) if (joinedBy[i] < 0) joinedBy[i] = p;
  }
  return {
    customerOf: (i) => facts[find(i)].customerId, joinedBy, refused,
    compatible: (i, other) => find(i) === find(other) || !conflict(facts[find(i)], facts[find(other)]),
  };
}

function eligiblePairs(records: readonly PreparedRecord[], pairs: CandidatePairs, scores: PairScores, threshold: number): number[] {
  const out: number[] = [];
  for (let p = 0; p < scores.probability.length; p++) if (scores.probability[p] >= threshold && scores.veto[p] === 0) out.push(p);
  const withMaster = (p: number) => (records[pairs.left[p]].customerId !== undefined ? 1 : 0);
  return out.sort((x, y) => withMaster(y) - withMaster(x) || scores.llr[y] - scores.llr[x]);
}

function factsOf(r: PreparedRecord): ClusterFacts {
  const fullId = r.id && r.id.kind !== 'masked' && r.id.valid ? r.id.value : undefined;
  const complete = r.name.kind === 'organisation' || (r.name.parts.length === 2 && r.name.parts[1] !== '');
  return { customerId: r.customerId, idNumber: fullId, gender: r.gender, names: complete ? [r.name] : [] };
}

function conflict(a: ClusterFacts, b: ClusterFacts): boolean {
  if (a.customerId !== undefined && b.customerId !== undefined && a.customerId !== b.customerId) return true;
  if (a.gender !== undefined && b.gender !== undefined && a.gender !== b.gender) return true;
  if (a.idNumber !== undefined && b.idNumber !== undefined) return a.idNumber !== b.idNumber;
  return a.names.some((x) => b.names.some((y) => compareNames(x, y) === 'disagree'));
}

const MAX_NAMES = 8;

function merged(a: ClusterFacts, b: ClusterFacts): ClusterFacts {
  const customerId = a.customerId ?? b.customerId;
  const idNumber = a.idNumber ?? b.idNumber;
  const gender = a.gender ?? b.gender;
  if (customerId !== undefined) return { customerId, idNumber, gender, names: a.customerId !== undefined ? a.names : b.names };
  const names = [...a.names];
  for (const n of b.names) if (names.length < MAX_NAMES && !names.some((x) => x.canonical === n.canonical)) names.push(n);
  return { customerId, idNumber, gender, names };
}
