import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.js';
import { creditClasses, drawCreditProfile, type CreditClass } from './credit-profile.js';

describe('drawCreditProfile', () => {
  it('draws residential classes near 70/18/9/3 and no public-sector defaulters', () => {
    const rng = new Rng(1);
    const counts: Record<string, number> = {};
    for (let i = 0; i < 20_000; i++) {
      const c = drawCreditProfile(rng, 'residential').creditClass;
      counts[c] = (counts[c] ?? 0) + 1;
    }
    for (const { id, share } of creditClasses) expect(Math.abs(counts[id] / 20_000 - share)).toBeLessThan(0.03);
    for (let i = 0; i < 2000; i++) expect(drawCreditProfile(rng, 'public').creditClass).not.toBe('defaulter');
  });

  it('orders behaviour by class: later and more partial from always_on_time to chronic_arrears', () => {
    const rng = new Rng(2);
    const byClass = new Map<CreditClass, number[]>();
    for (let i = 0; i < 5000; i++) {
      const p = drawCreditProfile(rng, 'commercial');
      byClass.set(p.creditClass, [...(byClass.get(p.creditClass) ?? []), p.lateProbability]);
      expect(p.stopFraction === null).toBe(p.creditClass !== 'defaulter');
    }
    const maxLate = (c: CreditClass) => Math.max(...byClass.get(c)!);
    const minLate = (c: CreditClass) => Math.min(...byClass.get(c)!);
    expect(maxLate('always_on_time')).toBeLessThanOrEqual(0.02);
    expect(minLate('occasionally_late')).toBeGreaterThanOrEqual(0.1);
    expect(minLate('chronic_arrears')).toBeGreaterThanOrEqual(0.5);
  });
});
