import { z } from 'zod';
import { categoricalValue, numericValue, type CreditDataset, type CreditValue, type FeatureKind } from './credit-dataset.js';
import type { BinningParams } from './binning-params.js';
import { categoricalGroups, categoricalLabel } from './categorical-binning.js';
import { numericBinIndex, numericBinLabels, numericCuts } from './numeric-binning.js';
import { binStatistics, ivStrength, type BinStats, type IvStrength } from './woe.js';

/** How raw values map to bins; the missing bin is always the last one. */
export const BinRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('numeric'), cuts: z.array(z.number()) }),
  z.object({ kind: z.literal('categorical'), groups: z.array(z.array(z.string())), rareGroup: z.number().int() }),
]);
export type BinRule = z.infer<typeof BinRule>;

/** A fitted binning of one feature with its WoE per bin and its information value. */
export interface FeatureBinning {
  readonly feature: string;
  readonly kind: FeatureKind;
  readonly rule: BinRule;
  /** Bin labels; the last is 'missing'. */
  readonly labels: readonly string[];
  readonly bins: readonly BinStats[];
  readonly iv: number;
  readonly strength: IvStrength;
}

export const MISSING_LABEL = 'missing';

/** Bins one feature of a dataset against its good/bad target and computes WoE and IV. */
export function fitFeatureBinning(data: CreditDataset, feature: string, params: BinningParams): FeatureBinning {
  const target = data.requireTarget('feature binning');
  const minCount = Math.max(1, Math.ceil(params.minBinShare * data.nRows));
  const kind = data.feature(feature).kind;
  const rule: BinRule =
    kind === 'numeric'
      ? { kind, cuts: numericCuts(data.numeric(feature), target, params, minCount) }
      : { kind, ...categoricalGroups(data.categorical(feature), target, params, minCount) };
  return binningFromCounts(feature, rule, countBins(data, feature, rule, target), params.smoothing);
}

/** Bin index of a raw value (numbers for numeric features, levels for categorical ones). */
export function binIndex(rule: BinRule, value: CreditValue, feature = ''): number {
  const missing = binCount(rule) - 1;
  if (rule.kind === 'numeric') {
    const x = numericValue(value, feature);
    return Number.isNaN(x) ? missing : numericBinIndex(rule.cuts, x);
  }
  const level = categoricalValue(value, feature);
  if (level === null) return missing;
  const group = rule.groups.findIndex((g) => g.includes(level));
  if (group >= 0) return group;
  return rule.rareGroup >= 0 ? rule.rareGroup : missing;
}

/** Number of bins of a rule, the missing bin included. */
export function binCount(rule: BinRule): number {
  return (rule.kind === 'numeric' ? rule.cuts.length + 1 : rule.groups.length) + 1;
}

/** WoE of every row of a dataset under a fitted binning. */
export function woeColumn(data: CreditDataset, binning: FeatureBinning): Float64Array {
  const woe = binning.bins.map((b) => b.woe);
  return Float64Array.from({ length: data.nRows }, (_, r) => woe[binIndex(binning.rule, data.value(binning.feature, r), binning.feature)]);
}

function binningFromCounts(feature: string, rule: BinRule, counts: { goods: number; bads: number }[], smoothing: number): FeatureBinning {
  const { bins, iv } = binStatistics(counts, smoothing);
  const labels = rule.kind === 'numeric' ? numericBinLabels(rule.cuts) : rule.groups.map(categoricalLabel);
  return { feature, kind: rule.kind, rule, labels: [...labels, MISSING_LABEL], bins, iv, strength: ivStrength(iv) };
}

function countBins(data: CreditDataset, feature: string, rule: BinRule, target: Uint8Array): { goods: number; bads: number }[] {
  const counts = Array.from({ length: binCount(rule) }, () => ({ goods: 0, bads: 0 }));
  for (let r = 0; r < data.nRows; r++) {
    const bin = counts[binIndex(rule, data.value(feature, r), feature)];
    if (target[r] === 1) bin.bads++;
    else bin.goods++;
  }
  return counts;
}
