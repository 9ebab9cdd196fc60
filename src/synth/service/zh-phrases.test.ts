import { describe, expect, it } from 'vitest';
import { zhClock, zhCount, zhDuration, zhMoneyColloquial, zhMoneyWritten, zhNumber } from './zh-phrases.js';

describe('zh phrases', () => {
  it('writes numbers and counts the way they are said', () => {
    expect([3, 10, 12, 20, 45].map(zhNumber)).toEqual(['三', '十', '十二', '二十', '四十五']);
    expect(zhCount(2)).toBe('两');
    expect(zhCount(3)).toBe('三');
  });

  it('writes clock times relative to today', () => {
    expect(zhClock(15, 5, 0, 1)).toBe('今天下午三点左右');
    expect(zhClock(23, 50, 1, 0)).toBe('昨天晚上十一点多');
    expect(zhClock(8, 30, 0, 0)).toBe('今天上午八点半');
    expect(zhClock(14, 0, 0, 0)).toBe('今天下午两点');
  });

  it('writes durations and money colloquially', () => {
    expect(zhDuration(0.5)).toBe('半个多小时');
    expect(zhDuration(2.4)).toBe('两个多小时');
    expect(zhDuration(72)).toBe('三天');
    expect(zhMoneyColloquial(326)).toBe('三百多块');
    expect(zhMoneyColloquial(2300)).toBe('两千多块');
    expect(zhMoneyColloquial(83)).toBe('八十块钱');
    expect(zhMoneyWritten(326.5, true)).toBe('326.50元');
  });
});
