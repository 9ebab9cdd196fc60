import type { Rng } from '../rng.js';

/** A county-level division of Hangzhou (杭州市), with the codes printed on residents' ID cards. */
export interface HangzhouDistrict {
  /** GB/T 2260 administrative division code in force since the 2021 reform. */
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly kind: 'district' | 'county' | 'county_city';
  /** Resident population at the 2020 census (10,000 persons), re-counted on 2021 boundaries. */
  readonly populationWeight: number;
  /**
   * Area codes found on ID cards of residents: the current code first, then codes of divisions
   * abolished or renamed before the resident was first registered (下城区 330103, 江干区 330104,
   * 萧山市 330181, 富阳市 330183, 余杭市 330184, 临安市 330185...), with relative weights.
   */
  readonly idAreaCodes: readonly (readonly [code: string, weight: number])[];
}

export const hangzhouDistricts: readonly HangzhouDistrict[] = [
  { code: '330102', zh: '上城区', en: 'Shangcheng District', kind: 'district', populationWeight: 132.5, idAreaCodes: [['330102', 6], ['330104', 4]] },
  { code: '330105', zh: '拱墅区', en: 'Gongshu District', kind: 'district', populationWeight: 118.5, idAreaCodes: [['330105', 6], ['330103', 4]] },
  { code: '330106', zh: '西湖区', en: 'Xihu District', kind: 'district', populationWeight: 111.8, idAreaCodes: [['330106', 1]] },
  { code: '330108', zh: '滨江区', en: 'Binjiang District', kind: 'district', populationWeight: 50.4, idAreaCodes: [['330108', 1]] },
  { code: '330109', zh: '萧山区', en: 'Xiaoshan District', kind: 'district', populationWeight: 201.2, idAreaCodes: [['330109', 8], ['330181', 2]] },
  { code: '330110', zh: '余杭区', en: 'Yuhang District', kind: 'district', populationWeight: 122.6, idAreaCodes: [['330110', 8], ['330184', 2]] },
  { code: '330111', zh: '富阳区', en: 'Fuyang District', kind: 'district', populationWeight: 83.5, idAreaCodes: [['330111', 6], ['330183', 4]] },
  { code: '330112', zh: '临安区', en: "Lin'an District", kind: 'district', populationWeight: 63.6, idAreaCodes: [['330112', 5], ['330185', 5]] },
  { code: '330113', zh: '临平区', en: 'Linping District', kind: 'district', populationWeight: 117.6, idAreaCodes: [['330113', 3], ['330110', 6], ['330184', 1]] },
  { code: '330114', zh: '钱塘区', en: 'Qiantang District', kind: 'district', populationWeight: 76.9, idAreaCodes: [['330114', 3], ['330104', 5], ['330109', 2]] },
  { code: '330122', zh: '桐庐县', en: 'Tonglu County', kind: 'county', populationWeight: 45.5, idAreaCodes: [['330122', 1]] },
  { code: '330127', zh: '淳安县', en: "Chun'an County", kind: 'county', populationWeight: 32.9, idAreaCodes: [['330127', 1]] },
  { code: '330182', zh: '建德市', en: 'Jiande City', kind: 'county_city', populationWeight: 44.3, idAreaCodes: [['330182', 1]] },
];

/** Every area code that a Hangzhou resident's ID number may start with. */
export const hangzhouIdAreaCodes: ReadonlySet<string> = new Set(
  hangzhouDistricts.flatMap((d) => d.idAreaCodes.map(([code]) => code)),
);

const populationWeights = hangzhouDistricts.map((d) => d.populationWeight);

/** A district drawn in proportion to its population. */
export function drawDistrict(rng: Rng): HangzhouDistrict {
  return hangzhouDistricts[rng.weightedIndex(populationWeights)];
}

/** Looks a district up by code, Chinese name or English name; undefined if unknown. */
export function findDistrict(key: string): HangzhouDistrict | undefined {
  return hangzhouDistricts.find((d) => d.code === key || d.zh === key || d.en === key);
}

/** An ID-card area code for a resident of the district. */
export function drawIdAreaCode(rng: Rng, district: HangzhouDistrict): string {
  const weights = district.idAreaCodes.map(([, w]) => w);
  return district.idAreaCodes[rng.weightedIndex(weights)][0];
}
