import { describe, expect, it } from 'vitest';
import { isValidChineseId } from '../people/index.js';
import { Rng } from '../rng.js';
import { drawLinkageCustomers } from './duplicate-customers.testkit.js';
import { customerIdentity, familyMember, namesake, stranger } from './other-people.js';

const residents = drawLinkageCustomers(300, new Rng(4, 'c')).filter((c) => c.customerType === 'residential');

describe('people who look like customers', () => {
  it('namesakes share name and district, nothing else', () => {
    const rng = new Rng(4, 'namesakes');
    for (const c of residents) {
      const n = namesake(rng, c);
      expect(n.name).toBe(c.name);
      expect(n.district).toBe(c.district.zh);
      expect(n.phone).not.toBe(c.phone);
      expect(n.idNumber).not.toBe(c.idNumber);
      expect(isValidChineseId(n.idNumber)).toBe(true);
    }
  });

  it('family members share the flat, often the phone, never a given-name character', () => {
    const rng = new Rng(4, 'family');
    const members = residents.map((c) => [c, familyMember(rng, c)] as const);
    for (const [c, f] of members) {
      expect(f.address).toBe(c.address);
      expect(f.idNumber).not.toBe(c.idNumber);
      expect([...f.name.slice(1)].some((ch) => c.name.slice(1).includes(ch))).toBe(false);
    }
    const sharedPhone = members.filter(([c, f]) => f.phone === c.phone).length / members.length;
    expect(sharedPhone).toBeGreaterThan(0.4);
    expect(sharedPhone).toBeLessThan(0.8);
  });

  it('strangers and customers carry the gender of their ID number', () => {
    const rng = new Rng(4, 'strangers');
    for (let i = 0; i < 50; i++) {
      const s = stranger(rng);
      expect(s.male).toBe(Number(s.idNumber[16]) % 2 === 1);
    }
    expect(customerIdentity(residents[0]).organisation).toBe(false);
  });
});
