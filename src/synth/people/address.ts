import type { Rng } from '../rng.js';
import { findDistrict, type HangzhouDistrict } from './hangzhou-districts.js';
import { hangzhouPlaces, villageFirst, villageSecond, type DistrictPlaces } from './hangzhou-places.js';

/** Residential flats, business premises on a road, or rural homes and farms (镇/村). */
export type AddressKind = 'residential' | 'business' | 'rural';

export interface Address {
  /** District name, e.g. 西湖区. */
  readonly district: string;
  readonly districtCode: string;
  /** Sub-district (街道) or township (镇, 乡). */
  readonly subdistrict: string;
  /** Road (路, 街, 大道) or, for rural addresses, the village (村). */
  readonly street: string;
  /** The full postal address, 浙江省杭州市西湖区文三路123号5幢2单元601室. */
  readonly full: string;
}

const PREFIX = '浙江省杭州市';

/** A plausible address in the district, given as a district record, code or name. */
export function drawAddress(rng: Rng, district: HangzhouDistrict | string, kind: AddressKind = 'residential'): Address {
  const d = typeof district === 'string' ? findDistrict(district) : district;
  if (d === undefined) throw new RangeError(`unknown Hangzhou district: ${String(district)}`);
  const places = hangzhouPlaces[d.code];
  if (kind === 'rural') return ruralAddress(rng, d, places);
  const subdistrict = rng.pick(places.subdistricts);
  const street = rng.pick(places.roads);
  const number = `${houseNumber(rng)}号`;
  const tail = kind === 'residential' ? flat(rng, places) : premises(rng);
  return { district: d.zh, districtCode: d.code, subdistrict, street, full: `${PREFIX}${d.zh}${street}${number}${tail}` };
}

function ruralAddress(rng: Rng, d: HangzhouDistrict, places: DistrictPlaces): Address {
  const town = rng.pick(places.towns);
  const village = `${rng.pick(villageFirst)}${rng.pick(villageSecond)}村`;
  const group = rng.chance(0.6) ? `${rng.int(1, 15)}组` : '';
  const full = `${PREFIX}${d.zh}${town}${village}${group}${rng.int(1, 180)}号`;
  return { district: d.zh, districtCode: d.code, subdistrict: town, street: village, full };
}

/** House numbers cluster low: most roads are short. */
function houseNumber(rng: Rng): number {
  return Math.min(999, 1 + Math.floor(rng.exponential(120)));
}

/** 5幢2单元601室, sometimes behind the compound name. */
function flat(rng: Rng, places: DistrictPlaces): string {
  const compound = rng.chance(0.45) ? rng.pick(places.compounds) : '';
  const floor = rng.int(1, rng.chance(0.3) ? 33 : 7);
  const room = `${floor}${String(rng.int(1, 4)).padStart(2, '0')}`;
  return `${compound}${rng.int(1, 30)}幢${rng.int(1, 4)}单元${room}室`;
}

/** Business premises: a bare number, a floor, a tower room or a shop front. */
function premises(rng: Rng): string {
  switch (rng.int(0, 3)) {
    case 0: return '';
    case 1: return `${rng.int(1, 12)}楼`;
    case 2: return `${rng.pick(['A', 'B', 'C'])}座${rng.int(2, 28)}${String(rng.int(1, 20)).padStart(2, '0')}室`;
    default: return `${rng.int(1, 30)}号商铺`;
  }
}
