import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.js';
import { drawCompany } from './company-names.js';
import { companyFamilies } from './industry-families.js';

describe('drawCompany', () => {
  it('names every family in Chinese with family-specific words', () => {
    const rng = new Rng(9);
    for (const family of companyFamilies) {
      const name = drawCompany(rng, family);
      expect(name).toMatch(/^[\u4e00-\u9fff]{4,}$/);
      expect(name).not.toContain('{');
    }
    expect(drawCompany(rng, 'school')).toMatch(/(小学|学校|中学|幼儿园)$/);
    expect(drawCompany(rng, 'agriculture')).toMatch(/(农场|合作社|养殖场|基地)$/);
    expect(drawCompany(rng, 'P8331')).toMatch(/(小学|学校|中学|幼儿园)$/);
  });

  it('varies names within a family', () => {
    const rng = new Rng(10);
    const names = Array.from({ length: 300 }, () => drawCompany(rng, 'manufacturing'));
    expect(new Set(names).size).toBeGreaterThan(250);
  });
});
