import { describe, expect, it } from 'vitest';
import { describeShape, shapeFacts } from './segment-description.js';

describe('segment descriptions', () => {
  it('names a late-evening charging shape and reports its seasonal ratios in both languages', () => {
    const block = (scale: number) => Array.from({ length: 24 }, (_, h) => scale * (h === 22 ? 0.3 : h >= 18 ? 0.06 : 0.02));
    const centroid = Float64Array.from([...block(1), ...block(1.6)]);
    const facts = shapeFacts(centroid, 0, [{ season: 'shoulder', dayKind: 'workday' }, { season: 'summer', dayKind: 'workday' }]);
    expect(facts.peakHour).toBe(22);
    expect(facts.summerRatio).toBeCloseTo(1.6, 9);
    expect(facts.restdayRatio).toBeNull();
    const text = describeShape(facts, 12, 0.1);
    expect(text.name.en).toBe('Late-night peak (likely EV charging), strong summer cooling');
    expect(text.name['zh-CN']).toContain('电动汽车');
    expect(text.text.en).toContain('12 customers (10%)');
    expect(text.text['zh-CN']).toContain('高峰在 22:00');
  });

  it('names a workday daytime business', () => {
    const work = Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 18 ? 0.09 : 0.01));
    const rest = work.map((v) => v * 0.3);
    const facts = shapeFacts(Float64Array.from([...work, ...rest]), 0, [{ season: 'shoulder', dayKind: 'workday' }, { season: 'shoulder', dayKind: 'restday' }]);
    expect(describeShape(facts, 5, 0.05).name.en).toBe('Workday daytime');
  });
});
