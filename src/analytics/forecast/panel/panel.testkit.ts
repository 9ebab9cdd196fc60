import { syntheticSeries } from '../forecast.testkit.js';
import { LoadPanel } from './load-panel.js';

/** A panel of `n` synthetic hourly series of different sizes and shapes sharing one temperature. */
export function syntheticPanel(n = 12, days = 70): LoadPanel {
  const base = syntheticSeries({ days, seed: 3 });
  const loads = Array.from({ length: n }, (_, k) => {
    const own = syntheticSeries({ days, seed: 3, noise: 0.8 + k * 0.05, load: (r) => {
      const peak = 18 + (k % 4) * 2;
      const daily = 20 + 8 * Math.exp(-(((r.hour - peak) / 3) ** 2));
      const weekend = r.weekday === 0 || r.weekday === 6 ? -4 - (k % 3) : 0;
      return daily + weekend + 0.05 * (r.temperature[r.row] - 15) ** 2;
    } });
    const scale = 1 + k * 3;
    return own.load.map((v) => v * scale);
  });
  return new LoadPanel({
    timestamps: base.timestamps,
    intervalMinutes: 60,
    ids: loads.map((_, k) => `S${k}`),
    loads,
    exogenous: { temperature: base.column('temperature') },
  });
}
