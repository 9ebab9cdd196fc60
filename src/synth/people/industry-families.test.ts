import { describe, expect, it } from 'vitest';
import { companyFamilyOf } from './industry-families.js';

describe('companyFamilyOf', () => {
  it('maps GB/T 4754 codes by division, then by section', () => {
    expect(companyFamilyOf('H6210')).toBe('restaurant');
    expect(companyFamilyOf('C1751')).toBe('textile');
    expect(companyFamilyOf('C2651')).toBe('chemical');
    expect(companyFamilyOf('C3311')).toBe('manufacturing');
    expect(companyFamilyOf('P8331')).toBe('school');
    expect(companyFamilyOf('Q8411')).toBe('hospital');
    expect(companyFamilyOf('N7810')).toBe('street_lighting');
    expect(companyFamilyOf('A0513')).toBe('agriculture');
    expect(companyFamilyOf('K7020')).toBe('office');
  });

  it('maps family names, archetype names and customer types; unknown labels become offices', () => {
    expect(companyFamilyOf('hotel')).toBe('hotel');
    expect(companyFamilyOf('factory_two_shift')).toBe('manufacturing');
    expect(companyFamilyOf('cold_storage')).toBe('logistics');
    expect(companyFamilyOf('shop')).toBe('retail');
    expect(companyFamilyOf('irrigation')).toBe('agriculture');
    expect(companyFamilyOf('industrial')).toBe('manufacturing');
    expect(companyFamilyOf('something-else')).toBe('office');
  });
});
