import { describe, expect, it } from 'vitest';
import { parseWith } from '../../ml/index.js';
import { syntheticSeries } from '../forecast.testkit.js';
import { buildFeatures, featureDataset } from './feature-builder.js';
import { featureNames, FeatureSpec } from './feature-spec.js';

describe('feature building', () => {
  const spec = parseWith(FeatureSpec, {
    calendar: ['hour', 'dayOfWeek'],
    exogenous: ['temperature'],
    temperature: 'temperature',
    temperatureLagsHours: [1],
    temperatureDailyMeans: [1],
    loadLagsHours: [48, 168],
    loadWindowMeansHours: [24],
  }, 'spec');
  const series = syntheticSeries({ days: 21 });

  it('names and builds every column of a spec', () => {
    const columns = buildFeatures(series, spec, { from: 400, to: 410 });
    expect([...columns.keys()].sort()).toEqual([...featureNames(spec)].sort());
    expect(columns.get('load_lag48h')?.[0]).toBe(series.load[352]);
    expect(columns.get('temperature_lag1h')?.[0]).toBe(series.column('temperature')[399]);
    const data = featureDataset(columns, spec);
    expect(data.nRows).toBe(10);
    expect(data.featureNames).toEqual(featureNames(spec));
  });

  it('rejects load lags shorter than the minimum lag', () => {
    expect(() => parseWith(FeatureSpec, { loadLagsHours: [24], minLoadLagHours: 48 }, 'spec')).toThrow(/minLoadLagHours/);
  });

  it('reads no load at or after a masked origin (no leakage through features)', () => {
    const origin = 24 * 14;
    const masked = series.maskLoadFrom(origin);
    const shuffled = series.with({ load: series.load.map((v, i) => (i >= origin ? series.load[series.length - 1 - (i - origin)] : v)) }).maskLoadFrom(origin);
    const a = buildFeatures(masked, spec, { from: origin, to: origin + 48 });
    const b = buildFeatures(shuffled, spec, { from: origin, to: origin + 48 });
    for (const [name, values] of a) expect(Array.from(b.get(name) as Float64Array), name).toEqual(Array.from(values));
    expect(a.get('load_lag48h')?.every((v) => Number.isFinite(v))).toBe(true);
  });
});
