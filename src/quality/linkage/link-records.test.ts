import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors.js';
import { drawLinkageCustomers } from '../../synth/duplicates/duplicate-customers.testkit.js';
import { generateSourceRecords, isBillingRecord, type SourceRecord } from '../../synth/duplicates/index.js';
import { buildPopulation } from '../../synth/population.js';
import { Rng } from '../../synth/rng.js';
import { parseSynthOptions } from '../../synth/synth-options.js';
import { linkRecords } from './link-records.js';
import { linkageAccuracy } from './linkage-accuracy.testkit.js';

function split(records: readonly SourceRecord[]) {
  return { masters: records.filter(isBillingRecord), others: records.filter((r) => !isBillingRecord(r)) };
}

describe('linkRecords on the generator\'s noisy duplicates', () => {
  const options = parseSynthOptions({ customers: 2500, seed: 20260101 });
  const population = buildPopulation(options, new Rng(options.seed));
  const { records, truth } = generateSourceRecords(population.customers, new Rng(options.seed, 'duplicates'));
  const { masters, others } = split(records);
  const result = linkRecords(masters, others);
  const accuracy = linkageAccuracy(result.links, truth);
  console.log('linkage accuracy (2,500 customers):', JSON.stringify(accuracy), 'stats:', JSON.stringify({ ...result.stats, weights: undefined }));

  it('reaches precision and recall of at least 0.95 with under 10% of records in review', () => {
    expect(accuracy.records).toBeGreaterThan(2000);
    expect(accuracy.precision).toBeGreaterThanOrEqual(0.95);
    expect(accuracy.recall).toBeGreaterThanOrEqual(0.95);
    expect(accuracy.reviewShare).toBeLessThan(0.1);
    expect(accuracy.autoPrecision).toBeGreaterThanOrEqual(0.98);
  });

  it('decides every other record once, in input order, and queues exactly the review decisions', () => {
    expect(result.links.map((l) => l.recordId)).toEqual(others.map((r) => r.recordId));
    const review = result.links.filter((l) => l.decision === 'review').map((l) => l.recordId).sort();
    expect(result.reviewQueue.map((r) => r.recordId).sort()).toEqual(review);
    for (const item of result.reviewQueue) expect(item.candidates[0].score).toBeGreaterThanOrEqual(0.5);
    for (const l of result.links) expect(l.decision === 'unmatched').toBe(l.customerId === null);
  });

  it('explains each decision with the field agreement levels and the log-likelihood ratio', () => {
    const linked = result.links.find((l) => l.decision === 'linked')!;
    expect(linked.reasons).toEqual(expect.arrayContaining([expect.stringMatching(/^name:/), expect.stringMatching(/^phone:/), expect.stringMatching(/^llr:[+-]/)]));
  });

  it('learns weights that reward agreement and punish disagreement', () => {
    const w = result.stats.weights;
    for (const feature of ['name', 'phone', 'id']) expect(w[feature].exact).toBeGreaterThan(w[feature].disagree + 5);
    expect(w.address.exact).toBeGreaterThan(w.address.number);
    expect(result.stats.matchShare).toBeGreaterThan(0);
  });
});

describe('linkRecords on small inputs', () => {
  it('rejects contradictory options with a ValidationError', () => {
    expect(() => linkRecords([], [], { linkThreshold: 0.5, reviewThreshold: 0.9 })).toThrow(ValidationError);
  });

  it('leaves records without any candidate unmatched', () => {
    const result = linkRecords([{ recordId: 'B1', customerId: 'C1', name: '张伟', phone: '13812345678' }], [{ recordId: 'T1', name: '李娜', phone: '13900000000' }]);
    expect(result.links).toEqual([{ recordId: 'T1', customerId: null, score: 0, decision: 'unmatched', reasons: ['no-candidates'] }]);
  });
});

describe('linkRecords speed', () => {
  it('links about 100,000 records in well under a minute on one core', () => {
    const customers = drawLinkageCustomers(51_000, new Rng(7, 'speed'));
    const { records } = generateSourceRecords(customers, new Rng(7, 'speed-duplicates'));
    const { masters, others } = split(records);
    const started = performance.now();
    const result = linkRecords(masters, others);
    const seconds = (performance.now() - started) / 1000;
    console.log(`linkage speed: ${records.length} records, ${result.stats.candidatePairs} candidate pairs in ${seconds.toFixed(1)} s`);
    expect(records.length).toBeGreaterThan(95_000);
    expect(seconds).toBeLessThan(60);
  });
});
