import { ValidationError } from '../../core/errors.js';
import type { LocalizedText } from './credit-dataset.js';
import { numericBinIndex } from './numeric-binning.js';

/** < 0.1 stable, 0.1–0.25 moderate shift (investigate), > 0.25 major shift (retrain). */
export type PsiLevel = 'stable' | 'moderate' | 'major';

export const psiLevelLabels: Readonly<Record<PsiLevel, LocalizedText>> = {
  stable: { 'zh-CN': '稳定', en: 'stable' },
  moderate: { 'zh-CN': '轻微偏移，需关注', en: 'moderate shift, investigate' },
  major: { 'zh-CN': '显著偏移，需重新训练', en: 'major shift, retrain' },
};

export function psiLevel(psi: number): PsiLevel {
  if (psi < 0.1) return 'stable';
  if (psi <= 0.25) return 'moderate';
  return 'major';
}

export interface PsiBin {
  /** Exclusive lower and inclusive upper score bound (null = open). */
  readonly lower: number | null;
  readonly upper: number | null;
  readonly referenceShare: number;
  readonly currentShare: number;
  /** (current − reference) · ln(current / reference). */
  readonly contribution: number;
}

export interface PsiReport {
  readonly psi: number;
  readonly level: PsiLevel;
  readonly bins: readonly PsiBin[];
}

/**
 * Population stability index Σ (c_i − r_i) · ln(c_i / r_i) of two distributions over the same
 * bins; shares below `epsilon` are raised to it so an empty bin gives a large, finite term.
 */
export function psiFromShares(reference: readonly number[], current: readonly number[], epsilon = 1e-4): number {
  if (reference.length !== current.length || reference.length === 0) {
    throw new ValidationError(`psi needs two share vectors of the same, non-zero length (${reference.length}, ${current.length})`);
  }
  return reference.reduce((sum, r, i) => sum + psiTerm(r, current[i], epsilon), 0);
}

/**
 * PSI of a current score distribution against a reference one (e.g. the development sample),
 * on `bins` quantile bins of the reference (fewer when scores tie).
 */
export function populationStability(reference: ArrayLike<number>, current: ArrayLike<number>, bins = 10, epsilon = 1e-4): PsiReport {
  if (reference.length === 0 || current.length === 0) throw new ValidationError('psi needs non-empty reference and current scores');
  const cuts = quantileCuts(reference, bins);
  const r = shares(reference, cuts);
  const c = shares(current, cuts);
  const out = r.map((share, i): PsiBin => ({
    lower: i === 0 ? null : cuts[i - 1],
    upper: i === cuts.length ? null : cuts[i],
    referenceShare: share,
    currentShare: c[i],
    contribution: psiTerm(share, c[i], epsilon),
  }));
  const psi = out.reduce((s, b) => s + b.contribution, 0);
  return { psi, level: psiLevel(psi), bins: out };
}

function psiTerm(reference: number, current: number, epsilon: number): number {
  const r = Math.max(reference, epsilon);
  const c = Math.max(current, epsilon);
  return (c - r) * Math.log(c / r);
}

function quantileCuts(values: ArrayLike<number>, bins: number): number[] {
  const sorted = Float64Array.from(values).sort();
  const cuts = new Set<number>();
  for (let i = 1; i < bins; i++) {
    const v = sorted[Math.max(0, Math.ceil((i * sorted.length) / bins) - 1)];
    if (v < sorted[sorted.length - 1]) cuts.add(v);
  }
  return [...cuts].sort((a, b) => a - b);
}

function shares(values: ArrayLike<number>, cuts: readonly number[]): number[] {
  const counts = new Array<number>(cuts.length + 1).fill(0);
  for (let i = 0; i < values.length; i++) counts[numericBinIndex(cuts, values[i])]++;
  return counts.map((n) => n / values.length);
}
