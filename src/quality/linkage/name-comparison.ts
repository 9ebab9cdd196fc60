import { jaroWinkler } from './jaro-winkler.js';
import type { NormalizedName } from './name-normalizer.js';

/**
 * Agreement of two names, best first. `phonetic`: same pinyin (homophones, traditional characters,
 * romanised names in either order, southern n/ng and z/zh merges); `partial`: same surname and one
 * given name missing or shortened (张先生, 王明 for 王晓明); `similar`: Jaro–Winkler ≥ 0.9 on pinyin.
 */
export const nameLevels = ['exact', 'phonetic', 'partial', 'similar', 'disagree'] as const;
export type NameLevel = (typeof nameLevels)[number];

const SIMILAR = 0.9;

export function compareNames(a: NormalizedName, b: NormalizedName): NameLevel {
  if (a.canonical === b.canonical) return 'exact';
  if (a.kind !== b.kind) return 'disagree';
  return a.kind === 'organisation' ? compareOrganisations(a.core ?? '', b.core ?? '') : comparePersons(a, b);
}

function compareOrganisations(a: string, b: string): NameLevel {
  if (a === b) return 'exact';
  if (a.includes(b) || b.includes(a)) return 'partial';
  return jaroWinkler(a, b) >= SIMILAR ? 'similar' : 'disagree';
}

function comparePersons(a: NormalizedName, b: NormalizedName): NameLevel {
  const unordered = a.romanised || b.romanised;
  if (a.parts.length === 2 && b.parts.length === 2) {
    if (samePair(a.parts, b.parts, unordered)) return 'phonetic';
    if (samePair(a.folded, b.folded, unordered)) return 'phonetic';
  }
  const surname = sharedSurname(a, b);
  if (surname !== undefined && givenContained(givenOf(a, surname), givenOf(b, surname))) return 'partial';
  return similarity(a, b) >= SIMILAR ? 'similar' : 'disagree';
}

function samePair(a: readonly string[], b: readonly string[], unordered: boolean): boolean {
  if (a[0] === b[0] && a[1] === b[1]) return true;
  return unordered && a[0] === b[1] && a[1] === b[0];
}

/** The surname both names agree on, if any; a romanised name may carry it in either part. */
function sharedSurname(a: NormalizedName, b: NormalizedName): string | undefined {
  const fromA = a.romanised ? a.parts : [a.surname ?? ''];
  const fromB = b.romanised ? b.parts : [b.surname ?? ''];
  return fromA.find((s) => s !== '' && fromB.includes(s));
}

function givenOf(name: NormalizedName, surname: string): string {
  if (!name.romanised) return name.parts[1] ?? '';
  return name.parts[0] === surname ? name.parts[1] : name.parts[0];
}

/** One given name missing, or one a shortened form (prefix or suffix) of the other. */
function givenContained(a: string, b: string): boolean {
  if (a === '' || b === '') return true;
  if (a.length === b.length) return false;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return long.startsWith(short) || long.endsWith(short);
}

function similarity(a: NormalizedName, b: NormalizedName): number {
  const forward = jaroWinkler(a.parts.join(''), b.parts.join(''));
  if (!(a.romanised || b.romanised) || b.parts.length < 2) return forward;
  return Math.max(forward, jaroWinkler(a.parts.join(''), `${b.parts[1]}${b.parts[0]}`));
}
