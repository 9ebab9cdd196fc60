import { describe, expect, it } from 'vitest';
import { clearSkyGhi, cosSolarZenith } from './solar-geometry.js';

const lat = 30.3;
const lon = 120.2;
const DEG = Math.PI / 180;

/** The UTC instant of the highest sun on a date, searched minute by minute. */
function solarNoonUtcMs(isoDate: string): number {
  const day = Date.parse(`${isoDate}T00:00:00Z`);
  let best = day;
  for (let m = 0; m < 1440; m++) {
    if (cosSolarZenith(day + m * 60_000, lat, lon) > cosSolarZenith(best, lat, lon)) best = day + m * 60_000;
  }
  return best;
}

describe('solar geometry at Hangzhou', () => {
  it('puts solar noon near 12:00 Beijing time (04:00 UTC) within the equation of time', () => {
    for (const date of ['2024-02-11', '2024-03-20', '2024-11-03']) {
      const minutesUtc = (solarNoonUtcMs(date) - Date.parse(`${date}T00:00:00Z`)) / 60_000;
      expect(Math.abs(minutesUtc - 240)).toBeLessThan(18);
    }
  });

  it('reaches the noon elevations of the solstices', () => {
    const summer = Math.acos(cosSolarZenith(solarNoonUtcMs('2024-06-21'), lat, lon)) / DEG;
    const winter = Math.acos(cosSolarZenith(solarNoonUtcMs('2024-12-21'), lat, lon)) / DEG;
    expect(summer).toBeCloseTo(lat - 23.44, 0);
    expect(winter).toBeCloseTo(lat + 23.44, 0);
  });

  it('gives no clear-sky irradiance below the horizon and ~1,000 W/m² under a high sun', () => {
    expect(clearSkyGhi(-0.3)).toBe(0);
    expect(clearSkyGhi(0.99)).toBeGreaterThan(950);
    expect(clearSkyGhi(0.99)).toBeLessThan(1100);
    expect(clearSkyGhi(0.5)).toBeLessThan(clearSkyGhi(0.8));
  });
});
