import { describe, expect, it } from 'vitest';
import { leafOf } from './tree.js';
import { smallTree } from './tree.testkit.js';

describe('tree', () => {
  const tree = smallTree();
  const identity = Int32Array.from([0, 1]);
  const leafValue = (x0: number, x1: number) => tree.value[leafOf(tree, Float64Array.from([x0, x1]), 0, identity)];

  it('keeps siblings adjacent and fills internal values as cover-weighted means', () => {
    expect(Array.from(tree.left)).toEqual([1, -1, 3, -1, -1]);
    expect(Array.from(tree.right)).toEqual([2, -1, 4, -1, -1]);
    expect(Array.from(tree.value)).toEqual([1.5, -1, 4, 3, 5]);
  });

  it('routes x <= threshold left and missing values by the default direction', () => {
    expect(leafValue(0.5, 9)).toBe(-1);
    expect(leafValue(NaN, 9)).toBe(-1);
    expect(leafValue(0.6, 2)).toBe(3);
    expect(leafValue(0.6, 2.1)).toBe(5);
    expect(leafValue(0.6, NaN)).toBe(5);
  });
});
