import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.js';
import { drawChineseName, drawSurname } from './chinese-names.js';

describe('drawSurname', () => {
  it('follows the frequency table: 陈 and 王 are far commoner than 屠', () => {
    const rng = new Rng(3);
    const counts = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const s = drawSurname(rng);
      counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    expect(counts.get('陈')!).toBeGreaterThan(800);
    expect(counts.get('王')!).toBeGreaterThan(800);
    expect(counts.get('屠') ?? 0).toBeLessThan(100);
  });
});

describe('drawChineseName', () => {
  it('gives two- or three-character names, with single given names commoner for older people', () => {
    const rng = new Rng(4);
    const old = Array.from({ length: 2000 }, () => drawChineseName(rng, 'male', 1950));
    const young = Array.from({ length: 2000 }, () => drawChineseName(rng, 'female', 2000));
    for (const n of [...old, ...young]) expect(n).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
    const short = (names: string[]) => names.filter((n) => n.length === 2).length;
    expect(short(old)).toBeGreaterThan(short(young));
  });
});
