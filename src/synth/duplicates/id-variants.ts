import type { Rng } from '../rng.js';
import { toFullWidthDigits } from './phone-variants.js';

/** How an identity number appears in a source record. */
export type IdVariant = 'full' | 'masked' | 'missing' | 'typo';

/** Share of each variant per source, for resident identity numbers. */
export type IdVariantWeights = Readonly<Record<IdVariant, number>>;

/** The number as written: lowercase x, full-width digits, masked middle (330102********1234), a typo, or absent. */
export function idNumberVariant(rng: Rng, id: string, weights: IdVariantWeights): string | undefined {
  const variants: IdVariant[] = ['full', 'masked', 'missing', 'typo'];
  switch (variants[rng.weightedIndex(variants.map((v) => weights[v]))]) {
    case 'missing': return undefined;
    case 'masked': return `${id.slice(0, 6)}********${id.slice(-4)}`;
    case 'typo': return mistypeId(rng, id);
    default: return writtenInFull(rng, id);
  }
}

function writtenInFull(rng: Rng, id: string): string {
  if (id.endsWith('X') && rng.chance(0.5)) return `${id.slice(0, 17)}x`;
  return rng.chance(0.03) ? toFullWidthDigits(id) : id;
}

/** One digit of the sequence or birth date mistyped: the check character no longer fits. */
function mistypeId(rng: Rng, id: string): string {
  const i = rng.int(10, 16);
  const digit = (Number(id[i]) + rng.int(1, 9)) % 10;
  return id.slice(0, i) + String(digit) + id.slice(i + 1);
}
