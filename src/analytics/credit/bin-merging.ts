import { pairChiSquare, type BinCounts } from './woe.js';

/**
 * A run of adjacent pre-bins (numeric: their upper bounds; categorical: their levels) with the
 * pooled good/bad counts. Merging keeps the order and concatenates the items.
 */
export interface Segment<T> extends BinCounts {
  readonly items: readonly T[];
}

/** The segments with `i` and `i + 1` pooled into one. */
export function mergeAt<T>(segments: readonly Segment<T>[], i: number): Segment<T>[] {
  const a = segments[i];
  const b = segments[i + 1];
  const merged: Segment<T> = { goods: a.goods + b.goods, bads: a.bads + b.bads, items: [...a.items, ...b.items] };
  return [...segments.slice(0, i), merged, ...segments.slice(i + 2)];
}

/**
 * ChiMerge: pools the adjacent pair with the smallest chi-square while there are more than
 * `maxBins` segments or that smallest chi-square is below `chiThreshold` (3.841 = 95% for one
 * degree of freedom; 0 only enforces the maximum).
 */
export function chiMerge<T>(segments: readonly Segment<T>[], maxBins: number, chiThreshold: number): Segment<T>[] {
  let out = [...segments];
  while (out.length > 1) {
    const { index, chi } = weakestPair(out);
    if (out.length <= maxBins && chi >= chiThreshold) break;
    out = mergeAt(out, index);
  }
  return out;
}

/**
 * Pools every segment holding fewer than `minCount` rows into the neighbour it differs least
 * from (smaller chi-square), smallest segment first, until all are large enough or one is left.
 */
export function mergeSmall<T>(segments: readonly Segment<T>[], minCount: number): Segment<T>[] {
  let out = [...segments];
  while (out.length > 1) {
    const smallest = indexOfSmallest(out);
    if (countOf(out[smallest]) >= minCount) break;
    out = mergeAt(out, neighbourToMerge(out, smallest));
  }
  return out;
}

/**
 * Pool-adjacent-violators on the bad rate: the result's bad rates rise strictly along the
 * segments when `increasing` (fall strictly otherwise), so the WoE is monotone in the value.
 */
export function poolMonotone<T>(segments: readonly Segment<T>[], increasing: boolean): Segment<T>[] {
  const stack: Segment<T>[] = [];
  for (const segment of segments) {
    stack.push(segment);
    while (stack.length > 1 && violates(stack[stack.length - 2], stack[stack.length - 1], increasing)) {
      const merged = mergeAt(stack, stack.length - 2);
      stack.length = 0;
      stack.push(...merged);
    }
  }
  return stack;
}

function violates(previous: BinCounts, next: BinCounts, increasing: boolean): boolean {
  const a = badRate(previous);
  const b = badRate(next);
  return increasing ? b <= a : b >= a;
}

function weakestPair<T>(segments: readonly Segment<T>[]): { index: number; chi: number } {
  let index = 0;
  let chi = Infinity;
  for (let i = 0; i + 1 < segments.length; i++) {
    const c = pairChiSquare(segments[i], segments[i + 1]);
    if (c < chi) {
      chi = c;
      index = i;
    }
  }
  return { index, chi };
}

/** Left index of the pair that merges segment `i` with its more similar neighbour. */
function neighbourToMerge<T>(segments: readonly Segment<T>[], i: number): number {
  if (i === 0) return 0;
  if (i === segments.length - 1) return i - 1;
  return pairChiSquare(segments[i - 1], segments[i]) <= pairChiSquare(segments[i], segments[i + 1]) ? i - 1 : i;
}

function indexOfSmallest<T>(segments: readonly Segment<T>[]): number {
  let best = 0;
  for (let i = 1; i < segments.length; i++) if (countOf(segments[i]) < countOf(segments[best])) best = i;
  return best;
}

function countOf(c: BinCounts): number {
  return c.goods + c.bads;
}

function badRate(c: BinCounts): number {
  const n = countOf(c);
  return n === 0 ? 0 : c.bads / n;
}
