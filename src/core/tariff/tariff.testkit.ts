import type { Tariff, TariffInput } from '../schemas/tariff.js';
import { scheduleOf } from './demo-tariffs.js';
import { parseTariff } from './parse-tariff.js';

/** A one-period, one-tier USD tariff as written by hand; override any field. */
export function tariffInput(overrides: Partial<TariffInput> = {}): TariffInput {
  return {
    tariffId: 'T-1',
    name: 'Test tariff',
    utility: 'Test Utility',
    customerClass: 'commercial',
    currency: 'USD',
    energyratestructure: [[{ rate: 0.1 }]],
    energyweekdayschedule: scheduleOf(() => 0),
    energyweekendschedule: scheduleOf(() => 0),
    ...overrides,
  };
}

/** `tariffInput` validated. */
export const testTariff = (overrides: Partial<TariffInput> = {}): Tariff => parseTariff(tariffInput(overrides));
