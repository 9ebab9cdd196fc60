import { describe, expect, it } from 'vitest';
import { defaultTagCatalogue } from './default-catalogue.js';
import { checkCatalogueFeatures, evaluateTags } from './evaluate-tags.js';
import { tagCatalogueSchema } from './tag-schema.js';
import { analyticsTables, columnNames, findTable } from '../../warehouse/schema/index.js';

const catalogue = tagCatalogueSchema.parse({
  version: 3,
  tags: [
    {
      id: 'big_ev', version: 2, category: 'equipment', label: { 'zh-CN': '车', en: 'EV' }, description: { 'zh-CN': '描述', en: 'desc' },
      all: [{ feature: 'type', op: '==', value: 'res' }, { feature: 'ev', op: '>=', value: 0.3 }],
    },
    {
      id: 'online', version: 1, category: 'behaviour', label: { 'zh-CN': '线上', en: 'Online' }, description: { 'zh-CN': '描述', en: 'desc' },
      any: [{ feature: 'active', op: '>=', value: 6 }, { feature: 'digital', op: '>=', value: 0.75 }],
    },
    {
      id: 'top', version: 1, category: 'value', label: { 'zh-CN': '高', en: 'Top' }, description: { 'zh-CN': '描述', en: 'desc' },
      all: [{ feature: 'bill', op: '>=', quantile: 0.5, by: 'type' }],
    },
    {
      id: 'odd', version: 1, category: 'load', label: { 'zh-CN': '怪', en: 'Odd' }, description: { 'zh-CN': '描述', en: 'desc' },
      all: [{ feature: 'ratio', op: '>=', quantile: 0.5, factor: 2 }],
    },
  ],
});

const rows = [
  { customer_id: 'A', type: 'res', ev: 0.5, active: 10, digital: null, bill: 100, ratio: 1 },
  { customer_id: 'B', type: 'res', ev: 0.1, active: 0, digital: 0.9, bill: 50, ratio: 1 },
  { customer_id: 'C', type: 'com', ev: 0.9, active: null, digital: null, bill: 1000, ratio: 5 },
  { customer_id: 'D', type: 'com', ev: null, active: 1, digital: 0.1, bill: 10, ratio: 1 },
];

describe('evaluateTags', () => {
  const result = evaluateTags(catalogue, rows);
  const who = (tag: string) => result.assignments.filter((a) => a.tagId === tag).map((a) => a.customerId);

  it('applies all-conditions, any-conditions and missing values', () => {
    expect(who('big_ev')).toEqual(['A']); // C is not residential, D has no value
    expect(who('online')).toEqual(['A', 'B']);
    const ev = result.coverage.find((c) => c.tagId === 'big_ev')!;
    expect(ev).toMatchObject({ tagged: 1, eligible: 3, share: 0.25, version: 2 });
    expect(result.coverage.find((c) => c.tagId === 'online')!.eligible).toBe(3); // C has neither feature
  });

  it('resolves quantile thresholds per group, with a factor', () => {
    expect(who('top')).toEqual(['A', 'C']);
    expect(result.coverage.find((c) => c.tagId === 'top')!.thresholds).toEqual({ res: 75, com: 505 });
    expect(who('odd')).toEqual(['C']); // 2 × median(1, 1, 5, 1) = 2
  });

  it('keeps the evidence the rule used', () => {
    const a = result.assignments.find((x) => x.tagId === 'big_ev')!;
    expect(a).toEqual({ customerId: 'A', tagId: 'big_ev', tagVersion: 2, evidence: { type: 'res', ev: 0.5 } });
  });

  it('validates catalogues and their features', () => {
    expect(() => checkCatalogueFeatures(catalogue, ['customer_id', 'type', 'ev', 'active', 'digital', 'bill'])).toThrow(/tag odd: unknown feature ratio/);
    expect(() => tagCatalogueSchema.parse({ version: 1, tags: [{ ...catalogue.tags[0] }, { ...catalogue.tags[0] }] })).toThrow(/unique/);
    expect(() => tagCatalogueSchema.parse({ version: 1, tags: [{ ...catalogue.tags[0], all: [{ feature: 'x', op: '>=' }] }] })).toThrow(/exactly one of value or quantile/);
    expect(() => tagCatalogueSchema.parse({ version: 1, tags: [{ ...catalogue.tags[0], id: 'Bad-Id' }] })).toThrow(/lower_snake_case/);
  });

  it('ships a default catalogue whose labels exist in both languages', () => {
    expect(defaultTagCatalogue.tags.length).toBeGreaterThanOrEqual(10);
    expect(() => checkCatalogueFeatures(defaultTagCatalogue, columnNames(findTable(analyticsTables, 'customer_features')!))).not.toThrow();
    for (const t of defaultTagCatalogue.tags) {
      expect(t.label['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(t.label.en).toMatch(/[A-Za-z]/);
    }
  });
});
