import type { Rng } from '../rng.js';
import { toFullWidthDigits } from './phone-variants.js';

const PREFIX = '浙江省杭州市';

/**
 * The same premises written another way: province or city omitted or shortened (浙江杭州, 杭州),
 * district suffix dropped (西湖), the compound named instead of road and number (西湖区翠苑一区5幢...)
 * or left out, 幢 written 栋 or 号楼, 5幢2单元601室 written 5-2-601, 室 left out, the flat left out,
 * village group left out, full-width digits, spaces between parts.
 */
export function addressVariant(rng: Rng, full: string, district: string): string {
  let text = full.startsWith(PREFIX) ? full.slice(PREFIX.length) : full;
  text = withCompoundVariant(rng, text, district);
  text = withDistrictVariant(rng, text, district);
  text = withPrefixVariant(rng, text);
  if (rng.chance(0.03)) text = text.replace(/(号)\D*\d+幢.*$/, '$1');
  text = withBuildingVariant(rng, text);
  if (rng.chance(0.25)) text = text.replace(/室$/, '');
  if (rng.chance(0.2)) text = text.replace(/\d+组/, '');
  if (rng.chance(0.12)) text = toFullWidthDigits(text);
  if (rng.chance(0.08)) text = text.replace(district, `${district} `).replace(/^(\S+?[路街道])(?=\d)/, '$1 ');
  return text;
}

function withPrefixVariant(rng: Rng, text: string): string {
  const prefix = ['浙江省杭州市', '杭州市', '浙江杭州', '杭州', ''][rng.weightedIndex([3, 2.5, 1, 1.5, 2])];
  return prefix + text;
}

/** 西湖区 → 西湖 now and then. */
function withDistrictVariant(rng: Rng, text: string, district: string): string {
  if (!text.startsWith(district) || district.length < 3 || !rng.chance(0.1)) return text;
  return district.slice(0, -1) + text.slice(district.length);
}

/** Road, house number and compound of a flat address after the district: 文三路123号翠苑一区5幢... */
const FLAT_STREET = /^(\d{1,2}号大街|\D+?(?:大道|路|街))(\d+号)(\D{2,8}?)(?=\d+幢)/;

/** People name their compound rather than its street address, or leave the compound out. */
function withCompoundVariant(rng: Rng, text: string, district: string): string {
  if (!text.startsWith(district)) return text;
  const m = FLAT_STREET.exec(text.slice(district.length));
  if (m === null) return text;
  const rest = text.slice(district.length + m[0].length);
  if (rng.chance(0.1)) return district + m[3] + rest;
  return rng.chance(0.3) ? district + m[1] + m[2] + rest : text;
}

function withBuildingVariant(rng: Rng, text: string): string {
  if (rng.chance(0.12)) return text.replace(/(\d+)幢(\d+)单元(\d+)室?/, '$1-$2-$3');
  if (rng.chance(0.15)) return text.replace('幢', '栋');
  if (rng.chance(0.05)) return text.replace('幢', '号楼');
  return text;
}
