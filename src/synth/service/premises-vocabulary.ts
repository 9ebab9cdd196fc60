import type { CustomerType } from '../../core/schemas/customer.js';
import { companyFamilyOf, type CompanyFamily } from '../people/industry-families.js';

/** How a customer refers to their premises and what stops working when power fails. */
export interface PremisesWords {
  readonly homeZh: readonly string[];
  readonly premisesZh: string;
  readonly impactZh: string;
  readonly appliancesZh: readonly string[];
  readonly homeEn: string;
  readonly appliancesEn: readonly string[];
}

const HOME: PremisesWords = {
  homeZh: ['我家', '我们家'], premisesZh: '家里', impactZh: '正常生活',
  appliancesZh: ['空调', '冰箱', '热水器', '电饭煲', '洗衣机', '电视机', '电脑', '电暖器', '电磁炉'],
  homeEn: 'my home', appliancesEn: ['air conditioner', 'fridge', 'water heater', 'washing machine', 'computer'],
};
const SHOP: PremisesWords = {
  homeZh: ['我们店', '我们店里'], premisesZh: '店里', impactZh: '营业',
  appliancesZh: ['冰柜', '冷藏柜', '空调', '收银机', '电磁灶'],
  homeEn: 'our shop', appliancesEn: ['freezer', 'air conditioner', 'cash register'],
};
const FACTORY: PremisesWords = {
  homeZh: ['我们厂', '我们厂区'], premisesZh: '厂里', impactZh: '生产',
  appliancesZh: ['生产线', '机床', '空压机', '注塑机', '电机'],
  homeEn: 'our factory', appliancesEn: ['production line', 'machine tools', 'air compressor'],
};
const OFFICE: PremisesWords = {
  homeZh: ['我们公司', '我们单位'], premisesZh: '公司', impactZh: '正常办公',
  appliancesZh: ['服务器', '空调', '电脑', '电梯'],
  homeEn: 'our office', appliancesEn: ['servers', 'air conditioning', 'lift'],
};
const SCHOOL: PremisesWords = {
  homeZh: ['我们学校'], premisesZh: '学校', impactZh: '上课',
  appliancesZh: ['教室空调', '电脑', '投影仪', '食堂冰柜'],
  homeEn: 'our school', appliancesEn: ['classroom air conditioning', 'projectors', 'canteen freezer'],
};
const HOSPITAL: PremisesWords = {
  homeZh: ['我们医院', '我们卫生院'], premisesZh: '医院', impactZh: '看病',
  appliancesZh: ['医疗设备', '空调', '药品冷藏柜'],
  homeEn: 'our clinic', appliancesEn: ['medical equipment', 'medicine fridge'],
};
const FARM: PremisesWords = {
  homeZh: ['我们农场', '我们合作社'], premisesZh: '农场', impactZh: '生产',
  appliancesZh: ['水泵', '大棚卷帘机', '增氧机', '冷库'],
  homeEn: 'our farm', appliancesEn: ['water pump', 'greenhouse fans', 'aerator'],
};

const BY_FAMILY: Partial<Record<CompanyFamily, PremisesWords>> = {
  restaurant: SHOP, retail: SHOP, hotel: SHOP, shopping_mall: SHOP,
  manufacturing: FACTORY, chemical: FACTORY, textile: FACTORY, electronics: FACTORY, food_processing: FACTORY,
  construction: FACTORY, school: SCHOOL, hospital: HOSPITAL, agriculture: FARM,
};

/** Premises vocabulary for a customer type and (for businesses) archetype family. */
export function premisesWords(customerType: CustomerType, archetypeFamily?: string): PremisesWords {
  if (customerType === 'residential') return HOME;
  const family = companyFamilyOf(archetypeFamily ?? customerType);
  return BY_FAMILY[family] ?? OFFICE;
}
