/** Kinds of personal data, as marked on table columns (`ColumnDef.pii`). */
export type PiiKind = 'name' | 'phone' | 'id_number' | 'address';

const MASK = '*';

/** 张伟 → 张*, 欧阳娜娜 → 欧***, Zhang Wei → Z********: the first character only. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  return chars[0] + MASK.repeat(chars.length - 1);
}

/**
 * Mobiles keep the operator prefix and the last four digits (138****5678, whatever the way they
 * were written: +86 138-1234-5678); other numbers keep only their last four digits.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  const national = digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
  if (/^1\d{10}$/.test(national)) return `${national.slice(0, 3)}****${national.slice(7)}`;
  if (national.length <= 4) return MASK.repeat(national.length);
  return MASK.repeat(national.length - 4) + national.slice(-4);
}

/** 330102199001011234 → 330102********1234: the area code and the last four characters. */
export function maskIdNumber(id: string): string {
  const text = id.trim();
  if (text.length <= 10) return MASK.repeat(text.length);
  return text.slice(0, 6) + MASK.repeat(text.length - 10) + text.slice(-4);
}

/** Province, city and district or county at the start of an address: 浙江省 杭州市 西湖区. */
const ADMINISTRATIVE_PART = /^((?:\S{2,7}?(?:省|自治区)\s*)?(?:\S{2,7}?市\s*)?(?:\S{1,7}?[区县]\s*)?)/u;

/**
 * Keeps the administrative part (省/市/区/县) and masks the rest: 浙江省杭州市西湖区文三路 90 号 →
 * 浙江省杭州市西湖区****. Addresses without such a part keep their first three characters.
 */
export function maskAddress(address: string): string {
  const text = address.trim();
  const admin = text.match(ADMINISTRATIVE_PART)?.[1].trim() ?? '';
  const kept = admin.length > 0 ? admin : [...text].slice(0, 3).join('');
  return kept.length < text.length ? `${kept}${MASK.repeat(4)}` : kept;
}

const maskers: Readonly<Record<PiiKind, (value: string) => string>> = {
  name: maskName, phone: maskPhone, id_number: maskIdNumber, address: maskAddress,
};

/** Masks a value of a PII column; null and empty stay as they are. */
export function maskPii(kind: PiiKind, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return value ?? null;
  return maskers[kind](value);
}
