import { describe, expect, it } from 'vitest';
import { parseAddress } from './address-parser.js';
import { compareAddresses, compareIds, comparePhones } from './field-comparison.js';
import { normalizeIdNumber, residentIdCheckChar } from './id-normalizer.js';
import { canonicalPhone } from './phone-normalizer.js';

const phones = (a: string, b: string) => comparePhones(canonicalPhone(a), canonicalPhone(b));
const ids = (a: string | undefined, b: string | undefined) => compareIds(normalizeIdNumber(a), normalizeIdNumber(b));
const addresses = (a: string, b: string) => compareAddresses(parseAddress(a), parseAddress(b));
const withCheck = (first17: string) => first17 + residentIdCheckChar(first17);

describe('comparePhones', () => {
  it('compares canonical numbers: exact, typo, disagree; mobile against landline is not comparable', () => {
    expect(phones('+86 138-1234-5678', '13812345678')).toBe('exact');
    expect(phones('138 1234 5679', '13812345678')).toBe('typo');
    expect(phones('13912345678', '15887654321')).toBe('disagree');
    expect(phones('0571-88123456', '13812345678')).toBeUndefined();
    expect(phones('', '13812345678')).toBeUndefined();
  });
});

describe('compareIds', () => {
  const id = withCheck('33010219850101123');
  it('compares full, masked and mistyped numbers', () => {
    expect(ids(id, id.toLowerCase())).toBe('exact');
    expect(ids(id, `${id.slice(0, 6)}********${id.slice(-4)}`)).toBe('compatible');
    expect(ids(id, `330102********9999`)).toBe('disagree');
    expect(ids(`${id.slice(0, 6)}********${id.slice(-4)}`, `${id.slice(0, 6)}********${id.slice(-4)}`)).toBe('compatible');
    const typo = id.slice(0, 12) + ((Number(id[12]) + 1) % 10) + id.slice(13);
    expect(ids(id, typo)).toBe('compatible');
    expect(ids(id, withCheck('33010219850101125'))).toBe('disagree');
    expect(ids(id, undefined)).toBeUndefined();
    expect(ids(id, '91330106MA27XL1234')).toBeUndefined();
  });
});

describe('compareAddresses', () => {
  const home = '浙江省杭州市西湖区文三路123号翠苑一区5幢2单元601室';
  it('finds the same flat through abbreviations, full-width digits and the dash form', () => {
    expect(addresses(home, '杭州西湖文三路１２３号5栋2-601')).toBe('exact');
    expect(addresses(home, '西湖区文三路123号5-2-601室')).toBe('exact');
    expect(addresses(home, '杭州市西湖区翠苑一区5幢2单元601')).toBe('exact');
    expect(addresses(home, '杭州市西湖区翠苑一区7幢2单元601')).toBe('number');
  });

  it('grades neighbours: same building, same house number, same district, elsewhere', () => {
    expect(addresses(home, '西湖区文三路123号5幢1单元301室')).toBe('building');
    expect(addresses(home, '西湖区文三路123号7幢2单元601室')).toBe('number');
    expect(addresses(home, '西湖区文二路8号1幢1单元101室')).toBe('district');
    expect(addresses(home, '萧山区市心中路8号1幢1单元101室')).toBe('disagree');
  });
});
