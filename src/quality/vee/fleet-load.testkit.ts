import { DayKind, WorkCalendar } from '../../core/time/index.js';
import { Rng } from '../../synth/rng.js';
import type { MeterClass } from './meter-series.js';

/**
 * A plausible load for VEE tests, built here because the real load models are elsewhere: a daily
 * shape per meter class (residential morning and evening peaks, shop and office hours, factory
 * shifts with shift-change dips, irrigation pumps, street lighting), weekday/weekend/holiday and
 * seasonal effects, a day-level AR(1) factor, per-day timing jitter, multiplicative AR(1) interval
 * noise and household appliance bursts. kWh per interval with 1 Wh resolution.
 */
export interface PlausibleMeter {
  readonly meterClass: MeterClass;
  readonly load: Float64Array;
  readonly contractKva: number;
}

interface DayShape {
  /** kW at local hour h (fractional) of a day of the given kind, season in [0, 1]. */
  kw(h: number, kind: DayKind, cooling: number, heating: number, dayIndex: number): number;
  readonly noiseSd: number;
  readonly persistence: number;
  readonly daySd: number;
  readonly jitterHours: number;
  readonly burstsPerDay: number;
  readonly contractKva: number;
}

const calendar = new WorkCalendar();
const bump = (h: number, at: number, width: number) => Math.exp(-((h - at) ** 2) / (2 * width * width));
const step = (h: number, at: number, width = 0.25) => 1 / (1 + Math.exp(-(h - at) / width));

export const fleetMix: readonly [MeterClass, number][] = [['residential', 0.7], ['commercial', 0.12], ['industrial', 0.08], ['agricultural', 0.05], ['public', 0.05]];

export function pickClass(rng: Rng): MeterClass {
  return fleetMix[rng.weightedIndex(fleetMix.map(([, w]) => w))][0];
}

export function plausibleMeter(seed: number, meterClass: MeterClass, firstEpochDay: number, days: number, stepsPerDay: number): PlausibleMeter {
  const rng = new Rng(seed, 'vee-fleet', meterClass);
  const shape = shapes[meterClass](rng);
  const load = new Float64Array(days * stepsPerDay);
  const stepHours = 24 / stepsPerDay;
  const phi = Math.pow(shape.persistence, stepHours * 4);
  let noise = 0;
  let dayLevel = 0;
  for (let d = 0; d < days; d++) {
    const epochDay = firstEpochDay + d;
    const kind = calendar.dayKind(epochDay);
    const doy = ((epochDay % 365) + 365) % 365;
    const cooling = Math.max(0, Math.cos((2 * Math.PI * (doy - 200)) / 365)) ** 2;
    const heating = Math.max(0, Math.cos((2 * Math.PI * (doy - 15)) / 365)) ** 2;
    dayLevel = 0.5 * dayLevel + Math.sqrt(0.75) * rng.normal(0, shape.daySd);
    const jitter = rng.uniform(-shape.jitterHours, shape.jitterHours);
    for (let s = 0; s < stepsPerDay; s++) {
      noise = phi * noise + Math.sqrt(1 - phi * phi) * rng.normal(0, shape.noiseSd);
      const kw = shape.kw(s * stepHours + stepHours / 2 - jitter, kind, cooling, heating, d);
      load[d * stepsPerDay + s] = kw * Math.exp(dayLevel + noise - shape.noiseSd ** 2 / 2) * stepHours;
    }
    addBursts(rng, shape, load, d, stepsPerDay, kind);
  }
  for (let i = 0; i < load.length; i++) load[i] = Math.round(load[i] * 1000) / 1000;
  return { meterClass, load, contractKva: shape.contractKva };
}

function addBursts(rng: Rng, shape: DayShape, load: Float64Array, d: number, stepsPerDay: number, kind: DayKind): void {
  const count = rng.poisson(shape.burstsPerDay * (kind === DayKind.workday ? 1 : 1.3));
  for (let b = 0; b < count; b++) {
    const slot = Math.min(stepsPerDay - 1, Math.floor((rng.uniform(6.5, 23) / 24) * stepsPerDay));
    load[d * stepsPerDay + slot] += rng.uniform(1, 3) * Math.min(24 / stepsPerDay, rng.uniform(5, 30) / 60);
  }
}

const shapes: Record<MeterClass, (rng: Rng) => DayShape> = {
  residential: (rng) => {
    const base = rng.uniform(0.12, 0.35);
    const morning = rng.uniform(0.3, 0.8);
    const evening = rng.uniform(0.7, 1.5);
    const away = rng.chance(0.1);
    return {
      kw: (h, kind, cooling, heating) => {
        const off = kind !== DayKind.workday;
        const level = kind === DayKind.holiday && away ? 0.3 : 1;
        const am = off ? morning * 0.8 * bump(h, 9, 1.5) : morning * bump(h, 7.25, 0.8);
        const midday = off ? 0.3 * evening * bump(h, 13, 2) : 0;
        return level * (base + am + midday + evening * (1 + 1.2 * cooling + 0.6 * heating) * bump(h, 20, 1.6));
      },
      noiseSd: 0.25, persistence: 0.6, daySd: 0.12, jitterHours: 0.5, burstsPerDay: 1.2, contractKva: 8,
    };
  },
  commercial: (rng) => {
    const open = rng.uniform(5, 60);
    const office = rng.chance(0.5);
    const [from, to] = office ? [8.5, 18] : [9, 21.5];
    return {
      kw: (h, kind, cooling) => {
        const factor = kind === DayKind.workday ? 1 : kind === DayKind.weekend ? (office ? 0.3 : 1.15) : office ? 0.2 : 1.25;
        const hours = step(h, from) * (1 - step(h, to));
        return open * (0.15 + factor * hours * (0.85 + 0.6 * cooling));
      },
      noiseSd: 0.07, persistence: 0.8, daySd: 0.05, jitterHours: 0.1, burstsPerDay: 0, contractKva: Math.ceil(open * 2),
    };
  },
  industrial: (rng) => {
    const level = rng.uniform(100, 1500);
    const shifts = rng.pick([1, 2, 3]);
    return {
      kw: (h, kind) => {
        const working = kind === DayKind.workday ? 1 : kind === DayKind.weekend ? (shifts === 3 ? 0.9 : 0.3) : 0.15;
        const dips = 1 - 0.2 * (bump(h, 8, 0.3) + bump(h, 16, 0.3) + (shifts === 3 ? bump(h, 0, 0.3) + bump(h, 24, 0.3) : 0));
        const hours = shifts === 3 ? 1 : step(h, 7.75) * (1 - step(h, shifts === 1 ? 17.25 : 23.5));
        return level * (0.12 + 0.88 * working * hours * dips);
      },
      noiseSd: 0.06, persistence: 0.85, daySd: 0.04, jitterHours: 0, burstsPerDay: 0, contractKva: Math.ceil(level * 1.6),
    };
  },
  agricultural: (rng) => {
    const pump = rng.uniform(5, 30);
    const start = rng.uniform(5, 8);
    return {
      kw: (h, _kind, cooling, _heating, dayIndex) => {
        // Irrigation season, plus about one off-season day in 13 (livestock water, frost protection).
        const season = cooling > 0.2 || (dayIndex * 7919) % 13 === 0 ? 1 : 0;
        return pump * season * (step(h, start, 0.05) * (1 - step(h, start + 4, 0.05)) + step(h, start + 10, 0.05) * (1 - step(h, start + 13, 0.05)));
      },
      noiseSd: 0.03, persistence: 0.9, daySd: 0.02, jitterHours: 0.25, burstsPerDay: 0, contractKva: Math.ceil(pump * 1.5),
    };
  },
  public: (rng) => {
    const lamps = rng.uniform(2, 20);
    return {
      kw: (h, _kind, cooling, heating) => {
        const dusk = 18.5 + 1.2 * cooling - 1.2 * heating;
        const dawn = 5.8 - 0.8 * cooling + 1.2 * heating;
        return 0.02 * lamps + lamps * (step(h, dusk, 0.1) + 1 - step(h, dawn, 0.1));
      },
      noiseSd: 0.01, persistence: 0.9, daySd: 0.01, jitterHours: 0.05, burstsPerDay: 0, contractKva: Math.ceil(lamps * 1.5),
    };
  },
};
