import { describe, expect, it } from 'vitest';
import { hangzhouGazetteer } from './address-gazetteer.js';
import { blockingKeys, candidatePairs } from './blocking.js';
import { prepareRecords, type LinkableRecord, type MasterRecord } from './linkable-record.js';

const options = { defaultAreaCode: '0571', gazetteer: hangzhouGazetteer };
const masters: MasterRecord[] = [
  { recordId: 'B1', customerId: 'C1', name: '张伟', phone: '13812345678', idNumber: '11010519491231002X', address: '杭州市西湖区文三路123号5幢2单元601室' },
  { recordId: 'B2', customerId: 'C2', name: '张伟', phone: '13900000000', address: '杭州市西湖区文三路123号7幢1单元101室' },
];

describe('blocking', () => {
  it('keys on phone, ID ends, district plus folded name, road plus number', () => {
    const [b1] = prepareRecords(masters, [], options);
    expect(blockingKeys(b1).sort()).toEqual(['a:文三路|123', 'i:110105002X', 'n:西湖区|wei|zan', 'p:13812345678']);
  });

  it('pairs records sharing any key once, never two master records', () => {
    const others: LinkableRecord[] = [
      { recordId: 'A1', name: 'Zhang Wei', phone: '+86 138-1234-5678', address: '' },
      { recordId: 'T1', name: '李先生', phone: '0571-88123456', address: '西湖区文三路123号1幢1单元101室' },
      { recordId: 'T2', name: '王芳', phone: '15000000000', address: '萧山区人民路1号' },
    ];
    const records = prepareRecords(masters, others, options);
    const pairs = candidatePairs(records, 100);
    const found = Array.from(pairs.left, (l, i) => `${records[l].recordId}-${records[pairs.right[i]].recordId}`).sort();
    expect(found).toEqual(['B1-A1', 'B1-T1', 'B2-T1']);
  });

  it('skips blocks over the size limit and counts them', () => {
    const crowd: LinkableRecord[] = Array.from({ length: 5 }, (_, i) => ({ recordId: `T${i}`, name: `客户${i}号`, phone: '0571-88888888' }));
    const pairs = candidatePairs(prepareRecords([], crowd, options), 4);
    expect(pairs.left.length).toBe(0);
    expect(pairs.skippedBlocks).toBe(1);
  });
});
