import { describe, expect, it } from 'vitest';
import { FellegiSunter } from './fellegi-sunter.js';
import { linkageFeatures } from './pair-comparison.js';
import { scorePairs, vetoes } from './pair-scores.js';

/** Level indices per feature: name, phone, id, address, gender. */
const level = (feature: string, name: string | undefined) => {
  const f = linkageFeatures.find((x) => x.name === feature)!;
  return name === undefined ? -1 : f.levels.indexOf(name);
};
const vector = (name?: string, phone?: string, id?: string, address?: string, gender?: string) =>
  [level('name', name), level('phone', phone), level('id', id), level('address', address), level('gender', gender)];

describe('scorePairs', () => {
  const model = new FellegiSunter(linkageFeatures);
  const rows = [
    vector('exact', 'exact', 'exact', 'exact', 'agree'),
    vector('disagree', 'exact', undefined, 'exact'),
    vector('disagree', 'disagree', 'exact', 'exact'),
    vector('exact', 'exact', 'disagree', 'exact'),
    vector('partial', 'exact', undefined, 'exact', 'disagree'),
  ];
  const scores = scorePairs(model, Int8Array.from(rows.flat()));
  const veto = (i: number) => vetoes[scores.veto[i]];

  it('turns the log-likelihood ratio into a probability that rises with it', () => {
    expect(scores.probability[0]).toBeGreaterThan(0.99);
    for (let i = 0; i < rows.length; i++) expect(scores.probability[i]).toBeCloseTo(model.probability(scores.llr[i]), 12);
  });

  it('vetoes a family member (other name, same phone and flat), two ID numbers and two genders', () => {
    expect(veto(0)).toBe('none');
    expect(veto(1)).toBe('name-conflict');
    expect(veto(2)).toBe('none');
    expect(veto(3)).toBe('id-conflict');
    expect(veto(4)).toBe('gender-conflict');
  });
});
