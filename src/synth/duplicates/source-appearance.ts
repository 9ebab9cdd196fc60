import { drawAddress, drawDistrict, drawMobile } from '../people/index.js';
import type { Rng } from '../rng.js';
import { addressVariant } from './address-variants.js';
import { idNumberVariant, type IdVariantWeights } from './id-variants.js';
import { drawNameVariant, organisationNameVariant, personNameVariant, type NameVariant } from './name-variants.js';
import { drawLandline, formatMobile, mistypePhone } from './phone-variants.js';
import type { DuplicateOptions, SourceRecord } from './source-record.js';

/** Who a record is about, as the generator knows it (the truth behind the noisy record). */
export interface Identity {
  readonly name: string;
  readonly phone: string;
  readonly idNumber: string;
  readonly address: string;
  readonly district: string;
  readonly organisation: boolean;
  readonly male: boolean;
}

/** A source record before it gets its record id. */
export type RecordDraft = Omit<SourceRecord, 'recordId'> & { readonly truth: string | null };

const APP_NAMES: Partial<Record<NameVariant, number>> = { exact: 0.84, spacing: 0.06, homophone: 0.03, traditional: 0.02, 'missing-given': 0.05 };
const TICKET_NAMES: Partial<Record<NameVariant, number>> = { 'address-form': 0.35, exact: 0.52, spacing: 0.03, homophone: 0.05, 'missing-given': 0.05 };
const APP_IDS: IdVariantWeights = { full: 0.53, masked: 0.25, missing: 0.2, typo: 0.02 };
const TICKET_IDS: IdVariantWeights = { full: 0.05, masked: 0.15, missing: 0.8, typo: 0 };
const ORG_IDS: IdVariantWeights = { full: 0.5, masked: 0, missing: 0.5, typo: 0 };

/**
 * A 网上国网 account; `newNumber` for a second account registered after a change of number. Some
 * accounts give the holder's home or office instead of the supplied premises.
 */
export function appRecord(rng: Rng, who: Identity, truth: string | null, options: DuplicateOptions, newNumber = false): RecordDraft {
  const english = !who.organisation && rng.chance(options.englishAppShare);
  const name = nameAsWritten(rng, who, english ? { pinyin: 1 } : APP_NAMES);
  const changed = newNumber || rng.chance(options.changedPhoneShare);
  const phone = formatMobile(rng, changed ? drawMobile(rng) : who.phone);
  const idNumber = idNumberVariant(rng, who.idNumber, who.organisation ? ORG_IDS : APP_IDS);
  const address = rng.chance(options.otherAddressShare) ? drawAddress(rng, drawDistrict(rng)).full : addressVariant(rng, who.address, who.district);
  return { source: 'app', name, phone, idNumber, address, truth };
}

/** A 95598 service ticket: callers give a form of address (张先生), call from landlines, rarely give an ID. */
export function ticketRecord(rng: Rng, who: Identity, truth: string | null, options: DuplicateOptions): RecordDraft {
  const name = nameAsWritten(rng, who, TICKET_NAMES);
  const idNumber = who.organisation ? undefined : idNumberVariant(rng, who.idNumber, TICKET_IDS);
  return { source: 'tickets', name, phone: ticketPhone(rng, who, options), idNumber, address: addressVariant(rng, who.address, who.district), truth };
}

function nameAsWritten(rng: Rng, who: Identity, weights: Partial<Record<NameVariant, number>>): string {
  if (who.organisation) return rng.chance(0.5) ? organisationNameVariant(rng, who.name) : who.name;
  return personNameVariant(rng, who.name, drawNameVariant(rng, weights), who.male);
}

function ticketPhone(rng: Rng, who: Identity, options: DuplicateOptions): string {
  if (rng.chance(options.landlineShare)) return drawLandline(rng);
  if (rng.chance(options.changedPhoneShare)) return formatMobile(rng, drawMobile(rng));
  if (rng.chance(0.01)) return mistypePhone(rng, who.phone);
  return formatMobile(rng, who.phone);
}
