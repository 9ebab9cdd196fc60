import { describe, expect, it } from 'vitest';
import { BatchedLookup } from './api-batched-lookup.js';

describe('batched lookup', () => {
  it('runs a lone lookup at once and reads the lookups that arrive meanwhile in one load', async () => {
    const loads: string[][] = [];
    const lookup = new BatchedLookup<string>(async (keys) => {
      loads.push([...keys]);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return new Map(keys.filter((k) => k !== 'missing').map((k) => [k, `v${k}`]));
    }, 3);
    const first = lookup.get('a');
    const rest = ['b', 'c', 'b', 'missing', 'd'].map((k) => lookup.get(k));
    expect(await Promise.all([first, ...rest])).toEqual(['va', 'vb', 'vc', 'vb', null, 'vd']);
    expect(loads).toEqual([['a'], ['b', 'c', 'missing'], ['d']]);
  });

  it('fails the lookups of a failed load only', async () => {
    let calls = 0;
    const lookup = new BatchedLookup<number>(async (keys) => {
      calls += 1;
      if (calls === 2) throw new Error('store down');
      await new Promise((resolve) => setTimeout(resolve, 1));
      return new Map(keys.map((k) => [k, k.length]));
    });
    const a = lookup.get('a');
    const b = lookup.get('bb');
    await expect(a).resolves.toBe(1);
    await expect(b).rejects.toThrow('store down');
    await expect(lookup.get('ccc')).resolves.toBe(3);
  });
});
