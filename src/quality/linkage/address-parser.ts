import { hangzhouGazetteer, type AddressGazetteer } from './address-gazetteer.js';
import { compactText } from './text-normalizer.js';

/**
 * A Chinese postal address split into its parts. Building, unit and room keep digits only
 * (5幢, 5栋, 5号楼 → `5`; 601室 → `601`); a floor is `F12`, a shop front `S3`, a village group `G3`.
 */
export interface ParsedAddress {
  province?: string;
  city?: string;
  district?: string;
  /** 街道, 镇 or 乡. */
  subdistrict?: string;
  /** Road (路, 街, 大道, 巷) or, for rural addresses, the village (村). */
  road?: string;
  number?: string;
  /** Residential compound or building name (小区, 新村, 花园, 社区...). */
  compound?: string;
  building?: string;
  unit?: string;
  room?: string;
  /** Text the parser could not place. */
  rest?: string;
}

type Rule = readonly [RegExp, (m: RegExpExecArray, out: ParsedAddress) => void];

/** Parts after the house number, tried in this order until none applies. */
const TAIL_RULES: readonly Rule[] = [
  [/^(\d+)-(\d+)-(\d+)室?/, (m, o) => { o.building = m[1]; o.unit = m[2]; o.room = m[3]; }],
  [/^(\d+)-(\d+)室?$/, (m, o) => { if (o.building === undefined) o.building = m[1]; else o.unit = m[1]; o.room = m[2]; }],
  [/^(\d+)号商铺/, (m, o) => { o.room = `S${m[1]}`; }],
  [/^(\d+)组/, (m, o) => { o.building = `G${m[1]}`; }],
  [/^([A-Z]|\d+)(?:幢|栋|号楼|座|#)/, (m, o) => { o.building = m[1]; }],
  // Rural house numbers follow the village group: 东山村3组12号.
  [/^(\d+)号/, (m, o) => { if (o.number === undefined) o.number = m[1]; else o.building = m[1]; }],
  [/^(\d+)单元/, (m, o) => { o.unit = m[1]; }],
  [/^(\d+)[楼层]$/, (m, o) => { o.room = `F${m[1]}`; }],
  [/^(\d+)室?$/, (m, o) => { o.room = m[1]; }],
  [/^(\d+)室/, (m, o) => { o.room = m[1]; }],
  [/^(\D{2,12}?)(?=[A-Z]座|\d|$)/, (m, o) => { o.compound = m[1]; }],
];

/** Roads, villages, and the numbered avenues of new districts (下沙 6号大街); a 新村 is a compound, not a village. */
const ROAD = /^(\d{1,2}号大街|\D{1,10}?(?:大道|路|街|巷|弄|(?<!新)村))/;
const NUMBER = /^(\d+)号(?!楼|商铺)/;

/** A matched prefix: the canonical value and how many characters it took. */
interface Match {
  readonly value: string;
  readonly length: number;
}

/** Parses an address; parts that are absent stay undefined. */
export function parseAddress(raw: string, gazetteer: AddressGazetteer = hangzhouGazetteer): ParsedAddress {
  const out: ParsedAddress = {};
  const districts = new Set(gazetteer.districts);
  let text = compactText(raw);
  text = take(text, matchAdmin(text, gazetteer.provinces, /^(\D{2,7}?(?:省|自治区))/), (v) => { out.province = v; });
  const city = matchAdmin(text, gazetteer.cities, /^([^\d省区县]{2,4}?市)/);
  if (city && !districts.has(city.value)) text = take(text, city, (v) => { out.city = v; });
  text = take(text, matchAdmin(text, gazetteer.districts, /^(\D{2,3}?[区县])/), (v) => { out.district = v; });
  text = take(text, generic(text, /^(\D{2,6}?(?:街道|镇|乡))/), (v) => { out.subdistrict = v; });
  text = take(text, generic(text, ROAD), (v) => { out.road = v; });
  text = take(text, generic(text, NUMBER), (v) => { out.number = v; });
  text = parseTail(text, out);
  if (text) out.rest = text;
  return out;
}

function take(text: string, match: Match | undefined, set: (value: string) => void): string {
  if (match === undefined) return text;
  set(match.value);
  return text.slice(match.length);
}

function generic(text: string, pattern: RegExp): Match | undefined {
  const m = pattern.exec(text);
  return m ? { value: m[1], length: m[0].length } : undefined;
}

/** A gazetteer name written in full or without its suffix (西湖 → 西湖区), else the generic pattern. */
function matchAdmin(text: string, names: readonly string[], pattern: RegExp): Match | undefined {
  for (const name of names) {
    if (text.startsWith(name)) return { value: name, length: name.length };
    const stem = name.slice(0, -1);
    // A stem followed by a road suffix is a road (西湖大道), not an abbreviated district.
    if (stem.length >= 2 && text.startsWith(stem) && !/^(?:大道|路|街|巷)/.test(text.slice(stem.length))) {
      return { value: name, length: stem.length };
    }
  }
  return generic(text, pattern);
}

function parseTail(text: string, out: ParsedAddress): string {
  let rest = text.replace(/^[-#]/, '');
  for (let guard = 0; rest && guard < 8; guard++) {
    const rule = TAIL_RULES.find(([re]) => re.test(rest));
    if (!rule) break;
    const m = rule[0].exec(rest)!;
    rule[1](m, out);
    rest = rest.slice(m[0].length).replace(/^[-#]/, '');
  }
  return rest;
}
