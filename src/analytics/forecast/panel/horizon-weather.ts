/**
 * The temperature a forecast issued at `origin` can use for rows [origin, origin + steps) when no
 * weather forecast is stored: each row gets the mean of the same time of day over the `days` days
 * before the origin (persistence). Rows before the origin keep their observed values.
 */
export function persistenceWeather(values: Float64Array, origin: number, steps: number, stepsPerDay: number, days = 7): Float64Array {
  const out = Float64Array.from(values);
  for (let s = 0; s < steps && origin + s < out.length; s++) {
    const slot = s % stepsPerDay;
    let sum = 0;
    let n = 0;
    for (let d = 1; d <= days; d++) {
      const v = values[origin - d * stepsPerDay + slot];
      if (v === v && origin - d * stepsPerDay + slot >= 0) {
        sum += v;
        n++;
      }
    }
    out[origin + s] = n > 0 ? sum / n : Number.NaN;
  }
  return out;
}

/** Whether every value of rows [from, to) is known. */
export function knownThrough(values: Float64Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (values[i] !== values[i]) return false;
  return to <= values.length;
}
