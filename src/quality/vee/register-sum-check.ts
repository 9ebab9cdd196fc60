import type { Flag } from './flag.js';
import type { MeterSeries } from './meter-series.js';
import { kwhText, localTimeText } from './reason-format.js';
import { registerBrackets, registerTolerance, type RegisterBracket } from './register-brackets.js';
import type { VeeCheck } from './vee-check.js';
import type { VeeRules } from './vee-rules.js';

/**
 * Register sum check: between two register reads, the intervals must add up to the register
 * advance × multiplier (rollover handled) within tolerance (warning). A register that runs backwards
 * is an error. Brackets with a missing interval are left to estimation.
 */
export const registerSumCheck: VeeCheck = (series, rules) => {
  const flags: Flag[] = [];
  for (const bracket of registerBrackets(series, rules)) {
    if (Number.isNaN(bracket.expectedKwh)) {
      flags.push(backwardsFlag(series, bracket));
      continue;
    }
    const sum = intervalSum(series.values, bracket);
    if (Number.isNaN(sum)) continue;
    const tolerance = registerTolerance(bracket.expectedKwh, rules);
    if (Math.abs(sum - bracket.expectedKwh) > tolerance) flags.push(mismatchFlag(series, rules, bracket, sum, tolerance));
  }
  return flags;
};

function intervalSum(values: Float64Array, { startIndex, endIndex }: RegisterBracket): number {
  let sum = 0;
  for (let i = startIndex; i < endIndex; i++) sum += values[i];
  return sum;
}

function backwardsFlag(series: MeterSeries, b: RegisterBracket): Flag {
  const at = localTimeText(series, b.startIndex);
  return {
    check: 'register-sum',
    code: 'register-sum.backwards',
    startIndex: b.startIndex,
    endIndex: b.endIndex,
    severity: 'error',
    reason: `register went from ${kwhText(b.fromKwh)} to ${kwhText(b.toKwh)} after ${at}: backwards and not a plausible rollover`,
    reasonZh: `${at} 起示数由 ${kwhText(b.fromKwh)} 变为 ${kwhText(b.toKwh)}，示数倒走且不属于正常翻转`,
    facts: { fromKwh: b.fromKwh, toKwh: b.toKwh },
  };
}

function mismatchFlag(series: MeterSeries, rules: VeeRules, b: RegisterBracket, sum: number, tolerance: number): Flag {
  const at = localTimeText(series, b.startIndex);
  const rollover = b.rolledOver ? ` (rollover at ${rules.register.rolloverKwh} kWh)` : '';
  const rolloverZh = b.rolledOver ? `（示数在 ${rules.register.rolloverKwh} kWh 处翻转）` : '';
  return {
    check: 'register-sum',
    code: 'register-sum.mismatch',
    startIndex: b.startIndex,
    endIndex: b.endIndex,
    severity: 'warning',
    reason: `intervals from ${at} sum to ${kwhText(sum)} but the register advanced ${kwhText(b.expectedKwh)}${rollover}; difference ${kwhText(sum - b.expectedKwh)} exceeds ${kwhText(tolerance)}`,
    reasonZh: `${at} 起区间电量合计 ${kwhText(sum)}，示数差为 ${kwhText(b.expectedKwh)}${rolloverZh}，偏差 ${kwhText(sum - b.expectedKwh)} 超过容差 ${kwhText(tolerance)}`,
    facts: { intervalSumKwh: sum, registerKwh: b.expectedKwh, toleranceKwh: tolerance, rolledOver: b.rolledOver },
  };
}
