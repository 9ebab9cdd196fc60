import { pinyin } from 'pinyin-pro';
import { compactText, hasHan, toHalfWidth } from './text-normalizer.js';

/**
 * A name prepared for comparison. Person names carry their pinyin so that homophones (张伟/张玮),
 * traditional characters (張偉) and romanised app names (Zhang Wei, WEI Zhang) compare equal;
 * organisation names carry their core (杭州恒达机械有限公司 → 恒达机械).
 */
export interface NormalizedName {
  readonly kind: 'person' | 'organisation';
  /** Compact half-width lower-case text. */
  readonly canonical: string;
  /** Surname pinyin, when known (Han names and 张先生-style forms of address). */
  readonly surname?: string;
  /** Given-name syllables; empty when only the surname is known. */
  readonly given: readonly string[];
  /** Romanised parts [surname, given] in the written order; order unknown for Latin input. */
  readonly parts: readonly string[];
  /** `parts` folded by `foldParts`. */
  readonly folded: readonly string[];
  /** True for Latin-letter names, whose surname position is not known. */
  readonly romanised: boolean;
  /** Organisation core name. */
  readonly core?: string;
  /** From a form of address: 先生 male, 女士 and 小姐 female. */
  readonly gender?: Gender;
}

export type Gender = 'male' | 'female';
const GENDER_OF_FORM: Readonly<Record<string, Gender>> = { 先生: 'male', 女士: 'female', 小姐: 'female' };

const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '夏侯', '令狐', '端木', '独孤', '南宫', '宇文', '长孙', '轩辕', '司徒', '申屠', '闻人',
]);
const ADDRESS_FORMS = /^(\p{Script=Han}{1,2}?)(先生|女士|小姐|师傅|老师|经理|总)$/u;
const ORG_PREFIX = /^(浙江省|浙江|杭州市|杭州)/;
const ORG_SUFFIX = /(股份有限公司|有限责任公司|有限公司|公司)$/;

/** Normalises a person's or an organisation's name. */
export function normalizeName(raw: string): NormalizedName {
  const canonical = compactText(raw).toLowerCase().replace(/[()（）]/g, '');
  const latin = toHalfWidth(raw).trim().toLowerCase();
  if (!hasHan(canonical) && /^[a-zü:]+([\s,.-]+[a-zü:]+)+$/.test(latin)) return romanisedName(canonical, latin);
  const address = ADDRESS_FORMS.exec(canonical);
  if (address && isSurname(address[1])) return surnameOnly(canonical, address[1], GENDER_OF_FORM[address[2]]);
  if (isPersonName(canonical)) return hanName(canonical);
  return { kind: 'organisation', canonical, given: [], parts: [], folded: [], romanised: false, core: organisationCore(canonical) };
}

/** Pinyin with v for ü, as romanised names are typed. */
export function syllables(han: string, asSurname = false): string[] {
  const out = pinyin(han, { toneType: 'none', type: 'array', surname: asSurname ? 'head' : 'off', v: true });
  return out.map((s) => s.replace('ü', 'v'));
}

function hanName(canonical: string): NormalizedName {
  const surnameLength = COMPOUND_SURNAMES.has(canonical.slice(0, 2)) ? 2 : 1;
  const all = syllables(canonical, true);
  const surname = all.slice(0, surnameLength).join('');
  const given = all.slice(surnameLength);
  const parts = [surname, given.join('')];
  return { kind: 'person', canonical, surname, given, parts, folded: parts.map(foldParts), romanised: false };
}

function surnameOnly(canonical: string, surnameHan: string, gender: Gender | undefined): NormalizedName {
  const surname = syllables(surnameHan, true).join('');
  return { kind: 'person', canonical, surname, given: [], parts: [surname], folded: [foldParts(surname)], romanised: false, gender };
}

function romanisedName(canonical: string, latin: string): NormalizedName {
  const parts = latin.replace(/ü|u:/g, 'v').split(/[\s,.-]+/).filter(Boolean);
  const two = [parts[0], parts.slice(1).join('')];
  return { kind: 'person', canonical, given: [], parts: two, folded: two.map(foldParts), romanised: true };
}

function isPersonName(canonical: string): boolean {
  if (!/^\p{Script=Han}+$/u.test(canonical)) return false;
  if (canonical.length === 2 || canonical.length === 3) return true;
  return canonical.length === 4 && COMPOUND_SURNAMES.has(canonical.slice(0, 2));
}

function isSurname(text: string): boolean {
  return text.length === 1 || COMPOUND_SURNAMES.has(text);
}

function organisationCore(canonical: string): string {
  return canonical.replace(ORG_PREFIX, '').replace(ORG_SUFFIX, '') || canonical;
}

/** Blocking key: the folded romanised parts in a fixed order; undefined without a given name. */
export function nameKey(name: NormalizedName): string | undefined {
  if (name.kind === 'organisation') return `o:${name.core}`;
  if (name.parts.length < 2 || !name.parts[1]) return undefined;
  return [...name.folded].sort().join('|');
}

/**
 * Southern Mandarin merges retroflex and dental initials and front and back nasals (陈/程, 张/臧,
 * 林/凌), and n/l at the start: parts are folded so that such spellings block and compare together.
 */
export function foldParts(part: string): string {
  return part.replace(/zh|ch|sh/g, (m) => m[0]).replace(/ng(?![aeiouv])/g, 'n').replace(/^n(?=[aeiouv])/, 'l');
}
