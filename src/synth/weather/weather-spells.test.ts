import { describe, expect, it } from 'vitest';
import { epochDay } from '../../core/time/index.js';
import { Rng } from '../rng.js';
import { hangzhouClimate } from './climate.js';
import { expectedSpellAnomaly } from './daily-weather.js';
import { simulateSpells, spellWeight } from './weather-spells.js';

describe('weather spells', () => {
  it('shapes heat waves as build-up and fade, cold waves as a sharp drop and recovery', () => {
    expect([0, 1, 2, 3, 4].map((d) => spellWeight('heat_wave', d, 5))).toEqual([0.5, 1, 1, 1, 0.5]);
    expect(spellWeight('cold_wave', 0, 4)).toBe(1);
    expect(spellWeight('cold_wave', 3, 4)).toBe(0.25);
  });

  it('starts heat waves only in July–August and cold waves only in their months', () => {
    const start = epochDay('2001-01-01');
    const spells = simulateSpells(hangzhouClimate.spells, new Rng(1), start, 365 * 30);
    for (let i = 0; i < spells.anomalyC.length; i++) {
      const month = new Date((start + i) * 86_400_000).getUTCMonth() + 1;
      if (spells.anomalyC[i] > 0) expect([7, 8, 9]).toContain(month);
      if (spells.anomalyC[i] < 0) expect([11, 12, 1, 2, 3, 4]).toContain(month);
    }
    expect(Math.max(...spells.anomalyC)).toBeGreaterThan(3);
    expect(Math.min(...spells.anomalyC)).toBeLessThan(-4);
  });

  it('knows what the spells add to each month on average, so the baseline can subtract it', () => {
    const expected = expectedSpellAnomaly(hangzhouClimate.spells);
    expect(expected[6]).toBeGreaterThan(0.2);
    expect(expected[0]).toBeLessThan(-0.2);
    expect(Math.abs(expected[4])).toBeLessThan(0.05);
  });
});
