import { describe, expect, it } from 'vitest';
import { Mulberry32 } from '../ml/index.js';
import { syntheticSeries, syntheticTemperature } from './forecast.testkit.js';
import { averageColumns, selectWeatherStations } from './weather-station-selection.js';

describe('selectWeatherStations', () => {
  it('ranks the station that drives the load first and averages the best ones', () => {
    const hours = 7 * 30 * 24;
    const rng = new Mulberry32(4);
    const truth = syntheticTemperature(hours, 11);
    const stations = {
      near: truth.map((t) => t + 0.3 * rng.normal()),
      far: truth.map((t) => t + 4 * rng.normal()),
      other: syntheticTemperature(hours, 99),
    };
    const series = syntheticSeries({ days: 7 * 30, load: ({ row, hour }) => 50 + 5 * Math.sin(hour / 4) + 0.1 * (truth[row] - 15) ** 2 }).with({ exogenous: stations });
    const selection = selectWeatherStations({ series, stations: ['far', 'other', 'near'], validationFrom: series.timestamps[hours - 30 * 24], validationTo: series.timestamps[hours - 1] });
    expect(selection.ranking[0].station).toBe('near');
    expect(selection.ranking[2].station).toBe('other');
    expect(selection.stations[0]).toBe('near');
    expect(selection.rmse).toBeLessThanOrEqual(selection.ranking[0].rmse);
    expect(averageColumns(series, ['near', 'far'])[5]).toBeCloseTo((stations.near[5] + stations.far[5]) / 2, 12);
  });
});
