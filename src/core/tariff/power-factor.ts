import { ValidationError } from '../errors.js';
import type { PowerFactorRule, Tariff } from '../schemas/tariff.js';
import { amountLine, currencyLabel, fmt, type BillLineDraft } from './bill-lines.js';

/**
 * Power-factor adjustment (功率因数调整电费, after the 1983 功率因数调整电费办法), simplified to
 * straight lines around the target:
 *
 * - below target: +0.5% per 0.01 (the table's steeper +1% and +2% per 0.01 far below target,
 *   e.g. under 0.70 for the 0.90 standard, are not modelled);
 * - above target: -0.15% per 0.01 up to -0.75% for 0.90 (exactly the official table), -0.10% per
 *   0.01 up to -1.10% for 0.85 and up to -1.30% for 0.80 (the table's larger last steps are
 *   smoothed, so the cap is reached 0.01-0.03 later than in the table).
 *
 * The power factor is rounded to 0.01 first, as bills print it. The adjustment applies to the
 * basic and energy charges (funds and surcharges excluded). Tariff fields override the defaults.
 */
const defaults: Record<number, { credit: number; maxCredit: number }> = {
  0.9: { credit: 0.15, maxCredit: 0.75 },
  0.85: { credit: 0.1, maxCredit: 1.1 },
  0.8: { credit: 0.1, maxCredit: 1.3 },
};

/** Adjustment in percent of the base: positive is a surcharge, negative a credit. */
export function powerFactorAdjustmentPercent(rule: PowerFactorRule, powerFactor: number): number {
  if (!(powerFactor > 0 && powerFactor <= 1)) throw new ValidationError(`options.powerFactor: ${powerFactor} is not in (0, 1]`);
  const steps = Math.round(Math.round(powerFactor * 100) - rule.target * 100);
  const penalty = rule.penaltyPercentPer001 ?? 0.5;
  const credit = rule.creditPercentPer001 ?? defaults[rule.target].credit;
  const maxCredit = rule.maxCreditPercent ?? defaults[rule.target].maxCredit;
  const percent = steps <= 0 ? -steps * penalty : -Math.min(steps * credit, maxCredit);
  return Number(percent.toFixed(6)) + 0;
}

/** The adjustment line on `base` (basic + energy + demand charges), or undefined without a rule or a power factor. */
export function powerFactorLine(tariff: Tariff, powerFactor: number | undefined, base: number): BillLineDraft | undefined {
  const rule = tariff.china?.powerFactor;
  if (!rule || powerFactor === undefined) return undefined;
  const percent = powerFactorAdjustmentPercent(rule, powerFactor);
  const money = currencyLabel(tariff.currency);
  const pf = fmt(Math.round(powerFactor * 100) / 100, 2);
  const signed = `${percent > 0 ? '+' : ''}${fmt(percent, 2)}%`;
  return amountLine({
    code: 'PF_ADJUST', quantity: base, unit: tariff.currency, rate: percent / 100,
    text: {
      zh: `功率因数调整电费：实际功率因数 ${pf}，考核标准 ${fmt(rule.target, 2)}，调整率 ${signed}（线性简化表），调整基数 ${fmt(base, 2)} ${money.zh}`,
      en: `Power-factor adjustment: power factor ${pf} against ${fmt(rule.target, 2)}, ${signed} (linearised table) of ${fmt(base, 2)} ${money.en}`,
    },
  }, (base * percent) / 100);
}
