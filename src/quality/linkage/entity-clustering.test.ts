import { describe, expect, it } from 'vitest';
import { hangzhouGazetteer } from './address-gazetteer.js';
import type { CandidatePairs } from './blocking.js';
import { clusterRecords } from './entity-clustering.js';
import { residentIdCheckChar } from './id-normalizer.js';
import { prepareRecords, type LinkableRecord, type MasterRecord } from './linkable-record.js';
import type { PairScores } from './pair-scores.js';

const options = { defaultAreaCode: '0571', gazetteer: hangzhouGazetteer };
const id = (first17: string) => first17 + residentIdCheckChar(first17);

/** Clusters hand-made pairs (by record id) that all score `probability`. */
function cluster(masters: MasterRecord[], others: LinkableRecord[], edges: [string, string, number][]) {
  const records = prepareRecords(masters, others, options);
  const at = (recordId: string) => records.findIndex((r) => r.recordId === recordId);
  const pairs: CandidatePairs = {
    left: Int32Array.from(edges, ([a, b]) => Math.min(at(a), at(b))), right: Int32Array.from(edges, ([a, b]) => Math.max(at(a), at(b))),
    blocks: 0, skippedBlocks: 0,
  };
  const scores: PairScores = {
    llr: Float64Array.from(edges, ([, , p]) => Math.log2(p / (1 - p))), probability: Float64Array.from(edges, ([, , p]) => p),
    veto: new Uint8Array(edges.length),
  };
  const result = clusterRecords(records, pairs, scores, 0.9);
  return { customerOf: (recordId: string) => result.customerOf(at(recordId)), refused: result.refused };
}

describe('clusterRecords', () => {
  it('links transitively through a record that has no master pair of its own', () => {
    const c = cluster(
      [{ recordId: 'B1', customerId: 'C1', name: '王晓明' }],
      [{ recordId: 'A1', name: '王晓明' }, { recordId: 'T1', name: '王先生' }],
      [['B1', 'A1', 0.99], ['A1', 'T1', 0.97]],
    );
    expect(c.customerOf('T1')).toBe('C1');
  });

  it('refuses to chain two different ID numbers into one entity', () => {
    const c = cluster(
      [{ recordId: 'B1', customerId: 'C1', name: '王晓明', idNumber: id('33010219800101123') }, { recordId: 'B2', customerId: 'C2', name: '王晓明', idNumber: id('33010619900101456') }],
      [{ recordId: 'A1', name: '王晓明', idNumber: id('33010219800101123') }, { recordId: 'A2', name: '王晓明', idNumber: id('33010619900101456') }],
      [['A1', 'A2', 0.999], ['B1', 'A1', 0.95], ['B2', 'A2', 0.95]],
    );
    expect([c.customerOf('A1'), c.customerOf('A2')]).toEqual(['C1', 'C2']);
    expect(c.refused).toBe(1);
  });

  it('keeps a family member out of the customer entity even when a shared ticket joins them', () => {
    const c = cluster(
      [{ recordId: 'B1', customerId: 'C1', name: '王晓明' }],
      [{ recordId: 'T1', name: '王先生' }, { recordId: 'A1', name: '王丽' }],
      [['T1', 'A1', 0.999], ['B1', 'T1', 0.95]],
    );
    expect(c.customerOf('T1')).toBe('C1');
    expect(c.customerOf('A1')).toBeUndefined();
  });

  it('accepts shortened forms of the master name that disagree with each other (林瑶, 林佳 of 林瑶佳)', () => {
    const c = cluster(
      [{ recordId: 'B1', customerId: 'C1', name: '林瑶佳' }],
      [{ recordId: 'A1', name: '林佳' }, { recordId: 'T1', name: '林瑶' }],
      [['B1', 'A1', 0.99], ['B1', 'T1', 0.98]],
    );
    expect([c.customerOf('A1'), c.customerOf('T1')]).toEqual(['C1', 'C1']);
  });
});
