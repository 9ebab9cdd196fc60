/** Spoken Chinese renderings of numbers, clock times, durations and money, as callers say them. */
const DIGITS = '零一二三四五六七八九';

/** 0..99 in Chinese numerals: 3 → 三, 12 → 十二, 45 → 四十五. */
export function zhNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** A count before a measure word: 2 → 两 (两个, 两次), otherwise as zhNumber. */
export function zhCount(n: number): string {
  return n === 2 ? '两' : zhNumber(n);
}

/** Part of the day as said in Chinese for a local hour. */
function dayPart(hour: number): string {
  if (hour < 5) return '凌晨';
  if (hour < 8) return '早上';
  if (hour < 11) return '上午';
  if (hour < 13) return '中午';
  if (hour < 18) return '下午';
  return '晚上';
}

/**
 * A clock time relative to the day of speaking: 今天下午三点左右, 昨天晚上十一点多.
 * `dayOffset` is 0 for today, 1 for yesterday; `variant` (0..2) picks the rounding word.
 */
export function zhClock(hour: number, minute: number, dayOffset: number, variant: number): string {
  const day = dayOffset === 0 ? '今天' : dayOffset === 1 ? '昨天' : '前天';
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  const clock = `${h12 === 2 ? '两' : zhNumber(h12)}点`;
  let tail: string;
  if (minute < 20) tail = ['', '左右', '多'][variant];
  else if (minute < 40) tail = ['半', '半左右', '半'][variant];
  else tail = '多';
  return `${day}${dayPart(hour)}${clock}${tail}`;
}

/** An elapsed time: 半个多小时, 两个多小时, 大半天, 三天. */
export function zhDuration(hours: number): string {
  if (hours < 0.75) return '半个多小时';
  if (hours < 1.5) return '一个多小时';
  if (hours < 2) return '快两个小时';
  if (hours < 10) return `${zhCount(Math.floor(hours))}个多小时`;
  if (hours < 20) return '大半天';
  if (hours < 36) return '一整天';
  return `${zhCount(Math.min(9, Math.round(hours / 24)))}天`;
}

/** Money as said aloud: 八十多块钱, 三百多块, 两千多块, 一万多块. */
export function zhMoneyColloquial(cny: number): string {
  if (cny < 100) return `${zhNumber(Math.min(90, Math.max(10, Math.round(cny / 10) * 10)))}块钱`;
  if (cny < 1000) return `${zhCount(Math.floor(cny / 100))}百多块`;
  if (cny < 10_000) return `${zhCount(Math.floor(cny / 1000))}千多块`;
  return `${zhCount(Math.min(99, Math.floor(cny / 10_000)))}万多块`;
}

/** Money as written: 326.50元 or 326元. */
export function zhMoneyWritten(cny: number, withFen: boolean): string {
  return withFen ? `${cny.toFixed(2)}元` : `${Math.round(cny)}元`;
}
