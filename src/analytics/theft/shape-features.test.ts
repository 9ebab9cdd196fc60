import { describe, expect, it } from 'vitest';
import { largestLevelShifts } from './change-point.js';
import { shapeFeatures } from './shape-features.js';
import { householdSeries, panelOf, scaledFrom } from './theft.testkit.js';

const DAYS = 90;

describe('shapeFeatures', () => {
  it('gives no shape change for signals that never change, as a search for their shifts would', () => {
    const flat = new Float64Array(DAYS * 24).fill(0.5);
    const panel = panelOf([flat, scaledFrom(flat, 45, 0.4), householdSeries(DAYS, 3)]);
    for (const meter of [0, 1]) {
      const f = shapeFeatures(panel, meter, 21);
      expect([f.cv_drop, f.cv_rise, f.night_share_shift, f.zero_share_rise]).toEqual([0, 0, 0, 0]);
      const searched = largestLevelShifts(panel.series(meter, 'nightShare'), 21, 0.01);
      expect([searched.up?.ratio, searched.up?.after]).toEqual([1, searched.up?.before]);
    }
  });

  it('still finds a change of the curve when one happens', () => {
    const series = householdSeries(DAYS, 5);
    const flattened = series.map((v, i) => (i >= 45 * 24 ? 0.4 : v));
    const panel = panelOf([series, flattened]);
    expect(shapeFeatures(panel, 1, 21).cv_drop).toBeGreaterThan(0.5);
    expect(shapeFeatures(panel, 0, 21).cv_drop).toBeLessThan(0.2);
  });
});
