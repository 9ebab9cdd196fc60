/**
 * Resident identity numbers (公民身份号码, GB 11643-1999): six-digit area code, eight-digit birth
 * date, three-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** Province-level codes of GB/T 2260 (the first two digits of any valid area code). */
const PROVINCE_CODES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54,
  61, 62, 63, 64, 65, 71, 81, 82,
]);

/** The check character for the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export type Gender = 'male' | 'female';

/**
 * Builds an ID number from an area code, a YYYY-MM-DD birth date and a sequence 0..498, which is
 * mapped onto 001..998 with the parity of the gender.
 */
export function buildChineseId(areaCode: string, birthDate: string, sequence: number, gender: Gender): string {
  const seq = 2 * (1 + (sequence % 499)) - (gender === 'male' ? 1 : 0);
  const first17 = `${areaCode}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

/** True when the number is well formed: province code, real birth date and check character. */
export function isValidChineseId(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  if (!PROVINCE_CODES.has(Number(id.slice(0, 2)))) return false;
  if (!isRealDate(id.slice(6, 14))) return false;
  return idCheckCharacter(id.slice(0, 17)) === id[17];
}

/** The birth date (YYYY-MM-DD) and gender encoded in a valid ID number. */
export function decodeChineseId(id: string): { areaCode: string; birthDate: string; gender: Gender } | undefined {
  if (!isValidChineseId(id)) return undefined;
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  return { areaCode: id.slice(0, 6), birthDate, gender: Number(id[16]) % 2 === 1 ? 'male' : 'female' };
}

function isRealDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1800 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
