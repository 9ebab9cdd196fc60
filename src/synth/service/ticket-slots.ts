import type { CustomerType } from '../../core/schemas/customer.js';
import { MS_PER_DAY, MS_PER_HOUR } from '../../core/time/index.js';
import { drawAddress } from '../people/address.js';
import { drawSurname } from '../people/chinese-names.js';
import { findDistrict } from '../people/hangzhou-districts.js';
import { hangzhouPlaces } from '../people/hangzhou-places.js';
import type { Rng } from '../rng.js';
import { premisesWords, type PremisesWords } from './premises-vocabulary.js';
import type { Language } from './template-text.js';
import { zhClock, zhDuration, zhMoneyColloquial, zhMoneyWritten, zhNumber } from './zh-phrases.js';

/** What a ticket's slots are filled from. */
export interface SlotContext {
  readonly customerId: string;
  readonly customerType: CustomerType;
  readonly archetypeFamily?: string;
  readonly districtCode: string;
  readonly createdMs: number;
  /** Hours since the problem started, for the time and duration slots. */
  readonly lagHours: number;
  /** The ticket follows a shock bill: amounts are large. */
  readonly billShock: boolean;
}

const LOCAL_OFFSET_MS = 8 * MS_PER_HOUR; // Asia/Shanghai, no DST
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const EN_SURNAMES = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun'];
const CAPACITIES = [50, 80, 100, 160, 200, 250, 315, 400, 500, 630, 800];

/** A filler for `fillTemplate` that renders every slot in the ticket's language. */
export function slotFiller(ctx: SlotContext, rng: Rng, language: Language): (slot: string) => string {
  const words = premisesWords(ctx.customerType, ctx.archetypeFamily);
  return language === 'en' ? (slot) => enSlot(slot, ctx, words, rng) : (slot) => zhSlot(slot, ctx, words, rng);
}

function zhSlot(slot: string, ctx: SlotContext, words: PremisesWords, rng: Rng): string {
  switch (slot) {
    case 'ask': return rng.pick(['请问', '请问一下，', '想咨询一下，', '我想问一下，', '麻烦问一下，', '咨询一下，']);
    case 'appName': return rng.pick(['网上国网APP', '支付宝', '微信公众号', '营业厅的自助机']);
    case 'payApp': return rng.pick(['微信', '支付宝', '云闪付']);
    case 'opinionLead': return rng.pick(['提个意见，', '我有个意见，', '反映一个意见：', '我想提点意见，', '说句意见，', '我有意见，']);
    case 'opinionTail': return rng.pick(['这是我的意见。', '希望你们听听群众的意见。', '有意见。', '请把意见反映上去。']);
    case 'feel': return rng.pick(['我觉得', '我认为', '个人觉得', '说实话我觉得']);
    case 'suggest': return rng.pick(['建议', '我建议', '强烈建议', '个人建议', '提个建议，建议']);
    case 'hope': return rng.pick(['希望', '希望你们', '真心希望', '盼望']);
    case 'complainLead': return rng.pick(['我要投诉', '我要投诉你们', '我必须投诉', '我要实名投诉', '我要打电话投诉']);
    case 'angry': return rng.pick(['非常不满意', '特别不满意', '强烈不满', '很不满意', '极其不满']);
    case 'reportLead': return rng.pick(['我要举报', '我想举报', '实名举报', '匿名举报', '举报一下']);
    case 'praiseLead': return rng.pick(['表扬一下', '我想表扬', '要表扬', '特别表扬']);
    case 'thanks': return rng.pick(['非常感谢', '真的很感谢', '谢谢你们', '特别感谢', '十分感谢']);
    case 'home': return rng.pick(words.homeZh);
    case 'premises': return words.premisesZh;
    case 'impact': return words.impactZh;
    case 'appliance': return rng.pick(words.appliancesZh);
    case 'time': return zhStartTime(ctx, rng);
    case 'duration': return zhDuration(ctx.lagHours);
    case 'shortDuration': return rng.pick(['一个小时', '四十分钟', '半个小时', '一个半小时']);
    case 'days': return rng.pick(['三天', '四五天', '一个星期', '十来天', '半个月']);
    case 'amount': return zhMoneyWritten(billAmount(ctx, rng), rng.chance(0.5));
    case 'amountDiff': return zhMoneyColloquial(typicalBill(ctx) * (ctx.billShock ? rng.uniform(0.8, 2) : rng.uniform(0.3, 0.8)));
    case 'usualAmount': return zhMoneyColloquial(typicalBill(ctx) * rng.uniform(0.8, 1.2));
    case 'kwh': return `${Math.round(monthlyKwh(ctx, rng))}度`;
    case 'month': return zhMonth(ctx, rng);
    case 'pastDate': return rng.pick(['昨天', '前天', '上周', zhDate(ctx.createdMs - rng.int(3, 10) * MS_PER_DAY)]);
    case 'futureDate': return rng.pick(['明天', '后天', '下周一', '这周六', zhDate(ctx.createdMs + rng.int(2, 12) * MS_PER_DAY)]);
    case 'count': return rng.pick(['三', '四', '五', '好几']);
    case 'people': return zhNumber(rng.int(5, 8));
    case 'staff': return rng.chance(0.6) ? `${drawSurname(rng)}师傅` : `工作人员小${drawSurname(rng)}`;
    case 'agent': return `工号${rng.int(1001, 9899)}的客服`;
    case 'shop': return rng.pick(['小饭店', '出租房', '洗车店', '小作坊', '网吧', '废品收购站']);
    case 'capacity': return `${rng.pick(CAPACITIES.slice(0, 6))}千伏安`;
    case 'capacity2': return `${rng.pick(CAPACITIES.slice(6))}千伏安`;
    case 'pvKw': return `${rng.int(5, 30)}千瓦`;
    case 'accountNo': return accountNumber(ctx.customerId);
    case 'road': return rng.pick(places(ctx).roads);
    case 'subdistrict': return rng.pick(places(ctx).subdistricts);
    case 'address': return zhAddress(ctx, rng);
    default: throw new RangeError(`unknown ticket slot {${slot}}`);
  }
}

function enSlot(slot: string, ctx: SlotContext, words: PremisesWords, rng: Rng): string {
  const district = findDistrict(ctx.districtCode)?.en ?? 'Hangzhou';
  switch (slot) {
    case 'home': return words.homeEn;
    case 'appliance': return rng.pick(words.appliancesEn);
    case 'time': return enStartTime(ctx);
    case 'duration': return enDuration(ctx.lagHours);
    case 'shortDuration': return rng.pick(['an hour', 'forty minutes', 'half an hour']);
    case 'amount': return `CNY ${billAmount(ctx, rng).toFixed(2)}`;
    case 'month': return EN_MONTHS[new Date(ctx.createdMs + LOCAL_OFFSET_MS - 20 * MS_PER_DAY).getUTCMonth()];
    case 'pastDate': return rng.pick(['yesterday', 'the day before yesterday', 'last week', 'three days ago']);
    case 'futureDate': return rng.pick(['tomorrow', 'the day after tomorrow', 'next Monday', 'this weekend']);
    case 'count': return rng.pick(['three', 'four', 'five', 'several']);
    case 'ordinal': return rng.pick(['third', 'fourth', 'fifth']);
    case 'people': return String(rng.int(5, 8));
    case 'staff': return `${rng.pick(['Mr', 'Ms'])} ${rng.pick(EN_SURNAMES)}`;
    case 'shop': return rng.pick(['small restaurant', 'rented house', 'car wash', 'workshop']);
    case 'capacity': return `${rng.pick(CAPACITIES.slice(0, 6))} kVA`;
    case 'capacity2': return `${rng.pick(CAPACITIES.slice(6))} kVA`;
    case 'pvKw': return `${rng.int(5, 30)} kW`;
    case 'accountNo': return accountNumber(ctx.customerId);
    case 'road': return `${rng.pick(['the main road', 'our street', 'the road outside our compound', 'the street behind the market'])} in ${district}`;
    case 'address': return `${words.homeEn.replace(/^(my|our) /, 'our new ')} in ${district}`;
    default: throw new RangeError(`unknown ticket slot {${slot}}`);
  }
}

function places(ctx: SlotContext) {
  return hangzhouPlaces[ctx.districtCode] ?? hangzhouPlaces['330106'];
}

/** 户号: a stable 10-digit account number derived from the customer id. */
export function accountNumber(customerId: string): string {
  let h = 2166136261;
  for (let i = 0; i < customerId.length; i++) h = Math.imul(h ^ customerId.charCodeAt(i), 16777619);
  return `33${String((h >>> 0) % 100_000_000).padStart(8, '0')}`;
}

/** A customer's usual monthly bill, stable per customer so that amounts in one text agree. */
function typicalBill(ctx: SlotContext): number {
  const base = ctx.customerType === 'residential' ? 180 : 2500;
  const spread = (Number.parseInt(accountNumber(ctx.customerId).slice(-3), 10) / 1000) * 1.5 + 0.5;
  return base * spread;
}

function billAmount(ctx: SlotContext, rng: Rng): number {
  return typicalBill(ctx) * rng.uniform(0.85, 1.15) * (ctx.billShock ? rng.uniform(1.8, 3) : 1);
}

function monthlyKwh(ctx: SlotContext, rng: Rng): number {
  return rng.logNormal(ctx.customerType === 'residential' ? 320 : 4000, 0.4);
}

function zhStartTime(ctx: SlotContext, rng: Rng): string {
  const start = new Date(ctx.createdMs - ctx.lagHours * MS_PER_HOUR + LOCAL_OFFSET_MS);
  const created = Math.floor((ctx.createdMs + LOCAL_OFFSET_MS) / MS_PER_DAY);
  const dayOffset = created - Math.floor(start.getTime() / MS_PER_DAY);
  return zhClock(start.getUTCHours(), start.getUTCMinutes(), dayOffset, rng.int(0, 2));
}

function enStartTime(ctx: SlotContext): string {
  const start = new Date(ctx.createdMs - ctx.lagHours * MS_PER_HOUR + LOCAL_OFFSET_MS);
  const sameDay = Math.floor(start.getTime() / MS_PER_DAY) === Math.floor((ctx.createdMs + LOCAL_OFFSET_MS) / MS_PER_DAY);
  const h = start.getUTCHours();
  return `around ${h % 12 === 0 ? 12 : h % 12} ${h < 12 ? 'am' : 'pm'} ${sameDay ? 'today' : 'yesterday'}`;
}

function enDuration(hours: number): string {
  if (hours < 1) return 'half an hour';
  if (hours < 2) return 'over an hour';
  if (hours < 30) return `${Math.floor(hours)} hours`;
  return `${Math.round(hours / 24)} days`;
}

function zhMonth(ctx: SlotContext, rng: Rng): string {
  const previous = new Date(ctx.createdMs + LOCAL_OFFSET_MS - 20 * MS_PER_DAY).getUTCMonth() + 1;
  return rng.pick(['上个月', '这个月', `${zhNumber(previous)}月份`, `${previous}月份`]);
}

function zhDate(ms: number): string {
  const d = new Date(ms + LOCAL_OFFSET_MS);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}号`;
}

function zhAddress(ctx: SlotContext, rng: Rng): string {
  const kind = ctx.customerType === 'residential' ? 'residential' : ctx.customerType === 'agricultural' ? 'rural' : 'business';
  const full = drawAddress(rng, ctx.districtCode, kind).full;
  return rng.chance(0.6) ? full.replace('浙江省杭州市', '') : full;
}
