import { z } from 'zod';

/**
 * Points scaling of DOMAIN.md section 6: `basePoints` at good:bad odds `baseOdds` (600 at 19:1,
 * i.e. bad:good 1:19, a 5% bad rate), and `pdo` points to double the odds.
 */
export const ScalingParams = z.object({
  basePoints: z.number().default(600),
  /** Good:bad odds that earn `basePoints` (19 = bad:good 1:19). */
  baseOdds: z.number().gt(0).default(19),
  /** Points to double the odds. */
  pdo: z.number().gt(0).default(50),
});
export type ScalingParams = z.output<typeof ScalingParams>;

/** score = offset + factor · ln(good:bad odds), with factor = pdo / ln 2 and offset = basePoints − factor · ln(baseOdds). */
export interface Scaling {
  readonly factor: number;
  readonly offset: number;
}

export function scalingOf(params: ScalingParams): Scaling {
  const factor = params.pdo / Math.LN2;
  return { factor, offset: params.basePoints - factor * Math.log(params.baseOdds) };
}

/** Score of a bad-class log-odds ln(p_bad / p_good) (the logistic model's linear predictor). */
export function scoreOfBadLogOdds(badLogOdds: number, scaling: Scaling): number {
  return scaling.offset - scaling.factor * badLogOdds;
}

/** Probability of bad implied by a score (the inverse of {@link scoreOfBadLogOdds}). */
export function badProbabilityOfScore(score: number, scaling: Scaling): number {
  const goodOdds = Math.exp((score - scaling.offset) / scaling.factor);
  return 1 / (1 + goodOdds);
}

/**
 * Points of one bin: −factor · β · WoE, with β the bin's feature coefficient in the bad-class
 * logistic regression on WoE (β < 0 when a higher WoE means fewer bads).
 */
export function binPoints(coefficient: number, woe: number, scaling: Scaling): number {
  return -scaling.factor * coefficient * woe;
}

/** Points of the intercept β0, which every applicant receives: offset − factor · β0. */
export function interceptPoints(intercept: number, scaling: Scaling): number {
  return scaling.offset - scaling.factor * intercept;
}
