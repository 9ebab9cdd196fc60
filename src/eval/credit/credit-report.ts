import { GRADE_CODES, type ApplicantScore, type CreditScorecard, type IvTableRow } from '../../analytics/credit/index.js';

/** The IV table with rounded numbers, strongest feature first. */
export function ivReport(rows: readonly IvTableRow[]) {
  return rows.map((r) => ({ ...r, iv: round(r.iv, 4) }));
}

/** Base points and the points of every bin of a fitted scorecard. */
export function scorecardReport(card: CreditScorecard) {
  const { basePoints, features } = card.state;
  return {
    basePoints,
    features: features.map((f) => ({
      feature: f.binning.feature,
      iv: round(f.binning.iv, 4),
      coefficient: round(f.coefficient, 4),
      bins: f.binning.bins.map((b, i) => ({ label: f.binning.labels[i], count: b.count, badRate: round(b.badRate, 4), woe: round(b.woe, 4), points: f.points[i] })),
    })),
  };
}

/** Rows, share and observed bad rate per grade: the bad rate should rise from AAA to C. */
export function gradeReport(scores: readonly ApplicantScore[], labels: ArrayLike<number>) {
  return GRADE_CODES.map((grade) => {
    const rows = scores.flatMap((s, i) => (s.grade === grade ? [i] : []));
    const bads = rows.reduce((n, i) => n + labels[i], 0);
    return { grade, count: rows.length, share: round(rows.length / scores.length, 4), badRate: rows.length ? round(bads / rows.length, 4) : null };
  });
}

export function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}
