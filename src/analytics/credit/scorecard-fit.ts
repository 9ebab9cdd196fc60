import { InsufficientDataError } from '../../core/errors.js';
import { Dataset } from '../ml/dataset.js';
import { LogisticRegressionModel } from '../ml/linear/logistic-regression-model.js';
import type { CreditDataset, FeatureKind, LocalizedText } from './credit-dataset.js';
import { fitFeatureBinning, woeColumn, type FeatureBinning } from './feature-binning.js';
import { selectFeatures, type SelectionDecision, type SelectionReason } from './feature-selection.js';
import { binPoints, interceptPoints, scalingOf } from './points-scaling.js';
import type { ScorecardParams } from './scorecard-params.js';
import type { IvStrength } from './woe.js';

/** One feature of a fitted scorecard: its bins, coefficient and points per bin (missing bin last). */
export interface ScorecardFeature {
  readonly binning: FeatureBinning;
  readonly label: LocalizedText;
  readonly coefficient: number;
  readonly points: readonly number[];
}

/** One candidate feature in the information-value table, selected or not. */
export interface IvTableRow {
  readonly feature: string;
  readonly kind: FeatureKind;
  readonly iv: number;
  readonly strength: IvStrength;
  /** Bins with rows (an empty missing bin not counted). */
  readonly bins: number;
  readonly decision: SelectionReason;
  readonly correlatedWith?: string;
}

/** Everything a fitted scorecard needs to score, explain and persist. */
export interface ScorecardState {
  readonly features: readonly ScorecardFeature[];
  /** Intercept β0 of the bad-class logistic regression on WoE. */
  readonly intercept: number;
  /** Points every applicant receives (offset − factor · β0). */
  readonly basePoints: number;
  readonly ivTable: readonly IvTableRow[];
}

/** Bins every candidate, selects by IV and correlation, regresses on WoE and scales to points. */
export function fitScorecard(data: CreditDataset, params: ScorecardParams): ScorecardState {
  const target = data.requireTarget('credit scorecard');
  const candidates = params.features ?? data.featureNames;
  const binnings = candidates.map((name) => fitFeatureBinning(data, name, params.binning));
  const woe = new Map(binnings.map((b) => [b.feature, woeColumn(data, b)]));
  let decisions = selectFeatures(binnings, woe, params.selection);
  const { model, decisions: final } = regress(woe, target, decisions, params);
  decisions = final;
  const fit = model.result;
  const scaling = scalingOf(params.scaling);
  const round = (v: number) => (params.roundPoints ? Math.round(v) : v);
  const features = fit.featureNames.map((name, j): ScorecardFeature => {
    const binning = binnings.find((b) => b.feature === name)!;
    const coefficient = fit.coefficients[j];
    const points = binning.bins.map((bin) => round(binPoints(coefficient, bin.woe, scaling)));
    return { binning, label: data.feature(name).label ?? { 'zh-CN': name, en: name }, coefficient, points };
  });
  return { features, intercept: fit.intercept, basePoints: round(interceptPoints(fit.intercept, scaling)), ivTable: ivTable(binnings, decisions) };
}

/** Logistic regression on the selected WoE columns, dropping wrong-sign features one at a time. */
function regress(woe: ReadonlyMap<string, Float64Array>, target: Uint8Array, decisions: SelectionDecision[], params: ScorecardParams) {
  for (;;) {
    const selected = decisions.filter((d) => d.reason === 'selected').map((d) => d.feature);
    if (selected.length === 0) throw new InsufficientDataError(`credit scorecard: features with IV ≥ ${params.selection.minIv}`, 0, 1);
    const columns = Object.fromEntries(selected.map((name) => [name, woe.get(name)!]));
    const model = new LogisticRegressionModel({ l2: params.l2 }).fit(Dataset.fromColumns(columns, { target }));
    const wrong = params.dropWrongSign ? worstWrongSign(model) : undefined;
    if (wrong === undefined) return { model, decisions };
    decisions = decisions.map((d) => (d.feature === wrong ? { feature: wrong, reason: 'wrong-sign' } : d));
  }
}

/** The feature with the largest non-negative coefficient, if any. */
function worstWrongSign(model: LogisticRegressionModel): string | undefined {
  const { coefficients, featureNames } = model.result;
  let worst: number | undefined;
  coefficients.forEach((b, j) => {
    if (b >= 0 && (worst === undefined || b > coefficients[worst])) worst = j;
  });
  return worst === undefined ? undefined : featureNames[worst];
}

function ivTable(binnings: readonly FeatureBinning[], decisions: readonly SelectionDecision[]): IvTableRow[] {
  return decisions.map((d) => {
    const b = binnings.find((x) => x.feature === d.feature)!;
    const row: IvTableRow = { feature: b.feature, kind: b.kind, iv: b.iv, strength: b.strength, bins: b.bins.filter((x) => x.count > 0).length, decision: d.reason };
    return d.correlatedWith ? { ...row, correlatedWith: d.correlatedWith } : row;
  });
}
