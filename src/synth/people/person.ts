import type { Rng } from '../rng.js';
import { buildChineseId, type Gender } from './chinese-id.js';
import { drawChineseName } from './chinese-names.js';
import { drawDistrict, drawIdAreaCode, findDistrict, type HangzhouDistrict } from './hangzhou-districts.js';
import { drawMobile } from './mobile-phone.js';

/** A fake but well-formed Hangzhou resident. */
export interface Person {
  readonly name: string;
  readonly gender: Gender;
  /** YYYY-MM-DD. */
  readonly birthDate: string;
  /** 18-character resident identity number with a valid check character. */
  readonly idNumber: string;
  readonly phone: string;
  /** Code of the district whose (possibly legacy) area code the ID number carries. */
  readonly districtCode: string;
}

export interface PersonOptions {
  /** District of registration; drawn by population when absent. */
  readonly district?: HangzhouDistrict | string;
  /** Year the ages refer to (default 2024), so that output never depends on the wall clock. */
  readonly referenceYear?: number;
  readonly minAge?: number;
  readonly maxAge?: number;
}

/** Draws a person: the account holder of a residential customer or a business's contact. */
export function drawPerson(rng: Rng, options: PersonOptions = {}): Person {
  const district = resolveDistrict(rng, options.district);
  const gender: Gender = rng.chance(0.5) ? 'male' : 'female';
  const birthDate = drawBirthDate(rng, options);
  const areaCode = drawIdAreaCode(rng, district);
  const idNumber = buildChineseId(areaCode, birthDate, rng.int(0, 498), gender);
  const name = drawChineseName(rng, gender, Number(birthDate.slice(0, 4)));
  return { name, gender, birthDate, idNumber, phone: drawMobile(rng), districtCode: district.code };
}

/** Adult ages centred on the late forties, the typical age of a household's account holder. */
function drawBirthDate(rng: Rng, options: PersonOptions): string {
  const minAge = options.minAge ?? 20;
  const maxAge = options.maxAge ?? 85;
  const age = Math.min(maxAge, Math.max(minAge, Math.round(rng.normal(48, 14))));
  const year = (options.referenceYear ?? 2024) - age;
  const dayOfYear = rng.int(0, 364);
  return new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
}

function resolveDistrict(rng: Rng, district: HangzhouDistrict | string | undefined): HangzhouDistrict {
  if (district === undefined) return drawDistrict(rng);
  const found = typeof district === 'string' ? findDistrict(district) : district;
  if (found === undefined) throw new RangeError(`unknown Hangzhou district: ${String(district)}`);
  return found;
}
