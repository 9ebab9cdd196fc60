import { describe, expect, it } from 'vitest';
import { buildChineseId, isValidChineseId } from '../people/index.js';
import { Rng } from '../rng.js';
import { idNumberVariant } from './id-variants.js';

const id = buildChineseId('330102', '1985-06-01', 7, 'male');
const withX = ['330102', '330106', '330109', '330110'].flatMap((area) => Array.from({ length: 30 }, (_, s) => buildChineseId(area, '1990-01-01', s, 'female'))).find((x) => x.endsWith('X'))!;

describe('idNumberVariant', () => {
  it('masks the middle, keeping six leading and four trailing characters', () => {
    const masked = idNumberVariant(new Rng(1), id, { full: 0, masked: 1, missing: 0, typo: 0 });
    expect(masked).toBe(`${id.slice(0, 6)}********${id.slice(-4)}`);
  });

  it('leaves a mistyped number with a wrong check character, and can be missing', () => {
    const rng = new Rng(2, 'ids');
    for (let i = 0; i < 50; i++) {
      const typo = idNumberVariant(rng, id, { full: 0, masked: 0, missing: 0, typo: 1 })!;
      expect(typo).not.toBe(id);
      expect(isValidChineseId(typo)).toBe(false);
    }
    expect(idNumberVariant(rng, id, { full: 0, masked: 0, missing: 1, typo: 0 })).toBeUndefined();
  });

  it('writes a trailing X in lowercase about half the time', () => {
    const rng = new Rng(3, 'x');
    const forms = Array.from({ length: 200 }, () => idNumberVariant(rng, withX, { full: 1, masked: 0, missing: 0, typo: 0 })!);
    const lower = forms.filter((f) => f.endsWith('x')).length;
    expect(lower).toBeGreaterThan(60);
    expect(lower).toBeLessThan(140);
    expect(forms.every((f) => f.normalize('NFKC').toUpperCase() === withX)).toBe(true);
  });
});
