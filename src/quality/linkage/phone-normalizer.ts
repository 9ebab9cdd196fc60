import { toHalfWidth } from './text-normalizer.js';

export type PhoneKind = 'mobile' | 'landline';

/** A phone number in one canonical spelling: `13812345678` or `0571-88123456`. */
export interface CanonicalPhone {
  readonly kind: PhoneKind;
  readonly value: string;
}

const MOBILE = /^1[3-9]\d{9}$/;

/**
 * Canonicalises a mainland phone number written in any of the usual ways (`+86 138-1234-5678`,
 * `86-13812345678`, `138 1234 5678`, `(0571)8812 3456`, `+86 571 8812 3456`). Landlines without an
 * area code get `defaultAreaCode`. Undefined for empty or unrecognisable input.
 */
export function canonicalPhone(raw: string | undefined, defaultAreaCode = '0571'): CanonicalPhone | undefined {
  if (raw === undefined) return undefined;
  const digits = withoutCountryCode(toHalfWidth(raw).replace(/\D/g, ''));
  if (MOBILE.test(digits)) return { kind: 'mobile', value: digits };
  // A mobile dialled with the long-distance trunk prefix: 013812345678.
  if (/^01[3-9]\d{9}$/.test(digits)) return { kind: 'mobile', value: digits.slice(1) };
  if (/^0\d{9,11}$/.test(digits)) return landline(digits);
  // International form drops the trunk 0 of the area code: +86 571 8812 3456.
  if (/^[2-9]\d{9,10}$/.test(digits)) return landline(`0${digits}`);
  if (/^[2-9]\d{6,7}$/.test(digits)) return landline(defaultAreaCode + digits);
  return undefined;
}

function withoutCountryCode(digits: string): string {
  if (digits.startsWith('0086')) return digits.slice(4);
  if (digits.startsWith('86') && digits.length >= 12) return digits.slice(2);
  return digits;
}

/** Beijing (010) and the 02x cities have three-digit area codes, all others four. */
function landline(digits: string): CanonicalPhone | undefined {
  const areaLength = /^0[12]/.test(digits) ? 3 : 4;
  const local = digits.slice(areaLength);
  if (local.length < 7 || local.length > 8) return undefined;
  return { kind: 'landline', value: `${digits.slice(0, areaLength)}-${local}` };
}

/** True when the two numbers differ in one digit or by one swap of neighbouring digits. */
export function isPhoneTypo(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diffs: number[] = [];
  for (let i = 0; i < a.length && diffs.length <= 2; i++) if (a[i] !== b[i]) diffs.push(i);
  if (diffs.length === 1) return true;
  if (diffs.length !== 2 || diffs[1] !== diffs[0] + 1) return false;
  return a[diffs[0]] === b[diffs[1]] && a[diffs[1]] === b[diffs[0]];
}
