import { toHalfWidth } from './text-normalizer.js';

/**
 * Identity numbers as written in source systems. `resident`: an 18-character 公民身份号码 (GB 11643,
 * 15-digit first-generation numbers are upgraded); `masked`: the first six and last four characters
 * with stars between (330102********1234); `organisation`: an 18-character 统一社会信用代码.
 */
export type IdKind = 'resident' | 'masked' | 'organisation';

export interface NormalizedId {
  readonly kind: IdKind;
  /** Upper-case, without spaces; for masked numbers the visible ends joined by `*`. */
  readonly value: string;
  /** First six and last four characters: the part every kind shows, used for blocking. */
  readonly ends: string;
  /** Check character and birth date valid (resident numbers only; others true). */
  readonly valid: boolean;
  /** Valid resident and masked numbers: the parity of the 17th digit (odd for men); not trusted from an invalid number. */
  readonly gender?: 'male' | 'female';
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** True for an 18-character resident number with a real birth date and a correct check character. */
export function isValidResidentId(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  return isRealDate(id.slice(6, 14)) && residentIdCheckChar(id.slice(0, 17)) === id[17];
}

/** A 15-digit first-generation number as its 18-character form (birth year in the 1900s). */
export function upgradeLegacyId(id15: string): string {
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + residentIdCheckChar(first17);
}

/** Normalises a written identity number; undefined when empty or not one of the known shapes. */
export function normalizeIdNumber(raw: string | undefined): NormalizedId | undefined {
  if (raw === undefined) return undefined;
  const text = toHalfWidth(raw).replace(/[\s-]/g, '').toUpperCase();
  if (/^\d{15}$/.test(text)) return resident(upgradeLegacyId(text));
  if (/^\d{17}[\dX]$/.test(text)) return resident(text);
  const masked = /^(\d{6})\*{4,}(\d{3}[\dX])$/.exec(text);
  if (masked) return { kind: 'masked', value: `${masked[1]}*${masked[2]}`, ends: masked[1] + masked[2], valid: true, gender: genderOf(masked[2][2]) };
  if (/^[0-9A-HJ-NP-RTUWXY]{18}$/.test(text)) return { kind: 'organisation', value: text, ends: ends(text), valid: true };
  return undefined;
}

function resident(id: string): NormalizedId {
  const valid = isValidResidentId(id);
  return { kind: 'resident', value: id, ends: ends(id), valid, gender: valid ? genderOf(id[16]) : undefined };
}

function genderOf(digit: string): 'male' | 'female' {
  return Number(digit) % 2 === 1 ? 'male' : 'female';
}

function ends(id: string): string {
  return id.slice(0, 6) + id.slice(-4);
}

function isRealDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1880 || year > 2100) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
