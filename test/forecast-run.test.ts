import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemo } from '../src/jobs/create-demo.js';
import { runForecast, type ForecastRunResult } from '../src/jobs/forecast.js';
import { listForecastRuns, readForecastSeries } from '../src/jobs/forecast-read.js';
import { withStore } from '../src/jobs/store.js';

const dir = mkdtempSync(join(tmpdir(), 'gridlens-forecast-'));
const config = { db: join(dir, 'store.duckdb') };
const NOW = new Date('2026-01-01T00:00:00Z');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gridlens run forecast', () => {
  let area: ForecastRunResult;
  beforeAll(async () => {
    await createDemo(config, { customers: 60, days: 45 });
    area = await runForecast(config, { scope: 'area', model: 'pooled-gbdt', now: NOW });
  }, 120_000);

  it('forecasts the next local day of every transformer area with ordered p10/p50/p90 and stores it', async () => {
    expect(area).toMatchObject({ runId: 1, scope: 'area', horizon: 'day', model: 'pooled-gbdt', timeZone: 'Asia/Shanghai', skipped: 0, weather: 'persistence' });
    expect(area.origin).toBe('2025-11-09T16:00:00.000Z'); // 2025-11-10 00:00 in Shanghai: the day after the data
    const rows = await withStore(config, (wh) => wh.query<{ n: number; series: number; bad: number; first: Date; last: Date }>(
      `SELECT count(*) AS n, count(DISTINCT series_id) AS series, count(*) FILTER (WHERE NOT (p10_kw <= p50_kw AND p50_kw <= p90_kw)) AS bad,
              min(ts) AS first, max(ts) AS last FROM forecasts WHERE run_id = 1`));
    expect(rows[0]).toMatchObject({ n: area.series * 24, series: area.series, bad: 0 });
    expect(rows[0].first.toISOString()).toBe(area.origin);
    expect(rows[0].last.getTime() - rows[0].first.getTime()).toBe(23 * 3_600_000);
  });

  it('backtests the model and seasonal naive on the same rows of the last two weeks', () => {
    const bt = area.backtest;
    expect(bt).not.toBeNull();
    expect(bt?.origins).toBe(14);
    expect(bt?.model.points).toBe(bt?.naive.points);
    expect(bt?.model.points).toBe(area.series * 14 * 24);
    for (const s of [bt?.model, bt?.naive]) {
      expect(s?.mae).toBeGreaterThan(0);
      expect(s?.rmse).toBeGreaterThanOrEqual(s?.mae as number);
      expect(s?.coverage?.observed).toBeGreaterThan(0.5);
      expect(Object.keys(s?.pinball ?? {})).toEqual(['0.1', '0.5', '0.9']);
    }
    expect(bt?.skill).toBeCloseTo(1 - (bt?.model.mae as number) / (bt?.naive.mae as number), 3);
  });

  it('auto forecasts with the backtest winner; regions, the system and 7-day horizons work', async () => {
    const auto = await runForecast(config, { scope: 'region', now: NOW });
    const winner = (auto.backtest?.naive.mae as number) <= (auto.backtest?.model.mae as number) ? 'seasonal-naive' : 'pooled-gbdt';
    expect(auto).toMatchObject({ requestedModel: 'auto', model: winner });
    const week = await runForecast(config, { scope: 'system', horizon: 'week', model: 'seasonal-naive', now: NOW });
    expect(week).toMatchObject({ series: 1, rowsWritten: 168 });
    expect(week.backtest?.origins).toBe(2);
    const runs = await listForecastRuns(config);
    expect(runs.map((r) => r.runId)).toEqual([3, 2, 1]);
  }, 60_000);

  it('shows a series with its actuals once they arrive', async () => {
    const before = await readForecastSeries(config, { scope: 'area', id: 'TA00007' });
    expect(before.points).toHaveLength(24);
    expect(before.points.every((p) => p.actual === null)).toBe(true);
    const origin = Date.parse(area.origin);
    await withStore(config, (wh) => wh.append('area_readings', {
      rowCount: 8,
      columns: { area_id: new Array(8).fill('TA00007'), ts: Float64Array.from({ length: 8 }, (_, i) => origin + i * 900_000), kwh: new Float64Array(8).fill(10), source_id: new Uint16Array(8) },
    }));
    const after = await readForecastSeries(config, { scope: 'area', id: 'TA00007', runId: 1 });
    expect(after.points.slice(0, 2).map((p) => p.actual)).toEqual([40, 40]); // 4 quarter-hours of 10 kWh = 40 kW
    expect(after.points[2].actual).toBeNull();
    expect(after.accuracy.points).toBe(2);
  });

  it('names bad input', async () => {
    await expect(runForecast(config, { scope: 'planet' as never })).rejects.toThrow(/unknown forecast scope planet/);
    await expect(runForecast(config, { model: 'prophet' })).rejects.toThrow(/unknown forecaster prophet/);
    await expect(runForecast(config, { model: 'pooled-gbdt', params: { trainDays: 1 } })).rejects.toThrow(/pooled-gbdt parameter trainDays/);
    await expect(readForecastSeries(config, { scope: 'area', id: 'NOPE' })).rejects.toThrow(/area NOPE/);
  });

  it('prints one JSON document with --json', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'forecast', 'show', '--scope', 'system', '--id', 'system', '--json', '--db', config.db]);
    const shown = JSON.parse(stdout);
    expect(shown).toMatchObject({ scope: 'system', id: 'system', unit: 'kW' });
    expect(shown.points).toHaveLength(168);
  }, 30_000);
});
