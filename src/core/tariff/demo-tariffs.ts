import { NotFoundError } from '../errors.js';
import type { ChinaTier, GovernmentFund, Schedule12x24, Tariff, TariffInput } from '../schemas/tariff.js';
import { parseTariff } from './parse-tariff.js';

/**
 * Demo tariffs of a Zhejiang-like supplier. The residential ones carry the published Zhejiang
 * prices (shared data `china_zhejiang_residential_tariff/`; TOU hours 08-22 peak as commonly
 * stated, unverified). The commercial, large-industry and agricultural ones are plausible GridLens
 * demo values in the shape of the 2021 reform (NDRC 2021 No. 1093: peak >= 4x valley, critical
 * peak 20% above peak), not an official price list.
 */

const utility = 'State Grid Zhejiang Electric Power Co.';
const DEMO_SOURCE = 'GridLens demo values (Zhejiang-like, not an official price list)';

/** A 12x24 schedule from a period-of(month, hour) function; months and hours are 0-based. */
export function scheduleOf(periodOf: (month: number, hour: number) => number): Schedule12x24 {
  return Array.from({ length: 12 }, (_, month) => Array.from({ length: 24 }, (_, hour) => periodOf(month, hour)));
}

const allDay = scheduleOf(() => 0);

/** Zhejiang annual residential tiers: <= 2760 kWh, 2761-4800 kWh (+0.05), above (+0.30). */
const zhejiangResidentialTiers: ChinaTier[] = [{ maxKwh: 2760, adder: 0 }, { maxKwh: 4800, adder: 0.05 }, { adder: 0.3 }];

const funds: GovernmentFund[] = [
  { code: 'renewable_energy', nameZh: '可再生能源电价附加', nameEn: 'Renewable energy surcharge', perKwh: 0.019 },
  { code: 'water_project', nameZh: '国家重大水利工程建设基金', nameEn: 'Major water conservancy project fund', perKwh: 0.001963 },
  { code: 'reservoir_resettlement', nameZh: '大中型水库移民后期扶持资金', nameEn: 'Large and medium reservoir resettlement fund', perKwh: 0.0062 },
];

const residentialTier: TariffInput = {
  tariffId: 'ZJ-RES-TIER',
  name: 'Zhejiang residential, one household one meter, annual tiers',
  nameZh: '浙江居民生活用电（一户一表）年阶梯电价',
  utility,
  customerClass: 'residential',
  currency: 'CNY',
  source: 'shared data china_zhejiang_residential_tariff (浙江省物价局 居民阶梯电价通知)',
  energyratestructure: [[{ rate: 0.538 }]],
  energyweekdayschedule: allDay,
  energyweekendschedule: allDay,
  china: { tierAccumulation: 'annual', tiers: zhejiangResidentialTiers },
};

/** Residential peak 08:00-22:00, valley 22:00-08:00, every day. */
const residentialTouSchedule = scheduleOf((_, hour) => (hour >= 8 && hour < 22 ? 0 : 1));

const residentialTou: TariffInput = {
  ...residentialTier,
  tariffId: 'ZJ-RES-TOU',
  name: 'Zhejiang residential, one household one meter, annual tiers with peak/valley',
  nameZh: '浙江居民生活用电（一户一表）年阶梯峰谷电价',
  energyratestructure: [[{ rate: 0.568 }], [{ rate: 0.288 }]],
  energyweekdayschedule: residentialTouSchedule,
  energyweekendschedule: residentialTouSchedule,
  china: { tierAccumulation: 'annual', tiers: zhejiangResidentialTiers, periodNames: ['peak', 'valley'] },
};

/** General C&I: peak 08-11 and 13-19, flat 19-22, valley 22-08 and 11-13. Periods: peak, flat, valley. */
const generalSchedule = scheduleOf((_, hour) => {
  if (hour >= 22 || hour < 8 || hour === 11 || hour === 12) return 2;
  return hour >= 19 ? 1 : 0;
});

const generalTou: TariffInput = {
  tariffId: 'ZJ-GEN-TOU',
  name: 'Zhejiang general industrial and commercial, single-part TOU, 1-10 kV',
  nameZh: '浙江一般工商业单一制分时电价（1-10千伏）',
  utility,
  customerClass: 'commercial',
  currency: 'CNY',
  source: DEMO_SOURCE,
  // peak / valley = 1.0215 / 0.2530 = 4.04 >= 4
  energyratestructure: [[{ rate: 1.0215 }], [{ rate: 0.645 }], [{ rate: 0.253 }]],
  energyweekdayschedule: generalSchedule,
  energyweekendschedule: generalSchedule,
  china: { periodNames: ['peak', 'flat', 'valley'], powerFactor: { target: 0.85 }, governmentFunds: funds },
};

/**
 * Large industry: valley 22-08 and 11-13, flat 17-22, peak 08-11 and 13-17; in July and August the
 * peak hours 10-11 and 14-16 are critical peak on working days (weekends and statutory holidays
 * keep them peak). Periods: critical, peak, flat, valley.
 */
function largeIndustryPeriod(month: number, hour: number, workday: boolean): number {
  if (hour >= 22 || hour < 8 || hour === 11 || hour === 12) return 3;
  if (hour >= 17) return 2;
  const summer = month === 6 || month === 7;
  return summer && workday && (hour === 10 || hour === 14 || hour === 15) ? 0 : 1;
}

const largeIndustryTou: TariffInput = {
  tariffId: 'ZJ-LI-TOU',
  name: 'Zhejiang large industry, two-part TOU, 1-10 kV',
  nameZh: '浙江大工业两部制分时电价（1-10千伏）',
  utility,
  customerClass: 'industrial',
  currency: 'CNY',
  source: DEMO_SOURCE,
  // critical = 1.2 x peak; peak / valley = 1.005 / 0.245 = 4.10 >= 4
  energyratestructure: [[{ rate: 1.206 }], [{ rate: 1.005 }], [{ rate: 0.63 }], [{ rate: 0.245 }]],
  energyweekdayschedule: scheduleOf((month, hour) => largeIndustryPeriod(month, hour, true)),
  energyweekendschedule: scheduleOf((month, hour) => largeIndustryPeriod(month, hour, false)),
  china: {
    periodNames: ['critical', 'peak', 'flat', 'valley'],
    holidaysUseWeekendSchedule: true,
    capacityChargePerKvaMonth: 30,
    maxDemandChargePerKwMonth: 40,
    powerFactor: { target: 0.9 },
    governmentFunds: funds,
  },
};

const agricultural: TariffInput = {
  tariffId: 'ZJ-AGR',
  name: 'Zhejiang agricultural production, 1-10 kV',
  nameZh: '浙江农业生产用电（1-10千伏）',
  utility,
  customerClass: 'agricultural',
  currency: 'CNY',
  source: `${DEMO_SOURCE}; price treated as inclusive of funds`,
  energyratestructure: [[{ rate: 0.664 }]],
  energyweekdayschedule: allDay,
  energyweekendschedule: allDay,
  china: { powerFactor: { target: 0.8 } },
};

export const demoTariffs: Tariff[] = [residentialTier, residentialTou, generalTou, largeIndustryTou, agricultural].map((input) =>
  parseTariff(input, `demo tariff ${input.tariffId}`));

/** A demo tariff by id; throws NotFoundError. */
export function demoTariff(tariffId: string): Tariff {
  const tariff = demoTariffs.find((t) => t.tariffId === tariffId);
  if (!tariff) throw new NotFoundError('tariff', tariffId);
  return tariff;
}
