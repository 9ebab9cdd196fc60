import { MS_PER_DAY, MS_PER_HOUR } from '../../core/time/index.js';

/**
 * Sun position and clear-sky irradiance (NOAA solar equations; Haurwitz clear-sky model).
 * Accurate to a few minutes of time, which is far below what interval load data can resolve.
 */

const DEG = Math.PI / 180;

/** Cosine of the solar zenith angle at a UTC instant and place (negative when the sun is down). */
export function cosSolarZenith(utcMs: number, latitudeDeg: number, longitudeDeg: number): number {
  const dayStart = Math.floor(utcMs / MS_PER_DAY) * MS_PER_DAY;
  const hourUtc = (utcMs - dayStart) / MS_PER_HOUR;
  const year = new Date(dayStart).getUTCFullYear();
  const dayOfYear = (dayStart - Date.UTC(year, 0, 1)) / MS_PER_DAY + 1;
  const gamma = ((2 * Math.PI) / 365) * (dayOfYear - 1 + (hourUtc - 12) / 24);
  const declination = solarDeclination(gamma);
  const trueSolarMinutes = hourUtc * 60 + equationOfTimeMinutes(gamma) + 4 * longitudeDeg;
  const hourAngle = (trueSolarMinutes / 4 - 180) * DEG;
  const lat = latitudeDeg * DEG;
  return Math.sin(lat) * Math.sin(declination) + Math.cos(lat) * Math.cos(declination) * Math.cos(hourAngle);
}

/** Solar declination in radians for the fractional-year angle gamma. */
export function solarDeclination(gamma: number): number {
  return 0.006918 - 0.399912 * Math.cos(gamma) + 0.070257 * Math.sin(gamma) - 0.006758 * Math.cos(2 * gamma)
    + 0.000907 * Math.sin(2 * gamma) - 0.002697 * Math.cos(3 * gamma) + 0.00148 * Math.sin(3 * gamma);
}

/** Equation of time in minutes for the fractional-year angle gamma. */
export function equationOfTimeMinutes(gamma: number): number {
  return 229.18 * (0.000075 + 0.001868 * Math.cos(gamma) - 0.032077 * Math.sin(gamma)
    - 0.014615 * Math.cos(2 * gamma) - 0.040849 * Math.sin(2 * gamma));
}

/** Clear-sky global horizontal irradiance, W/m² (Haurwitz 1945). */
export function clearSkyGhi(cosZenith: number): number {
  if (cosZenith <= 0.01) return 0;
  return 1098 * cosZenith * Math.exp(-0.057 / cosZenith);
}
