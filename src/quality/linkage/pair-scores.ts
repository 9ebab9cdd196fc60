import type { ComparisonVectors, FellegiSunter } from './fellegi-sunter.js';
import { genderLevels, idLevels } from './field-comparison.js';
import { nameLevels } from './name-comparison.js';
import { GENDER, ID, NAME, linkageFeatures } from './pair-comparison.js';

/**
 * Rules that override the score: two different identity numbers are two people, and so are two
 * genders, and two names with nothing in common unless the identity number agrees. They keep
 * family members who share a flat and a phone, whose other evidence the independence assumption
 * double-counts, apart.
 */
export const vetoes = ['none', 'name-conflict', 'id-conflict', 'gender-conflict'] as const;
export type Veto = (typeof vetoes)[number];

export interface PairScores {
  /** Log-likelihood ratio, base 2. */
  readonly llr: Float64Array;
  readonly probability: Float64Array;
  /** Index into `vetoes`. */
  readonly veto: Uint8Array;
}

const NAME_DISAGREE = nameLevels.indexOf('disagree');
const ID_EXACT = idLevels.indexOf('exact');
const ID_DISAGREE = idLevels.indexOf('disagree');
const GENDER_DISAGREE = genderLevels.indexOf('disagree');

export function scorePairs(model: FellegiSunter, vectors: ComparisonVectors): PairScores {
  const width = linkageFeatures.length;
  const count = vectors.length / width;
  const llr = new Float64Array(count);
  const probability = new Float64Array(count);
  const veto = new Uint8Array(count);
  for (let p = 0; p < count; p++) {
    llr[p] = model.logLikelihoodRatio(vectors, p * width);
    probability[p] = model.probability(llr[p]);
    veto[p] = vetoOf(vectors, p * width);
  }
  return { llr, probability, veto };
}

function vetoOf(vectors: ComparisonVectors, offset: number): number {
  if (vectors[offset + ID] === ID_DISAGREE) return vetoes.indexOf('id-conflict');
  if (vectors[offset + GENDER] === GENDER_DISAGREE) return vetoes.indexOf('gender-conflict');
  if (vectors[offset + NAME] === NAME_DISAGREE && vectors[offset + ID] !== ID_EXACT) return vetoes.indexOf('name-conflict');
  return 0;
}
