import { describe, expect, it } from 'vitest';
import { customerTypes } from '../../core/schemas/customer.js';
import { archetypeInfo, archetypeNames, archetypes, archetypesOfType } from './archetypes.js';

describe('archetypes table', () => {
  it('lists every archetype once, with shares summing to 1 within each customer type', () => {
    expect(archetypes.map((a) => a.name).sort()).toEqual([...archetypeNames].sort());
    for (const type of customerTypes) {
      const shares = archetypesOfType(type).reduce((s, a) => s + a.share, 0);
      expect(shares).toBeCloseTo(1, 9);
    }
  });

  it('carries labels, industry codes and a sane capacity range', () => {
    for (const info of archetypes) {
      expect(info.labelZh.length).toBeGreaterThan(0);
      expect(info.labelEn.length).toBeGreaterThan(0);
      expect(info.industryCode).toMatch(info.customerType === 'residential' ? /^RES$/ : /^[A-T]\d{4}$/);
      expect(info.contractKva[0]).toBeLessThan(info.contractKva[1]);
    }
    expect(archetypeInfo('hospital').voltageLevel).toBe('10kV');
    expect(() => archetypeInfo('nope' as never)).toThrow(/unknown/);
  });
});
