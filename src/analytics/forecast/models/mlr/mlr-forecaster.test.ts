import { describe, expect, it } from 'vitest';
import { ChinaHolidayCalendar } from '../../calendar/china-holiday-calendar.js';
import { holidaysOn, rmseOf, syntheticSeries, type SyntheticRow } from '../../forecast.testkit.js';
import { MlrForecaster } from './mlr-forecaster.js';
import { RECENCY_DEFAULTS } from './mlr-params.js';

const DAYS = 7 * 30;
const TEST = 7 * 24;

function fitAndForecast(model: MlrForecaster, load: (row: SyntheticRow) => number, holidays = holidaysOn([])) {
  const series = syntheticSeries({ days: DAYS, load, holidays });
  const split = series.length - TEST;
  model.fit(series.slice(0, split));
  const forecast = model.predict(series, { origin: series.timestamps[split], steps: TEST, quantiles: [0.1, 0.5, 0.9] });
  return { forecast, actual: series.load.subarray(split) };
}

/** A load inside the vanilla model's span: weekday × hour profile and a cubic in temperature. */
const vanillaLoad = ({ hour, weekday, temperature, row }: SyntheticRow) => {
  const t = temperature[row];
  return 100 + 10 * Math.sin(hour / 3) + 4 * weekday + 0.8 * t - 0.05 * t * t + 0.001 * t * t * t;
};

/** A load driven by the temperature two hours ago, yesterday's mean temperature and holidays. */
const HOLIDAYS = ['2021-02-15', '2021-04-05', '2021-05-31', '2021-07-05'];
const recencyLoad = (row: SyntheticRow) => {
  const { temperature: t, row: r, hour, weekday, day } = row;
  const lagged = r >= 2 ? t[r - 2] : t[r];
  const start = Math.max(0, r - hour - 24);
  let sum = 0;
  for (let k = start; k < start + 24; k++) sum += t[k];
  const holiday = holidaysOn(HOLIDAYS).holiday(day) ? -12 : 0;
  return 100 + 10 * Math.sin(hour / 3) + 4 * weekday + 1.5 * lagged + 0.5 * (r >= 24 + hour ? sum / 24 : t[r]) + holiday;
};

describe('MlrForecaster', () => {
  it('vanilla-mlr recovers a load inside its span exactly, with tight intervals', () => {
    const { forecast, actual } = fitAndForecast(new MlrForecaster('vanilla-mlr'), vanillaLoad);
    expect(rmseOf(forecast.point, actual)).toBeLessThan(1e-3); // the 1e-7 ridge leaves a bias of about 1e-5 on a load of 100
    expect(Math.abs((forecast.quantiles.get(0.9)?.[0] ?? 0) - forecast.point[0])).toBeLessThan(1e-3);
  });

  it('recency-mlr captures lagged temperatures and holidays that vanilla-mlr cannot', () => {
    const holidays = holidaysOn(HOLIDAYS);
    const recency = fitAndForecast(new MlrForecaster('recency-mlr', RECENCY_DEFAULTS), recencyLoad, holidays);
    const vanilla = fitAndForecast(new MlrForecaster('vanilla-mlr'), recencyLoad, holidays);
    expect(rmseOf(recency.forecast.point, recency.actual)).toBeLessThan(1e-3);
    expect(rmseOf(vanilla.forecast.point, vanilla.actual)).toBeGreaterThan(0.1);
  });

  it('gives a make-up working day (调休) the profile of a working day', () => {
    const china = new ChinaHolidayCalendar();
    const load = ({ day, weekday, hour }: SyntheticRow) => {
      const off = china.holiday(day) !== undefined || ((weekday === 0 || weekday === 6) && !china.isMakeupWorkday(day));
      return 50 + 5 * Math.sin(hour / 4) - (off ? 20 : 0);
    };
    const series = syntheticSeries({ start: Date.UTC(2023, 0, 2), days: 7 * 57, load, holidays: china });
    const origin = Date.UTC(2024, 0, 29);
    const split = series.requireIndex(origin);
    const model = new MlrForecaster('recency-mlr', { ...RECENCY_DEFAULTS, temperatureLagsHours: [], temperatureDailyMeans: [] }).fit(series.slice(0, split));
    const forecast = model.predict(series, { origin, steps: 7 * 24 });
    const sunday = 6 * 24; // 2024-02-04, a Sunday worked for the Spring Festival
    expect(rmseOf(forecast.point.subarray(sunday, sunday + 24), series.load.subarray(split + sunday, split + sunday + 24))).toBeLessThan(0.5);
  });

  it('needs its temperature column and enough rows', () => {
    const series = syntheticSeries({ days: 3 });
    expect(() => new MlrForecaster('vanilla-mlr').fit(series)).toThrow(/INSUFFICIENT|coverage/);
    expect(() => new MlrForecaster('vanilla-mlr', { temperature: 'dry_bulb' }).fit(syntheticSeries({ days: 60 }))).toThrow(/no column dry_bulb/);
  });
});
