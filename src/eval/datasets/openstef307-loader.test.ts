import { expect, it } from 'vitest';
import { loadOpenstef307 } from './openstef307-loader.js';
import { describeWithData, SHARED_DATA_ROOT } from './shared-data.testkit.js';

describeWithData('openstef_substation_307', 'loadOpenstef307', () => {
  it('joins train and test on one 15-minute grid and aligns OpenSTEF\'s forecast', async () => {
    const data = await loadOpenstef307(SHARED_DATA_ROOT);
    const { series } = data;
    expect(series.intervalMinutes).toBe(15);
    expect(series.timeZone).toBe('Europe/Amsterdam');
    expect(data.testStart).toBe(Date.parse('2020-10-31T00:45:00Z'));
    expect(series.length - series.requireIndex(data.testStart)).toBe(2878);
    expect(data.openstefForecast).toHaveLength(2878);
    expect(data.exogenous).toContain('windspeed_100m');
    expect(series.countKnownLoad()).toBe(7393 + 2878);
  });
});
