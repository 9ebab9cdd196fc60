import type { SolutionRow } from '../datasets/gefcom2012-loader.js';
import { GEFCOM2012_SYSTEM_ZONE } from '../datasets/gefcom2012-loader.js';

/** The 24 hourly forecasts of a zone (1..21) on a day (days since 2004-01-01). */
export type DayForecast = (zone: number, day: number) => ArrayLike<number>;

/** WRMSE with the official weights and the RMSE of each block of solution rows. */
export interface GefcomScore {
  readonly wrmse: number;
  readonly blocks: { readonly zoneBackcast: number; readonly zoneForecast: number; readonly systemBackcast: number; readonly systemForecast: number };
}

/** Weights of the final forecast week in Load_solution.csv (zone 8, system 160); backcast rows weigh 1 and 20. */
const FORECAST_WEEK_WEIGHTS = new Set([8, 160]);

/**
 * The competition score: WRMSE = √(Σ w (y − ŷ)² / Σ w) over all 24 hourly values of every
 * solution row, w = the row's weight (zone backcast 1, zone forecast 8, system backcast 20,
 * system forecast 160), as SOURCE.txt describes.
 */
export function gefcomScore(solution: readonly SolutionRow[], forecast: DayForecast): GefcomScore {
  let weighted = 0;
  let weights = 0;
  const blocks = new Map<string, { sum: number; n: number }>();
  for (const row of solution) {
    const predicted = forecast(row.zone, row.day);
    const key = `${row.zone === GEFCOM2012_SYSTEM_ZONE ? 'system' : 'zone'}${FORECAST_WEEK_WEIGHTS.has(row.weight) ? 'Forecast' : 'Backcast'}`;
    const block = blocks.get(key) ?? { sum: 0, n: 0 };
    for (let h = 0; h < 24; h++) {
      const e2 = (row.values[h] - predicted[h]) ** 2;
      weighted += row.weight * e2;
      weights += row.weight;
      block.sum += e2;
      block.n++;
    }
    blocks.set(key, block);
  }
  const rmseOf = (key: string) => {
    const b = blocks.get(key);
    return b ? Math.sqrt(b.sum / b.n) : Number.NaN;
  };
  return {
    wrmse: Math.sqrt(weighted / weights),
    blocks: { zoneBackcast: rmseOf('zoneBackcast'), zoneForecast: rmseOf('zoneForecast'), systemBackcast: rmseOf('systemBackcast'), systemForecast: rmseOf('systemForecast') },
  };
}
