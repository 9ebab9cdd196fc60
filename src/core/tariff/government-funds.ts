import type { Tariff } from '../schemas/tariff.js';
import { currencyLabel, fmt, pricedLine, type BillLineDraft } from './bill-lines.js';

/**
 * Government funds and surcharges (政府性基金及附加), one line per fund on all billed kWh. Tariffs
 * whose published prices already include them (Chinese residential) list none.
 */
export function governmentFundLines(tariff: Tariff, kwhTotal: number): BillLineDraft[] {
  const funds = tariff.china?.governmentFunds ?? [];
  const money = currencyLabel(tariff.currency);
  return funds.map((fund) => {
    const qty = `${fmt(kwhTotal)} kWh × ${fmt(fund.perKwh, 6)}`;
    return pricedLine({
      code: `FUND.${fund.code}`, quantity: kwhTotal, unit: 'kWh', rate: fund.perKwh,
      text: { zh: `${fund.nameZh}：${qty} ${money.zh}/kWh`, en: `${fund.nameEn}: ${qty} ${money.en}/kWh` },
    });
  });
}
