import { describe, expect, it } from 'vitest';
import { LoadPanel } from './load-panel.js';
import { backtestPanel } from './panel-backtest.js';
import { createPanelForecaster, panelForecasterNames } from './panel-forecaster-registry.js';
import { syntheticPanel } from './panel.testkit.js';
import { PooledGbdtForecaster } from './pooled-gbdt-forecaster.js';

const FAST = { sampleRows: 6000, model: { nEstimators: 60, learningRate: 0.2, numLeaves: 15, minDataInLeaf: 20 } };

function maeOf(actual: Float64Array[], point: Float64Array[]): number {
  let sum = 0;
  let n = 0;
  actual.forEach((a, k) => a.forEach((y, i) => {
    sum += Math.abs(y - point[k][i]);
    n++;
  }));
  return sum / n;
}

describe('PooledGbdtForecaster', () => {
  const panel = syntheticPanel();
  const origins = [56, 58, 60, 62, 64, 66].map((d) => d * 24);
  const plan = { origins, steps: 24, levels: [0.1, 0.5, 0.9] };

  it('beats seasonal naive on day-ahead forecasts of series of different sizes', () => {
    const pooled = backtestPanel(new PooledGbdtForecaster(FAST), panel, plan);
    const naive = backtestPanel(createPanelForecaster('seasonal-naive'), panel, plan);
    const pooledMae = maeOf(pooled.actual, pooled.point);
    const naiveMae = maeOf(naive.actual, naive.point);
    expect(pooledMae).toBeLessThan(0.85 * naiveMae);
    let inside = 0;
    let n = 0;
    pooled.actual.forEach((a, k) => a.forEach((y, i) => {
      n++;
      if (y >= (pooled.quantiles.get(0.1) as Float64Array[])[k][i] && y <= (pooled.quantiles.get(0.9) as Float64Array[])[k][i]) inside++;
    }));
    expect(inside / n).toBeGreaterThan(0.6);
    expect(inside / n).toBeLessThan(0.97);
  });

  it('cannot see load at or after the origin', () => {
    const model = new PooledGbdtForecaster(FAST).fit(panel, origins[0]);
    const before = model.predict(panel, origins[0], 24, [0.5]);
    const changed = new LoadPanel({ ...panel.grid, ids: panel.ids, loads: panel.loads.map((l) => l.map((v, i) => (i >= origins[0] ? v * 100 : v))), exogenous: Object.fromEntries(panel.grid.exogenous), intervalMinutes: 60 });
    const after = model.predict(changed, origins[0], 24, [0.5]);
    expect(Array.from(after.point[3])).toEqual(Array.from(before.point[3]));
  });

  it('refuses a horizon beyond the minimum load lag and bad parameters', () => {
    const model = new PooledGbdtForecaster(FAST).fit(panel, origins[0]);
    expect(() => model.predict(panel, origins[0], 25, [])).toThrow(/minimum load lag/);
    expect(() => new PooledGbdtForecaster({ minLoadLagHours: 48, loadLagsHours: [24] })).toThrow(/loadLagsHours/);
  });

  it('forecasts a week ahead relative to last week as well', () => {
    const weekly = new PooledGbdtForecaster({ ...FAST, minLoadLagHours: 168, loadLagsHours: [168, 336], target: 'change-from-last-week' });
    const result = backtestPanel(weekly, panel, { origins: [origins[0]], steps: 168, levels: [0.1, 0.9] });
    const naive = backtestPanel(createPanelForecaster('seasonal-naive'), panel, { origins: [origins[0]], steps: 168, levels: [] });
    expect(result.point.every((p) => p.every((v) => Number.isFinite(v)))).toBe(true);
    expect(maeOf(result.actual, result.point)).toBeLessThan(maeOf(naive.actual, naive.point));
  });

  it('runs any registry model per series', () => {
    expect(panelForecasterNames()).toEqual(expect.arrayContaining(['pooled-gbdt', 'seasonal-naive', 'recency-mlr', 'gbdt']));
    const mlr = backtestPanel(createPanelForecaster('vanilla-mlr'), panel, { ...plan, origins: [origins[0]] });
    expect(mlr.point).toHaveLength(panel.ids.length);
    expect(mlr.point[0].every((v) => Number.isFinite(v))).toBe(true);
    expect(() => createPanelForecaster('prophet')).toThrow(/unknown forecaster prophet/);
  });
});
