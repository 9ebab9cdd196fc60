import type { DemandRateTier, EnergyRateTier, Schedule12x24, Tariff } from '../schemas/tariff.js';

/**
 * Cross-field rules a schema cannot express. Each returns messages of the form
 * `<field path>: <problem>` (or `<path> = <value> but ...`); an empty list means the rule holds.
 */

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Every schedule entry names an existing period: one message per schedule, naming the first bad entry. */
export function scheduleIssues(name: string, schedule: Schedule12x24, structureName: string, periods: number): string[] {
  const bad: string[] = [];
  schedule.forEach((row, month) => row.forEach((period, hour) => {
    if (period >= periods) bad.push(`${name}[${month}][${hour}] = ${period}`);
  }));
  if (bad.length === 0) return [];
  const more = bad.length > 1 ? ` (${bad.length - 1} more entries of ${name} likewise)` : '';
  return [`${bad[0]} but ${structureName} has ${plural(periods, 'period')}${more}`];
}

/** Upper bounds rise strictly; only the last may be absent (unbounded). */
export function boundIssues(pathOf: (index: number) => string, bounds: ReadonlyArray<number | undefined>): string[] {
  const issues: string[] = [];
  let previous = 0;
  bounds.forEach((bound, index) => {
    if (bound === undefined) {
      if (index < bounds.length - 1) issues.push(`${pathOf(index)}: required on every tier but the last`);
    } else if (bound <= previous) {
      issues.push(`${pathOf(index)}: ${bound} must exceed the previous tier's ${previous}`);
    } else {
      previous = bound;
    }
  });
  return issues;
}

/** Tiers inside each period of a URDB rate structure rise strictly. */
export function tierOrderIssues(name: string, structure: ReadonlyArray<ReadonlyArray<EnergyRateTier | DemandRateTier>>): string[] {
  return structure.flatMap((tiers, period) => boundIssues((i) => `${name}[${period}][${i}].max`, tiers.map((t) => t.max)));
}

function optionalPairIssues(tariff: Tariff): string[] {
  const issues: string[] = [];
  const demand = tariff.demandratestructure;
  for (const key of ['demandweekdayschedule', 'demandweekendschedule'] as const) {
    const schedule = tariff[key];
    if (demand && !schedule) issues.push(`${key}: required with demandratestructure`);
    if (!demand && schedule) issues.push(`demandratestructure: required with ${key}`);
    if (demand && schedule) issues.push(...scheduleIssues(key, schedule, 'demandratestructure', demand.length));
  }
  const flat = tariff.flatdemandstructure;
  const months = tariff.flatdemandmonths;
  if (flat && !months) issues.push('flatdemandmonths: required with flatdemandstructure');
  if (!flat && months) issues.push('flatdemandstructure: required with flatdemandmonths');
  if (flat && months) {
    months.forEach((period, month) => {
      if (period >= flat.length) issues.push(`flatdemandmonths[${month}] = ${period} but flatdemandstructure has ${plural(flat.length, 'period')}`);
    });
  }
  return issues;
}

function chinaIssues(tariff: Tariff): string[] {
  const china = tariff.china;
  if (!china) return [];
  const issues: string[] = [];
  const periods = tariff.energyratestructure.length;
  if (china.periodNames && china.periodNames.length !== periods) {
    issues.push(`china.periodNames: ${plural(china.periodNames.length, 'name')} but energyratestructure has ${plural(periods, 'period')}`);
  }
  if (china.tierAccumulation === 'annual' && !china.tiers) issues.push('china.tiers: required when china.tierAccumulation is annual');
  if (china.tiers) {
    tariff.energyratestructure.forEach((tiers, period) => {
      if (tiers.length !== 1 || tiers[0].max !== undefined) {
        issues.push(`energyratestructure[${period}]: must be one tier without max when china.tiers sets the tiers`);
      }
    });
    issues.push(...boundIssues((i) => `china.tiers[${i}].maxKwh`, china.tiers.map((t) => t.maxKwh)));
  }
  return issues;
}

/** All cross-field problems of a schema-valid tariff. */
export function tariffRuleIssues(tariff: Tariff): string[] {
  const periods = tariff.energyratestructure.length;
  return [
    ...scheduleIssues('energyweekdayschedule', tariff.energyweekdayschedule, 'energyratestructure', periods),
    ...scheduleIssues('energyweekendschedule', tariff.energyweekendschedule, 'energyratestructure', periods),
    ...tierOrderIssues('energyratestructure', tariff.energyratestructure),
    ...optionalPairIssues(tariff),
    ...(tariff.demandratestructure ? tierOrderIssues('demandratestructure', tariff.demandratestructure) : []),
    ...(tariff.flatdemandstructure ? tierOrderIssues('flatdemandstructure', tariff.flatdemandstructure) : []),
    ...chinaIssues(tariff),
  ];
}
