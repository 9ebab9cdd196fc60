import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { scheduleOf } from './demo-tariffs.js';
import { formatPath, parseTariff } from './parse-tariff.js';
import { tariffInput } from './tariff.testkit.js';

const messageOf = (json: unknown): string => {
  try {
    parseTariff(json, 'test.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).message;
  }
  throw new Error('expected parseTariff to throw');
};

describe('formatPath', () => {
  it('writes indexes in brackets and keys with dots', () => {
    expect(formatPath(['energyratestructure', 0, 0, 'rate'])).toBe('energyratestructure[0][0].rate');
    expect(formatPath(['china', 'tiers', 1, 'maxKwh'])).toBe('china.tiers[1].maxKwh');
    expect(formatPath([])).toBe('(root)');
  });
});

describe('parseTariff', () => {
  it('accepts a valid tariff, applies defaults and records the source', () => {
    const tariff = parseTariff(tariffInput({ china: {} }), 'test.json');
    expect(tariff.china?.tierAccumulation).toBe('monthly');
    expect(tariff.china?.governmentFunds).toEqual([]);
    expect(tariff.source).toBe('test.json');
  });

  it('names a missing rate as required', () => {
    expect(messageOf(tariffInput({ energyratestructure: [[{ max: 100 } as never, { rate: 0.2 }]] })))
      .toBe('invalid tariff test.json: energyratestructure[0][0].rate: required');
  });

  it('names schedule entries referencing a missing period', () => {
    const schedule = scheduleOf((_, hour) => (hour === 5 ? 1 : 0));
    expect(messageOf(tariffInput({ energyweekdayschedule: schedule })))
      .toContain('energyweekdayschedule[0][5] = 1 but energyratestructure has 1 period (11 more entries of energyweekdayschedule likewise)');
  });

  it('names wrong schedule shapes and enum values', () => {
    expect(messageOf(tariffInput({ energyweekendschedule: scheduleOf(() => 0).slice(0, 11) }))).toMatch(/energyweekendschedule: /);
    expect(messageOf(tariffInput({ currency: 'XXX' as never }))).toMatch(/currency: /);
    expect(messageOf(tariffInput({ customerClass: undefined }))).toContain('customerClass: required');
  });

  it('checks tier order and the demand and flat-demand pairs', () => {
    expect(messageOf(tariffInput({ energyratestructure: [[{ max: 100, rate: 0.1 }, { max: 50, rate: 0.2 }]] })))
      .toContain("energyratestructure[0][1].max: 50 must exceed the previous tier's 100");
    expect(messageOf(tariffInput({ demandratestructure: [[{ rate: 5 }]] }))).toContain('demandweekdayschedule: required with demandratestructure');
    expect(messageOf(tariffInput({ flatdemandstructure: [[{ rate: 5 }]], flatdemandmonths: [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0] })))
      .toContain('flatdemandmonths[5] = 1 but flatdemandstructure has 1 period');
  });

  it('checks the China block against the rate structure', () => {
    const twoPeriods = [[{ rate: 0.5 }], [{ rate: 0.3 }]];
    expect(messageOf(tariffInput({ energyratestructure: twoPeriods, china: { periodNames: ['peak'] } })))
      .toContain('china.periodNames: 1 name but energyratestructure has 2 periods');
    expect(messageOf(tariffInput({ china: { tierAccumulation: 'annual' } }))).toContain('china.tiers: required when china.tierAccumulation is annual');
    expect(messageOf(tariffInput({ energyratestructure: [[{ max: 10, rate: 0.5 }, { rate: 0.6 }]], china: { tiers: [{ maxKwh: 10, adder: 0 }, { adder: 0.1 }] } })))
      .toContain('energyratestructure[0]: must be one tier without max when china.tiers sets the tiers');
    expect(messageOf(tariffInput({ china: { tiers: [{ adder: 0 }, { maxKwh: 10, adder: 0.1 }] } })))
      .toContain('china.tiers[0].maxKwh: required on every tier but the last');
  });

  it('lists every issue in details', () => {
    try {
      parseTariff(tariffInput({ name: '', fixedmonthlycharge: -1 }));
    } catch (error) {
      expect((error as ValidationError).details.issues).toHaveLength(2);
      return;
    }
    throw new Error('expected parseTariff to throw');
  });
});
