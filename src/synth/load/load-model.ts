import type { Rng } from '../rng.js';
import type { ArchetypeName } from './archetypes.js';
import type { DayTable } from './day-table.js';
import type { DayTemplate } from './shapes.js';

export type Range = readonly [number, number];

/** One customer's drawn behaviour. Plain data (JSON-serialisable), kept as ground truth. */
export interface LoadParams {
  readonly archetype: ArchetypeName;
  /** Scale of the customer, kW: the model's per-unit templates are multiplied by it. */
  readonly scaleKw: number;
  readonly contractKva: number;
  /** How much later (positive) or earlier the customer's routine runs than the template. */
  readonly shiftMinutes: number;
  /** 24 multiplicative factors around 1: the customer's own version of the daily shape. */
  readonly hourlyJitter: readonly number[];
  readonly thermal: ThermalParams;
  readonly noise: NoiseParams;
  readonly habits: HabitParams;
  readonly ev?: EvParams;
  readonly pv?: PvParams;
  readonly compressors?: CompressorParams;
  readonly pump?: PumpParams;
  readonly lighting?: LightingParams;
}

/** Temperature-driven load (air conditioning, heating, chillers), kW per °C beyond the base. */
export interface ThermalParams {
  readonly coolingBaseC: number;
  readonly coolingKwPerC: number;
  readonly heatingBaseC: number;
  readonly heatingKwPerC: number;
}

export interface NoiseParams {
  /** Stationary standard deviation of the multiplicative AR(1) interval noise. */
  readonly sd: number;
  /** AR(1) coefficient per 15 minutes. */
  readonly persistence: number;
  /** Standard deviation of the day-to-day level (AR(1) over days, coefficient 0.5). */
  readonly daySd: number;
  /** Random appliance bursts: expected count per day, power (kW) and allowed hours. */
  readonly burstsPerDay: number;
  readonly burstKw: Range;
  readonly burstHours: Range;
}

export interface HabitParams {
  readonly worksSaturday: boolean;
  /** Household leaves town for the Spring Festival (common for migrant families). */
  readonly awayAtSpringFestival: boolean;
  readonly springFestival: SpringFestivalParams;
  /** Shift of school vacations against the usual dates, days. */
  readonly vacationShiftDays: number;
  /** Winter-over-summer level of the non-thermal base (lighting, water heating), ± share. */
  readonly seasonalAmplitude: number;
}

/** Spring Festival production dip, in days from lunar new year's day. */
export interface SpringFestivalParams {
  readonly rampDownDays: number;
  /** Share of normal load kept during the shutdown. */
  readonly shutdownLevel: number;
  /** Day (from lunar new year) production restarts. */
  readonly reopenDay: number;
  readonly rampBackDays: number;
}

export interface EvParams {
  readonly chargerKw: number;
  /** Probability of a charging session on a day at home. */
  readonly dailyProbability: number;
  /** Share of sessions started by a timer in the valley-price window (22:00–23:30). */
  readonly valleyShare: number;
}

export interface PvParams {
  readonly kwp: number;
  /** System performance ratio (inverter, temperature, soiling, orientation). */
  readonly performanceRatio: number;
}

export interface CompressorParams {
  readonly unitKw: number;
  readonly periodsMinutes: readonly number[];
  readonly phasesMinutes: readonly number[];
  /** Duty cycle = dutyAt0C + dutyPerC · ambient °C, limited to 0.1–0.95. */
  readonly dutyAt0C: number;
  readonly dutyPerC: number;
}

export interface PumpParams {
  readonly kw: number;
  /** Runs at night (valley price) instead of from the morning. */
  readonly nightRunner: boolean;
  readonly runHours: Range;
}

export interface LightingParams {
  readonly kw: number;
  /** Photocell threshold: lamps are on below this irradiance, W/m². */
  readonly thresholdWm2: number;
  /** Power share kept between 23:00 and 05:00 (半夜灯 dimming); 1 = no dimming. */
  readonly lateNightShare: number;
}

/** Typical values an archetype's customers are drawn around. Per-unit values scale with scaleKw. */
export interface ModelDefaults {
  readonly scaleKw: number;
  /** Log-space standard deviation of the customer scale. */
  readonly scaleSigma: number;
  /** Typical annual peak as a multiple of the scale, for sizing the contract capacity. */
  readonly peakPerUnit: number;
  readonly maxShiftMinutes: number;
  readonly jitterSd: number;
  readonly coolingBaseC: Range;
  readonly coolingPerUnit: Range;
  readonly heatingBaseC: Range;
  readonly heatingPerUnit: Range;
  readonly noiseSd: number;
  readonly noisePersistence: number;
  readonly daySd: number;
  readonly burstsPerDay: number;
  readonly burstPerUnit: Range;
  readonly burstHours: Range;
  readonly seasonalAmplitude: number;
  readonly worksSaturdayShare: number;
  readonly awayShare: number;
  readonly springFestival: { readonly rampDownDays: Range; readonly shutdownLevel: Range; readonly reopenDay: Range; readonly rampBackDays: Range };
}

/** A day's behaviour: base load per unit of scale, and when temperature-driven load may run. */
export interface DayProfile {
  readonly base: DayTemplate;
  /** 0–1 by time of day: share of the thermal load active (people present, HVAC scheduled). */
  readonly thermal: DayTemplate;
}

export type LoadExtras = Pick<LoadParams, 'ev' | 'pv' | 'compressors' | 'pump' | 'lighting'>;

/** The behaviour of one archetype; every archetype has one, picked from a registry by name. */
export interface ArchetypeModel {
  readonly defaults: ModelDefaults;
  readonly profiles: readonly DayProfile[];
  /** Index into `profiles` for local day d. */
  profileOfDay(days: DayTable, d: number, params: LoadParams): number;
  /** Multiplier of the whole day's load: seasons, vacations, holidays, Spring Festival. */
  dayFactor(days: DayTable, d: number, params: LoadParams): number;
  /** Archetype-specific equipment: EV charger, PV array, compressors, pumps, lamps. */
  drawExtras?(rng: Rng, scaleKw: number): LoadExtras;
}
