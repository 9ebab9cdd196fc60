import { describe, expect, it } from 'vitest';
import { Rng } from '../../synth/rng.js';
import { FellegiSunter, type FeatureSpec } from './fellegi-sunter.js';

const features: FeatureSpec[] = [
  { name: 'a', levels: ['agree', 'partial', 'disagree'] },
  { name: 'b', levels: ['agree', 'disagree'] },
  { name: 'c', levels: ['agree', 'disagree'] },
];
const trueM = [[0.85, 0.1, 0.05], [0.9, 0.1], [0.7, 0.3]];
const trueU = [[0.05, 0.15, 0.8], [0.02, 0.98], [0.1, 0.9]];

/** Vectors drawn from a known model, 10% missing values in feature c. */
function simulate(pairs: number, matchShare: number): { vectors: Int8Array; matches: Uint8Array } {
  const rng = new Rng(1, 'fs');
  const vectors = new Int8Array(pairs * features.length);
  const matches = new Uint8Array(pairs);
  for (let p = 0; p < pairs; p++) {
    matches[p] = rng.chance(matchShare) ? 1 : 0;
    const probs = matches[p] ? trueM : trueU;
    features.forEach((_, f) => { vectors[p * features.length + f] = rng.weightedIndex(probs[f]); });
    if (rng.chance(0.1)) vectors[p * features.length + 2] = -1;
  }
  return { vectors, matches };
}

describe('FellegiSunter', () => {
  const { vectors, matches } = simulate(40_000, 0.3);
  const model = new FellegiSunter(features).fit(vectors);

  it('recovers m, u and the match share by EM without labels', () => {
    expect(model.matchShare).toBeCloseTo(0.3, 1);
    features.forEach((f, i) => f.levels.forEach((_, l) => {
      expect(Math.abs(model.m[i][l] - trueM[i][l])).toBeLessThan(0.03);
      expect(Math.abs(model.u[i][l] - trueU[i][l])).toBeLessThan(0.03);
    }));
    expect(model.iterations).toBeLessThan(200);
  });

  it('scores with log2(m/u) weights, ignoring missing values, and separates the classes', () => {
    expect(model.weight(1, 0)).toBeCloseTo(Math.log2(0.9 / 0.02), 0);
    const withMissing = Int8Array.from([0, 0, -1]);
    expect(model.logLikelihoodRatio(withMissing, 0)).toBeCloseTo(model.weight(0, 0) + model.weight(1, 0), 10);
    let correct = 0;
    for (let p = 0; p < matches.length; p++) {
      const predicted = model.probability(model.logLikelihoodRatio(vectors, p * 3)) >= 0.5 ? 1 : 0;
      if (predicted === matches[p]) correct++;
    }
    expect(correct / matches.length).toBeGreaterThan(0.95);
  });
});
