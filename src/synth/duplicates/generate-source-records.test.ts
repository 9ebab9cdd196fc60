import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.js';
import { drawLinkageCustomers } from './duplicate-customers.testkit.js';
import { generateSourceRecords } from './generate-source-records.js';
import { isBillingRecord, type SourceRecord } from './source-record.js';

const customers = drawLinkageCustomers(3000, new Rng(11, 'customers'));
const { records, truth } = generateSourceRecords(customers, new Rng(11, 'duplicates'));
const others = records.filter((r) => !isBillingRecord(r));
const share = (rows: readonly SourceRecord[], test: (r: SourceRecord) => boolean) => rows.filter(test).length / rows.length;

/** Links on an equal phone (digits only), else on an equal name in the same district: what a careless linker does. */
function carelessLink(r: SourceRecord): string | undefined {
  const digits = r.phone.replace(/\D/g, '').slice(-11);
  const byPhone = customers.find((c) => c.phone === digits);
  if (byPhone) return byPhone.customerId;
  return customers.find((c) => c.name === r.name.trim() && r.address.includes(c.district.zh.slice(0, 2)))?.customerId;
}

describe('generateSourceRecords', () => {
  it('writes one billing row per customer and app and ticket rows for about one in two customers', () => {
    const billing = records.filter(isBillingRecord);
    expect(billing.map((b) => b.customerId)).toEqual(customers.map((c) => c.customerId));
    expect(billing.every((b) => truth.get(b.recordId) === b.customerId)).toBe(true);
    expect(share(others, (r) => r.source === 'app')).toBeGreaterThan(0.5);
    expect(share(others, (r) => r.source === 'tickets')).toBeGreaterThan(0.2);
    expect(others.length / customers.length).toBeGreaterThan(0.8);
  });

  it('gives every record a truth, with people who are not customers among them', () => {
    expect(new Set(records.map((r) => r.recordId)).size).toBe(records.length);
    expect(records.every((r) => truth.has(r.recordId))).toBe(true);
    const strangers = share(others, (r) => truth.get(r.recordId) === null);
    expect(strangers).toBeGreaterThan(0.05);
    expect(strangers).toBeLessThan(0.12);
  });

  it('writes phones, IDs, names and addresses with the noise of real source systems', () => {
    expect(share(others, (r) => !/^1\d{10}$/.test(r.phone))).toBeGreaterThan(0.3);
    expect(share(others, (r) => /^0571|^8\d{7}$|^\(0571\)/.test(r.phone))).toBeGreaterThan(0.01);
    expect(share(others, (r) => r.idNumber === undefined)).toBeGreaterThan(0.2);
    expect(share(others, (r) => r.idNumber?.includes('********') ?? false)).toBeGreaterThan(0.1);
    expect(share(others, (r) => /先生|女士|小姐/.test(r.name))).toBeGreaterThan(0.05);
    expect(share(others, (r) => /^[A-Za-z]/.test(r.name))).toBeGreaterThan(0.02);
    expect(share(others, (r) => !r.address.startsWith('浙江省杭州市'))).toBeGreaterThan(0.5);
    expect(share(others, (r) => /[０-９]/.test(r.address))).toBeGreaterThan(0.05);
  });

  it('sets traps for a careless linker: namesakes and family members sharing the household phone', () => {
    let linked = 0, wrong = 0;
    for (const r of others) {
      const chosen = carelessLink(r);
      if (chosen === undefined) continue;
      linked++;
      if (chosen !== truth.get(r.recordId)) wrong++;
    }
    console.log(`careless linker: ${linked} linked, precision ${((linked - wrong) / linked).toFixed(3)}`);
    expect(wrong / linked).toBeGreaterThan(0.04);
  });

  it('is reproducible from the seed', () => {
    const again = generateSourceRecords(customers.slice(0, 200), new Rng(11, 'duplicates'));
    const once = generateSourceRecords(customers.slice(0, 200), new Rng(11, 'duplicates'));
    const other = generateSourceRecords(customers.slice(0, 200), new Rng(12, 'duplicates'));
    expect(again.records).toEqual(once.records);
    expect(other.records).not.toEqual(once.records);
  });

  it('rejects bad options', () => {
    expect(() => generateSourceRecords(customers, new Rng(1), { appShare: 2 })).toThrow(/appShare/);
  });
});
