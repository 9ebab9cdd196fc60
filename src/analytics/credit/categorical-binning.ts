import { chiMerge, mergeSmall, type Segment } from './bin-merging.js';
import type { BinningParams } from './binning-params.js';

/** Groups of levels of a categorical feature, each one bin, and where unseen levels go. */
export interface CategoricalGroups {
  readonly groups: string[][];
  /** The group holding the rare levels, if any; otherwise −1 (unseen levels then count as missing). */
  readonly rareGroup: number;
}

/**
 * Groups the levels of a categorical feature: levels with fewer than `minCount` rows are pooled
 * into one rare group; groups are ordered by bad rate; a group still below `minCount` joins its
 * most similar neighbour; then the most similar neighbours are merged down to `maxBins` (and,
 * for 'chi-merge', until every pair differs at `chiThreshold`).
 */
export function categoricalGroups(levels: readonly (string | null)[], target: Uint8Array, params: BinningParams, minCount: number): CategoricalGroups {
  const counts = levelCounts(levels, target);
  const common = [...counts].filter(([, c]) => c.goods + c.bads >= minCount);
  const rare = [...counts].filter(([, c]) => c.goods + c.bads < minCount);
  const segments: Segment<string>[] = common.map(([level, c]) => ({ ...c, items: [level] }));
  if (rare.length > 0) segments.push(pool(rare));
  segments.sort((a, b) => rateOf(a) - rateOf(b) || a.items[0].localeCompare(b.items[0]));
  const chiThreshold = params.method === 'chi-merge' ? params.chiThreshold : 0;
  const merged = chiMerge(mergeSmall(segments, minCount), params.maxBins, chiThreshold);
  const groups = merged.map((s) => [...s.items].sort());
  const rareLevel = rare[0]?.[0];
  return { groups, rareGroup: rareLevel === undefined ? -1 : groups.findIndex((g) => g.includes(rareLevel)) };
}

/** Label "A11, A12" of a group of levels (long groups shortened). */
export function categoricalLabel(group: readonly string[]): string {
  return group.length <= 6 ? group.join(', ') : `${group.slice(0, 5).join(', ')}, … (+${group.length - 5})`;
}

function levelCounts(levels: readonly (string | null)[], target: Uint8Array): Map<string, { goods: number; bads: number }> {
  const counts = new Map<string, { goods: number; bads: number }>();
  levels.forEach((level, r) => {
    if (level === null) return;
    let c = counts.get(level);
    if (!c) counts.set(level, (c = { goods: 0, bads: 0 }));
    if (target[r] === 1) c.bads++;
    else c.goods++;
  });
  return counts;
}

function pool(levels: [string, { goods: number; bads: number }][]): Segment<string> {
  return {
    goods: levels.reduce((s, [, c]) => s + c.goods, 0),
    bads: levels.reduce((s, [, c]) => s + c.bads, 0),
    items: levels.map(([level]) => level),
  };
}

function rateOf(s: Segment<string>): number {
  return s.bads / (s.goods + s.bads);
}
