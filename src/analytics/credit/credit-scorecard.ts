import { parseWith, requireFitted } from '../ml/model.js';
import { CreditDataset, type CreditRow, type CreditValue } from './credit-dataset.js';
import { gradeOf, type GradeBand } from './credit-grades.js';
import type { CreditModel } from './credit-model.js';
import { binIndex } from './feature-binning.js';
import { reasonCodes, type FeatureContribution, type ReasonCode } from './reason-codes.js';
import { fitScorecard, type IvTableRow, type ScorecardFeature, type ScorecardState } from './scorecard-fit.js';
import { ScorecardJson } from './scorecard-json.js';
import { ScorecardParams, type ScorecardParamsInput } from './scorecard-params.js';

/** The score of one applicant with its grade and the grade's policy effects. */
export interface ApplicantScore {
  /** Sum of the bin points and the base points. */
  readonly score: number;
  /** Probability of bad from the logistic regression (unrounded). */
  readonly badProbability: number;
  readonly grade: GradeBand['grade'];
  readonly gradeName: GradeBand['name'];
  readonly policy: GradeBand['policy'];
}

/** A score with the points of every feature and the reasons it is not higher. */
export interface ScoreExplanation extends ApplicantScore {
  readonly basePoints: number;
  readonly contributions: readonly FeatureContribution[];
  readonly reasons: readonly ReasonCode[];
}

/**
 * A WoE/IV credit scorecard (DOMAIN.md section 6): monotone or ChiMerge binning with a missing bin,
 * WoE with Laplace smoothing, selection by IV and correlation, logistic regression on WoE, points
 * scaled to 600 at 19:1 with 50 points to double the odds, grades with policy effects and reason
 * codes.
 *
 * @example
 * const card = new CreditScorecard().fit(train);
 * const [first] = card.score(applicants); // { score: 612, grade: 'A', ... }
 * card.explain(applicants[0]).reasons;    // the features that cost the most points
 */
export class CreditScorecard implements CreditModel {
  readonly kind = 'scorecard';
  readonly params: ScorecardParams;
  private fitted: ScorecardState | undefined;

  constructor(params: ScorecardParamsInput = {}) {
    this.params = parseWith(ScorecardParams, params, 'scorecard parameter');
  }

  fit(train: CreditDataset): this {
    this.fitted = fitScorecard(train, this.params);
    return this;
  }

  get state(): ScorecardState {
    return requireFitted(this.fitted, this.kind);
  }

  /** Information value and selection decision of every candidate feature, strongest first. */
  get ivTable(): readonly IvTableRow[] {
    return this.state.ivTable;
  }

  /** Probability of bad per row, feature by feature (no object per row; the same sums as {@link explain}). */
  predict(data: CreditDataset): Float64Array {
    const { features, intercept } = this.state;
    const sum = new Float64Array(data.nRows);
    for (const { binning, coefficient } of features) {
      const woe = binning.bins.map((b) => b.woe);
      for (let r = 0; r < data.nRows; r++) sum[r] += coefficient * woe[binIndex(binning.rule, data.value(binning.feature, r), binning.feature)];
    }
    return sum.map((s) => 1 / (1 + Math.exp(-(intercept + s))));
  }

  /** Score, grade and policy of each applicant. */
  score(rows: CreditDataset | readonly CreditRow[]): ApplicantScore[] {
    const read = rows instanceof CreditDataset ? (r: number) => (f: string) => rows.value(f, r) : (r: number) => (f: string) => rows[r][f];
    const n = rows instanceof CreditDataset ? rows.nRows : rows.length;
    return Array.from({ length: n }, (_, r) => {
      const { contributions: _c, basePoints: _b, ...score } = this.rowOf(read(r));
      return score;
    });
  }

  /** Score of one applicant with every feature's points and the top reason codes. */
  explain(row: CreditRow): ScoreExplanation {
    return this.explained(this.rowOf((f) => row[f]));
  }

  /** {@link explain} of row `r` of a dataset, read in place (no row object): for scoring a whole customer base. */
  explainAt(data: CreditDataset, r: number): ScoreExplanation {
    return this.explained(this.rowOf((f) => data.value(f, r)));
  }

  toJSON(): ScorecardJson {
    return { kind: 'scorecard', version: 1, params: JSON.parse(JSON.stringify(this.params)), state: JSON.parse(JSON.stringify(this.state)) };
  }

  static fromJSON(json: unknown): CreditScorecard {
    const parsed = parseWith(ScorecardJson, json, 'scorecard JSON');
    const card = new CreditScorecard(parsed.params as ScorecardParamsInput);
    card.fitted = parsed.state;
    return card;
  }

  private explained(scored: Omit<ScoreExplanation, 'reasons'>): ScoreExplanation {
    return { ...scored, reasons: reasonCodes(scored.contributions, this.params.reasonCount) };
  }

  private rowOf(valueOf: (feature: string) => CreditValue): Omit<ScoreExplanation, 'reasons'> {
    const { features, intercept, basePoints } = this.state;
    const contributions = features.map((f) => contribution(f, valueOf(f.binning.feature)));
    const score = basePoints + contributions.reduce((s, c) => s + c.points, 0);
    const logit = intercept + features.reduce((s, f, j) => s + f.coefficient * contributions[j].woe, 0);
    const band = gradeOf(score, this.params.grades);
    const badProbability = 1 / (1 + Math.exp(-logit));
    return { score, badProbability, grade: band.grade, gradeName: band.name, policy: band.policy, basePoints, contributions };
  }
}

function contribution(f: ScorecardFeature, value: CreditValue): FeatureContribution {
  const { binning, points } = f;
  const bin = binIndex(binning.rule, value, binning.feature);
  const best = bestBin(f);
  return {
    feature: binning.feature,
    label: f.label,
    bin,
    binLabel: binning.labels[bin],
    woe: binning.bins[bin].woe,
    points: points[bin],
    bestPoints: points[best],
    bestBinLabel: binning.labels[best],
  };
}

/** The non-empty bin with the most points. */
function bestBin(f: ScorecardFeature): number {
  let best = -1;
  f.points.forEach((p, i) => {
    if (f.binning.bins[i].count > 0 && (best < 0 || p > f.points[best])) best = i;
  });
  return best;
}
