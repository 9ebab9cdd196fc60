/**
 * A climate: the monthly normals and the weather-regime parameters the weather generator draws
 * around. Monthly tables are January first.
 */
export interface Climate {
  readonly name: string;
  readonly latitudeDeg: number;
  readonly longitudeDeg: number;
  /** Monthly mean air temperature, °C. */
  readonly monthlyMeanC: readonly number[];
  /** Mean daily temperature range (daily max − daily min), °C. */
  readonly monthlyDiurnalRangeC: readonly number[];
  /** Standard deviation of the day-to-day anomaly of the daily mean, °C. */
  readonly monthlyAnomalySdC: readonly number[];
  /** Day-to-day persistence of the anomaly (AR(1) coefficient, 0–1). */
  readonly anomalyPersistence: number;
  /** Mean total cloud cover, 0 (clear) to 1 (overcast). */
  readonly monthlyCloudCover: readonly number[];
  /** Mean relative humidity, %. */
  readonly monthlyHumidityPct: readonly number[];
  /** Local hours of the usual daily minimum and maximum temperature. */
  readonly hourOfMinimum: number;
  readonly hourOfMaximum: number;
  /** Multi-day warm spells (positive amplitude) and cold waves (negative amplitude). */
  readonly spells: readonly WeatherSpell[];
  /** A rainy season with persistent cloud (East Asian plum rain, 梅雨), if any. */
  readonly rainySeason?: RainySeason;
}

export interface WeatherSpell {
  readonly kind: 'heat_wave' | 'cold_wave';
  /** Months (1–12) in which a spell may start. */
  readonly months: readonly number[];
  /** Expected number of spells starting per listed month. */
  readonly startsPerMonth: number;
  /** Anomaly of the daily mean at full strength, °C: [min, max]. */
  readonly amplitudeC: readonly [number, number];
  /** Length in days: [min, max]. */
  readonly days: readonly [number, number];
  /** Cloud cover forced during the spell (heat waves come with clear subtropical-high skies). */
  readonly cloudCover?: number;
}

export interface RainySeason {
  /** Day of year (1-based) of the usual onset and end. */
  readonly startDayOfYear: number;
  readonly endDayOfYear: number;
  /** Year-to-year jitter of onset and end, days. */
  readonly jitterDays: number;
  readonly cloudCover: number;
}

/**
 * Hangzhou (杭州, 30.3°N 120.2°E), humid subtropical. Temperatures follow the 1991–2020 normals
 * to the nearest few tenths; ranges, humidity and cloud are rounded from the same normals
 * (sunshine ~1,700 h a year, cloudiest in June's plum rain, clearest in July–August).
 */
export const hangzhouClimate: Climate = {
  name: 'Hangzhou',
  latitudeDeg: 30.3,
  longitudeDeg: 120.2,
  monthlyMeanC: [4.6, 6.8, 10.8, 16.9, 21.9, 25.3, 29.1, 28.4, 24.2, 18.6, 12.5, 6.6],
  monthlyDiurnalRangeC: [7.3, 7.8, 8.4, 8.8, 8.7, 7.2, 7.9, 7.6, 7.6, 8.4, 8.4, 7.9],
  monthlyAnomalySdC: [2.6, 2.6, 2.5, 2.2, 1.8, 1.4, 1.3, 1.3, 1.6, 2.0, 2.4, 2.6],
  anomalyPersistence: 0.75,
  monthlyCloudCover: [0.64, 0.68, 0.68, 0.64, 0.63, 0.72, 0.5, 0.52, 0.58, 0.55, 0.58, 0.58],
  monthlyHumidityPct: [76, 75, 74, 72, 72, 79, 73, 75, 77, 74, 75, 73],
  hourOfMinimum: 5,
  hourOfMaximum: 14,
  spells: [
    { kind: 'heat_wave', months: [7, 8], startsPerMonth: 0.6, amplitudeC: [2.5, 4.5], days: [5, 12], cloudCover: 0.25 },
    { kind: 'cold_wave', months: [11, 12, 1, 2, 3], startsPerMonth: 0.7, amplitudeC: [-7, -3.5], days: [3, 7] },
  ],
  rainySeason: { startDayOfYear: 166, endDayOfYear: 189, jitterDays: 7, cloudCover: 0.86 },
};
