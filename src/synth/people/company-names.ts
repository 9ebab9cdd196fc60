import type { Rng } from '../rng.js';
import { companyFamilyOf, type CompanyFamily } from './industry-families.js';

/**
 * Name patterns per archetype family of non-residential customer. Slots: {brand} a two-character
 * trade name (字号), {city} 杭州/浙江 or nothing, {place} a local place name, {district} a district stem.
 */
const PATTERNS: Readonly<Record<CompanyFamily, readonly string[]>> = {
  manufacturing: ['{city}{brand}机械有限公司', '{city}{brand}精密机械制造有限公司', '{city}{brand}五金制品有限公司', '{city}{brand}汽车零部件有限公司', '{city}{brand}模具有限公司', '{city}{brand}阀门有限公司', '{city}{brand}电机有限公司'],
  chemical: ['{city}{brand}化工有限公司', '{city}{brand}新材料科技有限公司', '{city}{brand}塑料制品有限公司', '{city}{brand}涂料有限公司'],
  textile: ['{city}{brand}纺织有限公司', '{city}{brand}印染有限公司', '{city}{brand}服饰有限公司', '{city}{brand}化纤有限公司', '{city}{brand}家纺有限公司'],
  electronics: ['{city}{brand}电子科技有限公司', '{city}{brand}智能科技有限公司', '{city}{brand}光电有限公司', '{city}{brand}半导体有限公司'],
  food_processing: ['{city}{brand}食品有限公司', '{city}{brand}茶业有限公司', '{city}{brand}饮品有限公司', '{city}{brand}粮油加工厂'],
  construction: ['{city}{brand}建设工程有限公司', '{city}{brand}建材有限公司', '{city}{brand}混凝土有限公司'],
  logistics: ['{city}{brand}物流有限公司', '{city}{brand}仓储服务有限公司', '{city}{brand}冷链物流有限公司'],
  datacenter: ['{city}{brand}云计算数据中心', '{city}{brand}数据科技有限公司', '{city}{brand}信息技术有限公司'],
  office: ['{city}{brand}网络科技有限公司', '{city}{brand}信息咨询有限公司', '{city}{brand}文化传媒有限公司', '{city}{brand}电子商务有限公司', '{city}{brand}投资管理有限公司', '{city}{brand}软件有限公司'],
  retail: ['{brand}便利店', '{brand}超市', '{place}{brand}商行', '{brand}五金店', '{brand}水果店', '{brand}烟酒店', '{place}{brand}副食品店'],
  restaurant: ['{brand}餐饮店', '{place}{brand}面馆', '{brand}小吃店', '{brand}火锅店', '{brand}酒家', '{brand}奶茶店', '{place}{brand}快餐店', '{brand}大排档'],
  hotel: ['{city}{brand}大酒店', '{brand}宾馆', '{place}{brand}民宿', '{city}{brand}酒店管理有限公司'],
  shopping_mall: ['{city}{brand}商业管理有限公司', '{place}{brand}购物中心', '{brand}农贸市场'],
  school: ['杭州市{place}小学', '杭州市{place}实验学校', '杭州市{place}中学', '杭州市{place}幼儿园', '杭州{place}职业技术学校'],
  hospital: ['杭州市{district}区第一人民医院', '杭州市{district}区中医院', '{place}社区卫生服务中心', '{brand}口腔门诊部', '{brand}中医诊所'],
  government: ['杭州市{district}区{place}街道办事处', '{place}社区居民委员会', '杭州市{district}区市场监督管理局', '杭州市{district}区城市管理局'],
  water_utility: ['杭州{district}水务有限公司', '杭州{place}污水处理厂', '杭州{district}自来水厂'],
  agriculture: ['{place}{brand}家庭农场', '杭州{place}{brand}农业专业合作社', '{place}茶叶专业合作社', '{place}{brand}水产养殖场', '{place}{brand}果蔬基地'],
  street_lighting: ['杭州市{district}区路灯管理所', '杭州市{district}区城市照明管理中心', '杭州{place}市政设施维护有限公司'],
  ev_charging: ['{city}{brand}新能源科技有限公司', '{place}{brand}充电站'],
};

const BRAND_FIRST = '恒永华兴金宏鑫中新天东瑞嘉盛源博汇佳和富利康景德信通安泰润明万联海宇';
const BRAND_SECOND = '达盛立隆鼎远源宏兴发业丰诚昌泰祥成通辉邦力顺越禾创元美晟锐鹏凯';
const PLACES = ['西溪', '翠苑', '湖墅', '拱宸', '采荷', '景芳', '钱江', '望江', '下沙', '临平', '瓜沥', '塘栖', '良渚', '闲林', '富春', '新登', '於潜', '昌化', '分水', '千岛湖', '文三', '长河', '北干', '义蓬', '九堡', '丁兰', '笕桥', '星桥', '五常', '仓前'];
const DISTRICT_STEMS = ['上城', '拱墅', '西湖', '滨江', '萧山', '余杭', '临平', '钱塘', '富阳', '临安'];

/** A plausible Chinese name for a business or institution of the given archetype family. */
export function drawCompany(rng: Rng, industry: string): string {
  const pattern = rng.pick(PATTERNS[companyFamilyOf(industry)]);
  return pattern.replace(/\{(\w+)\}/g, (_, slot: string) => fillSlot(rng, slot));
}

function fillSlot(rng: Rng, slot: string): string {
  switch (slot) {
    case 'brand': return pickChar(rng, BRAND_FIRST) + pickChar(rng, BRAND_SECOND);
    case 'city': return rng.pick(['杭州', '杭州', '浙江', '杭州市']);
    case 'place': return rng.pick(PLACES);
    case 'district': return rng.pick(DISTRICT_STEMS);
    default: throw new RangeError(`unknown company-name slot ${slot}`);
  }
}

function pickChar(rng: Rng, chars: string): string {
  return chars[rng.int(0, chars.length - 1)];
}
