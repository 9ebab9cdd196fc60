import type { Rng } from '../rng.js';
import { archetypeInfo, type ArchetypeName } from './archetypes.js';
import type { HabitParams, LoadParams, ModelDefaults, NoiseParams, Range, ThermalParams } from './load-model.js';
import { loadModels } from './load-models.js';
import { standardCapacity } from './shapes.js';

/** Power factor assumed when sizing contract capacity from expected peak kW. */
const POWER_FACTOR = 0.9;

/** Draws one customer's behaviour for an archetype: size, routine, thermal response, equipment. */
export function drawLoadParams(archetype: ArchetypeName, rng: Rng): LoadParams {
  const defaults = loadModels[archetype].defaults;
  const scaleKw = rng.logNormal(defaults.scaleKw, defaults.scaleSigma);
  const headroom = rng.uniform(1.2, 1.8);
  return {
    archetype,
    scaleKw,
    contractKva: standardCapacity((scaleKw * defaults.peakPerUnit * headroom) / POWER_FACTOR, archetypeInfo(archetype).contractKva),
    shiftMinutes: Math.round(rng.uniform(-defaults.maxShiftMinutes, defaults.maxShiftMinutes)),
    hourlyJitter: Array.from({ length: 24 }, () => Math.min(1.5, Math.max(0.5, 1 + rng.normal(0, defaults.jitterSd)))),
    thermal: drawThermal(defaults, scaleKw, rng),
    noise: drawNoise(defaults, scaleKw, rng),
    habits: drawHabits(defaults, rng),
    ...loadModels[archetype].drawExtras?.(rng, scaleKw),
  };
}

function drawThermal(defaults: ModelDefaults, scaleKw: number, rng: Rng): ThermalParams {
  return {
    coolingBaseC: within(defaults.coolingBaseC, rng),
    coolingKwPerC: within(defaults.coolingPerUnit, rng) * scaleKw,
    heatingBaseC: within(defaults.heatingBaseC, rng),
    heatingKwPerC: within(defaults.heatingPerUnit, rng) * scaleKw,
  };
}

function drawNoise(defaults: ModelDefaults, scaleKw: number, rng: Rng): NoiseParams {
  return {
    sd: defaults.noiseSd * rng.uniform(0.8, 1.2),
    persistence: defaults.noisePersistence,
    daySd: defaults.daySd * rng.uniform(0.8, 1.2),
    burstsPerDay: defaults.burstsPerDay * rng.uniform(0.5, 1.5),
    burstKw: [defaults.burstPerUnit[0] * scaleKw, defaults.burstPerUnit[1] * scaleKw],
    burstHours: defaults.burstHours,
  };
}

function drawHabits(defaults: ModelDefaults, rng: Rng): HabitParams {
  const sf = defaults.springFestival;
  return {
    worksSaturday: rng.chance(defaults.worksSaturdayShare),
    awayAtSpringFestival: rng.chance(defaults.awayShare),
    springFestival: {
      rampDownDays: rng.int(sf.rampDownDays[0], sf.rampDownDays[1]),
      shutdownLevel: within(sf.shutdownLevel, rng),
      reopenDay: rng.int(sf.reopenDay[0], sf.reopenDay[1]),
      rampBackDays: rng.int(sf.rampBackDays[0], sf.rampBackDays[1]),
    },
    vacationShiftDays: rng.int(-3, 3),
    seasonalAmplitude: defaults.seasonalAmplitude * rng.uniform(0.5, 1.5),
  };
}

function within(range: Range, rng: Rng): number {
  return rng.uniform(range[0], range[1]);
}
