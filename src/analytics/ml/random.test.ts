import { describe, expect, it } from 'vitest';
import { Mulberry32 } from './random.js';

describe('Mulberry32', () => {
  it('reproduces the reference stream of fixtures/mulberry32.py', () => {
    // /usr/bin/python3: Mulberry32(42).next() × 3, then .normal()
    const rng = new Mulberry32(42);
    expect([rng.next(), rng.next(), rng.next()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
    expect(rng.normal()).toBeCloseTo(0.6773277072041898, 14);
  });

  it('samples distinct sorted indices', () => {
    const picked = new Mulberry32(1).sampleIndices(100, 30);
    expect(picked.length).toBe(30);
    expect(new Set(picked).size).toBe(30);
    expect(Array.from(picked)).toEqual(Array.from(picked).sort((a, b) => a - b));
    expect(picked.every((i) => i >= 0 && i < 100)).toBe(true);
    expect(new Mulberry32(1).sampleIndices(5, 9).length).toBe(5);
  });
});
