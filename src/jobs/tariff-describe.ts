import type { Schedule12x24, Tariff } from '../core/schemas/tariff.js';
import { currencyLabel, energyLadders, fmt, periodLabel, periodNamesOf, type Bilingual } from '../core/tariff/index.js';

/** A readable description of a tariff in both languages: periods and their hours, tiers, charges. */
export interface TariffDescription {
  readonly zh: string[];
  readonly en: string[];
}

/** `[8, 22)` style hour ranges of the hours where `pick` holds, e.g. `08:00-22:00`. */
function hourRanges(hours: readonly number[], period: number): string[] {
  const ranges: string[] = [];
  let start = -1;
  for (let h = 0; h <= 24; h++) {
    const inside = h < 24 && hours[h] === period;
    if (inside && start < 0) start = h;
    if (!inside && start >= 0) {
      ranges.push(`${String(start).padStart(2, '0')}:00-${String(h).padStart(2, '0')}:00`);
      start = -1;
    }
  }
  return ranges;
}

/** Month groups (1-based, e.g. `1-6,9-12`) sharing the same 24-hour row. */
function monthGroups(schedule: Schedule12x24): { months: string; row: number[] }[] {
  const groups = new Map<string, number[]>();
  schedule.forEach((row, m) => {
    const key = row.join(',');
    groups.set(key, [...(groups.get(key) ?? []), m + 1]);
  });
  return [...groups.entries()].map(([key, months]) => ({ months: compactMonths(months), row: key.split(',').map(Number) }));
}

function compactMonths(months: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < months.length; i++) {
    let j = i;
    while (j + 1 < months.length && months[j + 1] === months[j] + 1) j++;
    parts.push(i === j ? `${months[i]}` : `${months[i]}-${months[j]}`);
    i = j;
  }
  return parts.join(',');
}

function scheduleLines(tariff: Tariff, names: string[], kind: { zh: string; en: string }, schedule: Schedule12x24): Bilingual[] {
  if (names.length === 1) return [];
  return monthGroups(schedule).map(({ months, row }) => {
    const parts = names.map((name, p) => ({ label: periodLabel(name), hours: hourRanges(row, p) })).filter((x) => x.hours.length > 0);
    return {
      zh: `  ${months}月${kind.zh}：${parts.map((x) => `${x.label.zh} ${x.hours.join('、')}`).join('；')}`,
      en: `  months ${months}, ${kind.en}: ${parts.map((x) => `${x.label.en} ${x.hours.join(', ')}`).join('; ')}`,
    };
  });
}

function energyPriceLines(tariff: Tariff, names: string[]): Bilingual[] {
  const money = currencyLabel(tariff.currency);
  const accumulation = tariff.china?.tierAccumulation ?? 'monthly';
  const per = accumulation === 'annual' ? { zh: '年', en: 'year' } : { zh: '月', en: 'month' };
  return energyLadders(tariff, 30).map((ladder, p) => {
    const label = periodLabel(names[p]);
    const name = { zh: label.zh === '' ? '电度' : label.zh, en: label.en === '' ? 'Energy' : label.en };
    if (ladder.length === 1) return { zh: `  ${name.zh}电价 ${fmt(ladder[0].price, 5)} ${money.zh}/kWh`, en: `  ${name.en} price ${fmt(ladder[0].price, 5)} ${money.en}/kWh` };
    let lower = 0;
    const steps = ladder.map((step, t) => {
      const range = step.upToKwh === Infinity ? `> ${fmt(lower)}` : `${fmt(lower)}-${fmt(step.upToKwh)}`;
      lower = step.upToKwh;
      return { zh: `第${t + 1}档 ${range} kWh/${per.zh} ${fmt(step.price, 5)}`, en: `tier ${t + 1} ${range} kWh/${per.en} ${fmt(step.price, 5)}` };
    });
    return { zh: `  ${name.zh}电价（${money.zh}/kWh）：${steps.map((s) => s.zh).join('；')}`, en: `  ${name.en} price (${money.en}/kWh): ${steps.map((s) => s.en).join('; ')}` };
  });
}

function chargeLines(tariff: Tariff): Bilingual[] {
  const money = currencyLabel(tariff.currency);
  const lines: Bilingual[] = [];
  const china = tariff.china;
  tariff.demandratestructure?.forEach((tiers, p) => lines.push({ zh: `需量电价 时段${p}：${fmt(tiers[0].rate + (tiers[0].adj ?? 0), 4)} ${money.zh}/kW`, en: `Demand price period ${p}: ${fmt(tiers[0].rate + (tiers[0].adj ?? 0), 4)} ${money.en}/kW` }));
  if (tariff.flatdemandstructure) lines.push({ zh: `最大需量电价（按月）：${tariff.flatdemandstructure.map((t) => fmt(t[0].rate + (t[0].adj ?? 0), 4)).join(' / ')} ${money.zh}/kW`, en: `Flat demand price by month group: ${tariff.flatdemandstructure.map((t) => fmt(t[0].rate + (t[0].adj ?? 0), 4)).join(' / ')} ${money.en}/kW` });
  if (tariff.fixedmonthlycharge) lines.push({ zh: `固定费用 ${fmt(tariff.fixedmonthlycharge, 4)} ${money.zh}/月`, en: `Fixed charge ${fmt(tariff.fixedmonthlycharge, 4)} ${money.en}/month` });
  if (tariff.fixedchargefirstmeter) {
    const day = tariff.fixedchargeunits === '$/day';
    lines.push({ zh: `计量点固定费用 ${fmt(tariff.fixedchargefirstmeter, 5)} ${money.zh}/${day ? '天' : '月'}`, en: `Meter fixed charge ${fmt(tariff.fixedchargefirstmeter, 5)} ${money.en}/${day ? 'day' : 'month'}` });
  }
  if (tariff.mincharge) lines.push({ zh: `最低收费 ${fmt(tariff.mincharge, 4)} ${money.zh}`, en: `Minimum charge ${fmt(tariff.mincharge, 4)} ${money.en}` });
  if (china?.capacityChargePerKvaMonth !== undefined) lines.push({ zh: `基本电费（容量）${fmt(china.capacityChargePerKvaMonth)} ${money.zh}/kVA·月`, en: `Basic charge (capacity) ${fmt(china.capacityChargePerKvaMonth)} ${money.en}/kVA-month` });
  if (china?.maxDemandChargePerKwMonth !== undefined) lines.push({ zh: `基本电费（需量）${fmt(china.maxDemandChargePerKwMonth)} ${money.zh}/kW·月`, en: `Basic charge (maximum demand) ${fmt(china.maxDemandChargePerKwMonth)} ${money.en}/kW-month` });
  if (china?.powerFactor) lines.push({ zh: `功率因数考核标准 ${china.powerFactor.target}`, en: `Power-factor target ${china.powerFactor.target}` });
  for (const fund of china?.governmentFunds ?? []) lines.push({ zh: `${fund.nameZh} ${fmt(fund.perKwh, 6)} ${money.zh}/kWh`, en: `${fund.nameEn} ${fmt(fund.perKwh, 6)} ${money.en}/kWh` });
  if (china?.holidaysUseWeekendSchedule) lines.push({ zh: '法定节假日按周末时段执行，调休工作日按工作日执行', en: 'Statutory holidays follow the weekend schedule, make-up working days the weekday one' });
  if (tariff.ignoredUrdbFields?.length) lines.push({ zh: `未计费的 URDB 字段：${tariff.ignoredUrdbFields.join(', ')}`, en: `URDB fields not billed: ${tariff.ignoredUrdbFields.join(', ')}` });
  return lines;
}

export function describeTariff(tariff: Tariff): TariffDescription {
  const names = periodNamesOf(tariff.energyratestructure.length, tariff.china?.periodNames);
  const same = JSON.stringify(tariff.energyweekdayschedule) === JSON.stringify(tariff.energyweekendschedule);
  const header: Bilingual[] = [
    { zh: `${tariff.tariffId}  ${tariff.nameZh ?? tariff.name}`, en: `${tariff.tariffId}  ${tariff.name}` },
    { zh: `供电企业：${tariff.utility}；用户类别：${tariff.customerClass}；币种：${tariff.currency}`, en: `Utility: ${tariff.utility}; class: ${tariff.customerClass}; currency: ${tariff.currency}` },
    ...(tariff.source ? [{ zh: `来源：${tariff.source}`, en: `Source: ${tariff.source}` }] : []),
    { zh: names.length === 1 ? '全天单一电价' : `分时时段（${names.length} 个）：`, en: names.length === 1 ? 'One price all day' : `Time-of-use periods (${names.length}):` },
    ...scheduleLines(tariff, names, same ? { zh: '（每日）', en: 'every day' } : { zh: '（工作日）', en: 'weekdays' }, tariff.energyweekdayschedule),
    ...(same ? [] : scheduleLines(tariff, names, { zh: '（周末）', en: 'weekends' }, tariff.energyweekendschedule)),
    { zh: tariff.china?.tierAccumulation === 'annual' ? '电度电价（阶梯按年累计）：' : '电度电价：', en: tariff.china?.tierAccumulation === 'annual' ? 'Energy prices (tiers on the year-to-date kWh):' : 'Energy prices:' },
    ...energyPriceLines(tariff, names),
    ...chargeLines(tariff),
  ];
  return { zh: header.map((l) => l.zh), en: header.map((l) => l.en) };
}
