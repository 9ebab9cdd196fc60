import { z } from 'zod';
import { CustomerType } from './customer.js';

/**
 * A tariff (电价方案). The rate fields keep their OpenEI URDB names and meaning (DOMAIN.md section 3)
 * so URDB records map one to one; GridLens adds identity fields and a `china` block for what URDB
 * cannot say (annual tiers, named TOU periods, holidays, basic charges, power factor, funds).
 *
 * Money is in `currency` whatever the URDB unit strings say: `'$/month'` on a CNY tariff means
 * CNY per month. Cross-field rules (schedules referencing existing periods, tier order) are checked
 * by `parseTariff` in `core/tariff`.
 */

export const tariffCurrencies = ['CNY', 'USD', 'EUR', 'HKD'] as const;
export const TariffCurrency = z.enum(tariffCurrencies);
export type TariffCurrency = z.infer<typeof TariffCurrency>;

/** Customer class of a tariff; the same classes as customers. */
export const CustomerClass = CustomerType;
export type CustomerClass = z.infer<typeof CustomerClass>;

/** One tier of an energy rate, `energyratestructure[period][tier]`; the price is `rate + adj`. */
export const EnergyRateTier = z.object({
  /** Cumulative upper bound of the tier in kWh per month (`unit` 'kWh') or per day ('kWh daily'); absent = unbounded. */
  max: z.number().positive().optional(),
  /** Price per kWh. */
  rate: z.number(),
  /** Adjustment (riders, fuel) added to `rate`. */
  adj: z.number().optional(),
  unit: z.enum(['kWh', 'kWh daily']).optional(),
  /** Export (sell-back) price; carried, not billed (net metering is not modelled). */
  sell: z.number().optional(),
});
export type EnergyRateTier = z.infer<typeof EnergyRateTier>;

/** One tier of a demand rate; `max` is the cumulative kW bound of the tier. */
export const DemandRateTier = z.object({
  max: z.number().positive().optional(),
  rate: z.number(),
  adj: z.number().optional(),
});
export type DemandRateTier = z.infer<typeof DemandRateTier>;

const energyRateStructure = z.array(z.array(EnergyRateTier).min(1)).min(1);
const demandRateStructure = z.array(z.array(DemandRateTier).min(1)).min(1);

/** 12 months x 24 local hours of period indexes. */
export const Schedule12x24 = z.array(z.array(z.number().int().nonnegative()).length(24)).length(12);
export type Schedule12x24 = z.infer<typeof Schedule12x24>;

/** A China tier: cumulative upper bound (per tier year or month) and the price added in it. */
export const ChinaTier = z.object({
  /** Cumulative kWh upper bound (inclusive); absent on the last tier. Zhejiang: 2760, 4800. */
  maxKwh: z.number().positive().optional(),
  /** Added to every period price inside this tier (0 for tier 1, +0.05, +0.30 nationally). */
  adder: z.number(),
});
export type ChinaTier = z.infer<typeof ChinaTier>;

/**
 * Power-factor adjustment (功率因数调整电费). The official table is simplified to straight lines:
 * `penaltyPercentPer001` % surcharge per 0.01 below target (the table's steeper 1% and 2% steps
 * far below target are not modelled) and `creditPercentPer001` % discount per 0.01 above it, up
 * to `maxCreditPercent`. Defaults per target are in `power-factor.ts`.
 */
export const PowerFactorRule = z.object({
  target: z.union([z.literal(0.9), z.literal(0.85), z.literal(0.8)]),
  penaltyPercentPer001: z.number().nonnegative().optional(),
  creditPercentPer001: z.number().nonnegative().optional(),
  maxCreditPercent: z.number().nonnegative().optional(),
});
export type PowerFactorRule = z.infer<typeof PowerFactorRule>;

/** A government fund or surcharge (政府性基金及附加) billed per kWh. */
export const GovernmentFund = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower_snake_case code'),
  nameZh: z.string().min(1),
  nameEn: z.string().min(1),
  perKwh: z.number().nonnegative(),
});
export type GovernmentFund = z.infer<typeof GovernmentFund>;

/** Period name such as `critical`, `peak`, `flat`, `valley`, `deep_valley`. */
export const PeriodName = z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower_snake_case period name');

export const ChinaTariffExtension = z.object({
  /** `annual`: tiers checked on the calendar year's cumulative kWh at each bill; `monthly`: on the bill's kWh. */
  tierAccumulation: z.enum(['monthly', 'annual']).default('monthly'),
  /** Tiers with adders; when present every energy period has one base price (no URDB `max`). */
  tiers: z.array(ChinaTier).min(2).optional(),
  /** Names of the energy periods, index i naming `energyratestructure[i]`. */
  periodNames: z.array(PeriodName).optional(),
  /** Statutory holidays take the weekend schedule and make-up working days the weekday one. */
  holidaysUseWeekendSchedule: z.boolean().default(false),
  /** Basic charge on contract capacity, per kVA-month (容量电费). */
  capacityChargePerKvaMonth: z.number().nonnegative().optional(),
  /** Basic charge on the month's maximum demand, per kW-month (需量电费). */
  maxDemandChargePerKwMonth: z.number().nonnegative().optional(),
  powerFactor: PowerFactorRule.optional(),
  governmentFunds: z.array(GovernmentFund).default([]),
});
export type ChinaTariffExtension = z.infer<typeof ChinaTariffExtension>;

export const Tariff = z.object({
  tariffId: z.string().min(1),
  name: z.string().min(1),
  nameZh: z.string().min(1).optional(),
  utility: z.string().min(1),
  customerClass: CustomerClass,
  currency: TariffCurrency,
  /** Where the record came from (file, URL). */
  source: z.string().optional(),
  /** URDB provenance: record id, page, validity (unix seconds). */
  label: z.string().optional(),
  uri: z.string().optional(),
  startdate: z.number().optional(),
  enddate: z.number().optional(),

  energyratestructure: energyRateStructure,
  energyweekdayschedule: Schedule12x24,
  energyweekendschedule: Schedule12x24,
  demandratestructure: demandRateStructure.optional(),
  demandweekdayschedule: Schedule12x24.optional(),
  demandweekendschedule: Schedule12x24.optional(),
  flatdemandstructure: demandRateStructure.optional(),
  /** Per month, the index into `flatdemandstructure`. */
  flatdemandmonths: z.array(z.number().int().nonnegative()).length(12).optional(),
  fixedchargefirstmeter: z.number().nonnegative().optional(),
  fixedchargeunits: z.enum(['$/month', '$/day']).optional(),
  fixedmonthlycharge: z.number().nonnegative().optional(),
  mincharge: z.number().nonnegative().optional(),
  minchargeunits: z.enum(['$/month', '$/day']).optional(),
  /** Per month, fraction (0..1) of the look-back peak that bills as flat demand at least. */
  demandratchetpercentage: z.array(z.number().min(0).max(1)).length(12).optional(),
  /** Cost-relevant URDB fields present in the source but not billed by GridLens. */
  ignoredUrdbFields: z.array(z.string()).optional(),

  china: ChinaTariffExtension.optional(),
});
export type Tariff = z.infer<typeof Tariff>;
/** A tariff as written by hand, before defaults are applied. */
export type TariffInput = z.input<typeof Tariff>;
