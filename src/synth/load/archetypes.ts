import type { CustomerType } from '../../core/schemas/customer.js';

/** The load archetypes of the synthetic utility; each has a load model of the same name. */
export const archetypeNames = [
  'residential_working', 'residential_retired', 'residential_night_shift', 'residential_ev',
  'residential_pv', 'residential_ac_heavy',
  'office', 'shop', 'restaurant', 'school', 'hospital',
  'factory_one_shift', 'factory_two_shift', 'factory_three_shift', 'cold_storage',
  'irrigation', 'street_lighting',
] as const;
export type ArchetypeName = (typeof archetypeNames)[number];

export type VoltageLevel = '220V' | '380V' | '10kV' | '35kV' | '110kV';

/** Reference facts about an archetype, for drawing customers and for labels. */
export interface ArchetypeInfo {
  readonly name: ArchetypeName;
  readonly customerType: CustomerType;
  /** Share of the customers of its type (shares of one type sum to 1). */
  readonly share: number;
  /** Typical contract capacity range, kVA. */
  readonly contractKva: readonly [number, number];
  readonly voltageLevel: VoltageLevel;
  /** GB/T 4754-2017 industry code (section letter + class digits); residential uses "RES". */
  readonly industryCode: string;
  readonly labelZh: string;
  readonly labelEn: string;
}

export const archetypes: readonly ArchetypeInfo[] = [
  row('residential_working', 'residential', 0.42, [4, 10], '220V', 'RES', '上班族家庭', 'Working household'),
  row('residential_retired', 'residential', 0.2, [4, 8], '220V', 'RES', '退休家庭', 'Retired household'),
  row('residential_night_shift', 'residential', 0.05, [4, 8], '220V', 'RES', '夜班家庭', 'Night-shift household'),
  row('residential_ev', 'residential', 0.1, [10, 16], '220V', 'RES', '电动汽车家庭', 'EV-owning household'),
  row('residential_pv', 'residential', 0.05, [8, 16], '220V', 'RES', '屋顶光伏家庭', 'Rooftop PV prosumer'),
  row('residential_ac_heavy', 'residential', 0.18, [6, 12], '220V', 'RES', '空调大户家庭', 'Air-conditioning-heavy household'),
  row('office', 'commercial', 0.3, [200, 2000], '10kV', 'K7020', '办公楼', 'Office building'),
  row('shop', 'commercial', 0.4, [20, 200], '380V', 'F5212', '商铺', 'Shop'),
  row('restaurant', 'commercial', 0.2, [30, 160], '380V', 'H6210', '餐馆', 'Restaurant'),
  row('school', 'commercial', 0.06, [200, 1250], '10kV', 'P8331', '学校', 'School'),
  row('hospital', 'commercial', 0.04, [800, 6300], '10kV', 'Q8411', '医院', 'Hospital'),
  row('factory_one_shift', 'industrial', 0.45, [100, 1250], '10kV', 'C3311', '一班制工厂', 'One-shift factory'),
  row('factory_two_shift', 'industrial', 0.3, [250, 2500], '10kV', 'C1751', '两班制工厂', 'Two-shift factory'),
  row('factory_three_shift', 'industrial', 0.17, [1000, 10000], '10kV', 'C2651', '三班制工厂', 'Three-shift factory'),
  row('cold_storage', 'industrial', 0.08, [160, 1600], '10kV', 'G5930', '冷库', 'Cold storage'),
  row('irrigation', 'agricultural', 1, [10, 100], '380V', 'A0513', '农田灌溉', 'Irrigation pumping'),
  row('street_lighting', 'public', 1, [10, 100], '380V', 'N7810', '路灯', 'Street lighting'),
];

function row(
  name: ArchetypeName, customerType: CustomerType, share: number, contractKva: readonly [number, number],
  voltageLevel: VoltageLevel, industryCode: string, labelZh: string, labelEn: string,
): ArchetypeInfo {
  return { name, customerType, share, contractKva, voltageLevel, industryCode, labelZh, labelEn };
}

const byName = new Map(archetypes.map((info) => [info.name, info]));

export function archetypeInfo(name: ArchetypeName): ArchetypeInfo {
  const info = byName.get(name);
  if (!info) throw new RangeError(`unknown load archetype: ${name}`);
  return info;
}

export function archetypesOfType(customerType: CustomerType): readonly ArchetypeInfo[] {
  return archetypes.filter((info) => info.customerType === customerType);
}
