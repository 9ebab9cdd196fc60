import type { CandidatePairs } from './blocking.js';
import type { ComparisonVectors, FeatureSpec } from './fellegi-sunter.js';
import {
  addressLevels, compareAddresses, compareGenders, compareIds, comparePhones, genderLevels, idLevels, phoneLevels,
} from './field-comparison.js';
import type { PreparedRecord } from './linkable-record.js';
import { compareNames, nameLevels } from './name-comparison.js';

/** The comparison features of the linkage model, in vector order. */
export const linkageFeatures: readonly FeatureSpec[] = [
  { name: 'name', levels: nameLevels },
  { name: 'phone', levels: phoneLevels },
  { name: 'id', levels: idLevels },
  { name: 'address', levels: addressLevels },
  { name: 'gender', levels: genderLevels },
];
export const NAME = 0;
export const PHONE = 1;
export const ID = 2;
export const ADDRESS = 3;
export const GENDER = 4;

/** Agreement level indices of one pair, -1 where a field is missing or not comparable. */
export function comparePair(a: PreparedRecord, b: PreparedRecord, out: Int8Array, offset: number): void {
  const named = a.name.canonical !== '' && b.name.canonical !== '';
  out[offset + NAME] = named ? nameLevels.indexOf(compareNames(a.name, b.name)) : -1;
  out[offset + PHONE] = levelIndex(phoneLevels, comparePhones(a.phone, b.phone));
  out[offset + ID] = levelIndex(idLevels, compareIds(a.id, b.id));
  out[offset + ADDRESS] = levelIndex(addressLevels, compareAddresses(a.address, b.address));
  out[offset + GENDER] = levelIndex(genderLevels, compareGenders(a.gender, b.gender));
}

export function comparisonVectors(records: readonly PreparedRecord[], pairs: CandidatePairs): ComparisonVectors {
  const width = linkageFeatures.length;
  const out = new Int8Array(pairs.left.length * width);
  for (let p = 0; p < pairs.left.length; p++) comparePair(records[pairs.left[p]], records[pairs.right[p]], out, p * width);
  return out;
}

/** `name:phonetic`, `phone:exact`, `id:missing`...: the evidence of a pair, for reviewers. */
export function describeLevels(vectors: ComparisonVectors, pair: number): string[] {
  const width = linkageFeatures.length;
  return linkageFeatures.map((f, i) => {
    const level = vectors[pair * width + i];
    return `${f.name}:${level < 0 ? 'missing' : f.levels[level]}`;
  });
}

function levelIndex(levels: readonly string[], level: string | undefined): number {
  return level === undefined ? -1 : levels.indexOf(level);
}
