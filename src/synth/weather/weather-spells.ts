import type { Rng } from '../rng.js';
import type { WeatherSpell } from './climate.js';
import { daysInMonth } from './climate-curve.js';

/** Daily effect of heat waves and cold waves over a run of days. */
export interface SpellSeries {
  /** Anomaly of the daily mean, °C. */
  readonly anomalyC: Float64Array;
  /** 0–1: how strongly a spell imposes its own cloud cover. */
  readonly cloudWeight: Float64Array;
  readonly cloudTarget: Float64Array;
}

/**
 * Spells start at random (a Poisson rate per listed month) and do not overlap a spell of the same
 * kind. Heat waves build and fade over two days; cold waves arrive in a day and recover linearly.
 */
export function simulateSpells(spells: readonly WeatherSpell[], rng: Rng, firstEpochDay: number, dayCount: number): SpellSeries {
  const out: SpellSeries = {
    anomalyC: new Float64Array(dayCount),
    cloudWeight: new Float64Array(dayCount),
    cloudTarget: new Float64Array(dayCount),
  };
  const busyUntil = spells.map(() => -1);
  for (let i = 0; i < dayCount; i++) {
    const date = new Date((firstEpochDay + i) * 86_400_000);
    const month = date.getUTCMonth();
    const startChance = 1 / daysInMonth(date.getUTCFullYear(), month);
    spells.forEach((spell, s) => {
      if (i <= busyUntil[s] || !spell.months.includes(month + 1)) return;
      if (!rng.chance(spell.startsPerMonth * startChance)) return;
      const length = rng.int(spell.days[0], spell.days[1]);
      addSpell(out, spell, i, length, rng.uniform(spell.amplitudeC[0], spell.amplitudeC[1]));
      busyUntil[s] = i + length - 1;
    });
  }
  return out;
}

function addSpell(out: SpellSeries, spell: WeatherSpell, first: number, length: number, amplitude: number): void {
  for (let k = 0; k < length && first + k < out.anomalyC.length; k++) {
    const w = spellWeight(spell.kind, k, length);
    out.anomalyC[first + k] += amplitude * w;
    if (spell.cloudCover !== undefined) {
      out.cloudWeight[first + k] = w;
      out.cloudTarget[first + k] = spell.cloudCover;
    }
  }
}

export function spellWeight(kind: WeatherSpell['kind'], day: number, length: number): number {
  if (kind === 'cold_wave') return (length - day) / length;
  return Math.min(1, (day + 1) / 2, (length - day) / 2);
}
