import type { ParsedAddress } from './address-parser.js';
import type { NormalizedId } from './id-normalizer.js';
import type { Gender } from './name-normalizer.js';
import { isPhoneTypo, type CanonicalPhone } from './phone-normalizer.js';

/** Agreement levels of the non-name fields, best first. Undefined from a comparison = not comparable. */
export const phoneLevels = ['exact', 'typo', 'disagree'] as const;
export type PhoneLevel = (typeof phoneLevels)[number];
export const idLevels = ['exact', 'compatible', 'disagree'] as const;
export type IdLevel = (typeof idLevels)[number];
/** `building`: same road, number and building, other flat; `number`: same road and number only. */
export const addressLevels = ['exact', 'building', 'number', 'district', 'disagree'] as const;
export type AddressLevel = (typeof addressLevels)[number];

export const genderLevels = ['agree', 'disagree'] as const;
export type GenderLevel = (typeof genderLevels)[number];

/** Genders from identity numbers or forms of address (王先生 is no 王桂静 born with an even 17th digit). */
export function compareGenders(a: Gender | undefined, b: Gender | undefined): GenderLevel | undefined {
  if (a === undefined || b === undefined) return undefined;
  return a === b ? 'agree' : 'disagree';
}

/** A mobile and a landline are not comparable: people have both. */
export function comparePhones(a: CanonicalPhone | undefined, b: CanonicalPhone | undefined): PhoneLevel | undefined {
  if (a === undefined || b === undefined || a.kind !== b.kind) return undefined;
  if (a.value === b.value) return 'exact';
  return isPhoneTypo(a.value, b.value) ? 'typo' : 'disagree';
}

/** Masked numbers are compatible when their visible ends agree; an invalid number one typo away is too. */
export function compareIds(a: NormalizedId | undefined, b: NormalizedId | undefined): IdLevel | undefined {
  if (a === undefined || b === undefined) return undefined;
  if ((a.kind === 'organisation') !== (b.kind === 'organisation')) return undefined;
  if (a.kind === 'masked' || b.kind === 'masked') return a.ends === b.ends ? 'compatible' : 'disagree';
  if (a.value === b.value) return 'exact';
  if ((!a.valid || !b.valid) && hamming(a.value, b.value) <= 1) return 'compatible';
  return 'disagree';
}

/** Addresses are anchored by road and house number, or by the compound when one side names only that. */
export function compareAddresses(a: ParsedAddress | undefined, b: ParsedAddress | undefined): AddressLevel | undefined {
  if (a === undefined || b === undefined) return undefined;
  if (sameStreetNumber(a, b) || sameCompound(a, b)) {
    if (samePremises(a, b)) return 'exact';
    return a.building !== undefined && a.building === b.building ? 'building' : 'number';
  }
  if (a.district === undefined || b.district === undefined) return a.road === undefined || b.road === undefined ? undefined : 'disagree';
  return a.district === b.district ? 'district' : 'disagree';
}

function sameStreetNumber(a: ParsedAddress, b: ParsedAddress): boolean {
  return a.road !== undefined && a.road === b.road && a.number === b.number;
}

function sameCompound(a: ParsedAddress, b: ParsedAddress): boolean {
  return a.compound !== undefined && a.compound === b.compound && (a.road === undefined || b.road === undefined);
}

function samePremises(a: ParsedAddress, b: ParsedAddress): boolean {
  if (!compatible(a.building, b.building) || !compatible(a.unit, b.unit) || !compatible(a.room, b.room)) return false;
  return compatible(a.rest, b.rest);
}

function compatible(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

function hamming(a: string, b: string): number {
  if (a.length !== b.length) return Infinity;
  let d = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) d++;
  return d;
}
