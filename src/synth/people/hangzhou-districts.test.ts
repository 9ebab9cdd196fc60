import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.js';
import { drawDistrict, findDistrict, hangzhouDistricts } from './hangzhou-districts.js';
import { hangzhouPlaces } from './hangzhou-places.js';

describe('hangzhouDistricts', () => {
  it('has codes under 3301, bilingual names and place lists for every district', () => {
    for (const d of hangzhouDistricts) {
      expect(d.code).toMatch(/^3301\d\d$/);
      expect(d.zh).toMatch(/[区县市]$/);
      expect(d.en.length).toBeGreaterThan(3);
      expect(hangzhouPlaces[d.code].roads.length).toBeGreaterThan(3);
      expect(d.idAreaCodes[0][0]).toBe(d.code);
    }
  });

  it('draws districts in proportion to population', () => {
    const rng = new Rng(2);
    let xiaoshan = 0, chunan = 0;
    for (let i = 0; i < 10_000; i++) {
      const d = drawDistrict(rng);
      if (d.zh === '萧山区') xiaoshan++;
      if (d.zh === '淳安县') chunan++;
    }
    expect(xiaoshan).toBeGreaterThan(4 * chunan);
    expect(findDistrict('Binjiang District')?.code).toBe('330108');
  });
});
