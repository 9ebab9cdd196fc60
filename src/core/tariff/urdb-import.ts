import { ValidationError } from '../errors.js';
import type { CustomerClass, Tariff } from '../schemas/tariff.js';
import { parseTariff } from './parse-tariff.js';

/**
 * Maps a raw OpenEI URDB rate record (the API v3/v7 `items[]` object, as in the shared
 * `urdb_tariffs/` fixtures) to a GridLens Tariff. Rate fields keep their URDB names and are copied
 * as they are, so validation messages name the URDB field (`energyratestructure[0][0].rate`).
 * Cost-relevant fields GridLens does not bill are listed in `ignoredUrdbFields`.
 */

const sectors: Record<string, CustomerClass> = {
  residential: 'residential',
  commercial: 'commercial',
  industrial: 'industrial',
  agricultural: 'agricultural',
  agriculture: 'agricultural',
  lighting: 'public',
};

/** URDB fields copied unchanged (validated by the Tariff schema). */
const rateFields = [
  'energyratestructure', 'energyweekdayschedule', 'energyweekendschedule',
  'demandratestructure', 'demandweekdayschedule', 'demandweekendschedule',
  'flatdemandstructure', 'flatdemandmonths',
  'fixedchargefirstmeter', 'fixedchargeunits', 'fixedmonthlycharge',
  'mincharge', 'minchargeunits', 'demandratchetpercentage',
  'uri', 'startdate', 'enddate',
] as const;

/** URDB fields that change a bill but are not modelled. */
const unsupportedFields = [
  'coincidentratestructure', 'demandreactivepowercharge', 'fixedchargeeaaddl', 'energyattrs', 'demandattrs',
  'fixedattrs', 'lookbackpercent', 'lookbackmonths', 'lookbackrange', 'energyratetiersunit',
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requiredText(record: Record<string, unknown>, field: string, source: string | undefined): string {
  const value = record[field];
  if (typeof value === 'string' && value.trim() !== '') return value;
  throw new ValidationError(`invalid URDB record${source ? ` ${source}` : ''}: ${field}: required`, { source, field });
}

function customerClassOf(record: Record<string, unknown>, source: string | undefined): CustomerClass {
  const sector = requiredText(record, 'sector', source);
  const customerClass = sectors[sector.toLowerCase()];
  if (!customerClass) throw new ValidationError(`invalid URDB record${source ? ` ${source}` : ''}: sector: unknown URDB sector "${sector}"`, { source, sector });
  return customerClass;
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0) && value !== 0;
}

/** Imports one URDB record; throws ValidationError naming the offending URDB field. */
export function importUrdb(json: unknown, source?: string): Tariff {
  if (!isRecord(json)) throw new ValidationError(`invalid URDB record${source ? ` ${source}` : ''}: expected an object`, { source });
  const label = requiredText(json, 'label', source);
  const ignored = unsupportedFields.filter((field) => present(json[field]));
  const tariff: Record<string, unknown> = {
    tariffId: `URDB-${label}`,
    name: requiredText(json, 'name', source),
    utility: requiredText(json, 'utility', source),
    customerClass: customerClassOf(json, source),
    currency: 'USD',
    label,
    source: source ?? (typeof json.uri === 'string' ? json.uri : undefined),
    ...(ignored.length > 0 ? { ignoredUrdbFields: ignored } : {}),
  };
  for (const field of rateFields) {
    if (json[field] !== undefined && json[field] !== null) tariff[field] = json[field];
  }
  return parseTariff(tariff, source);
}
