import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.js';
import { archetypeInfo, archetypeNames } from './archetypes.js';
import { drawLoadParams } from './load-params.js';

describe('drawLoadParams', () => {
  it('is deterministic and JSON-serialisable', () => {
    const a = drawLoadParams('residential_ev', new Rng(3, 'c', 1));
    const b = drawLoadParams('residential_ev', new Rng(3, 'c', 1));
    expect(b).toEqual(a);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it.each(archetypeNames)('%s: contract capacity in range, routine shifts within ±60 min', (name) => {
    const info = archetypeInfo(name);
    for (let i = 0; i < 50; i++) {
      const params = drawLoadParams(name, new Rng(1, name, i));
      expect(params.contractKva).toBeGreaterThanOrEqual(info.contractKva[0]);
      expect(params.contractKva).toBeLessThanOrEqual(info.contractKva[1]);
      expect(Math.abs(params.shiftMinutes)).toBeLessThanOrEqual(60);
      expect(params.scaleKw).toBeGreaterThan(0);
      expect(params.hourlyJitter).toHaveLength(24);
    }
  });

  it('gives households varied routines and equipment only where the archetype has it', () => {
    const shifts = Array.from({ length: 200 }, (_, i) => drawLoadParams('residential_working', new Rng(2, i)).shiftMinutes);
    expect(Math.max(...shifts)).toBeGreaterThan(40);
    expect(Math.min(...shifts)).toBeLessThan(-40);
    expect(drawLoadParams('residential_ev', new Rng(1)).ev?.chargerKw).toBeGreaterThanOrEqual(6.6);
    expect(drawLoadParams('residential_pv', new Rng(1)).pv?.kwp).toBeGreaterThanOrEqual(3);
    expect(drawLoadParams('cold_storage', new Rng(1)).compressors?.periodsMinutes.length).toBeGreaterThanOrEqual(2);
    expect(drawLoadParams('residential_working', new Rng(1)).ev).toBeUndefined();
  });
});
