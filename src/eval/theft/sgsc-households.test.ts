import { describe, expect, it } from 'vitest';
import { parseSgsc } from './sgsc-households.js';
import { buildSgscSamples } from './sgsc-samples.js';

const header = 'customer_id,reading_datetime,general_supply_kwh';

function csv(days: number): string {
  const lines = [header];
  for (let d = 0; d < days; d++) {
    for (let h = 0; h < 48; h++) {
      if (d === 3 && h === 10) continue;
      const stamp = new Date(Date.UTC(2013, 0, 1 + d, 0, 30 * h)).toISOString().slice(0, 19).replace('T', ' ');
      lines.push(`42,${stamp},${(0.1 + (h % 7) * 0.05).toFixed(3)}`);
    }
  }
  lines.splice(1, 0, '42,2012-12-31 23:30:00,0.5');
  return lines.join('\n');
}

describe('SGSC households', () => {
  it('parses half-hours onto whole local days, leaving gaps as NaN', () => {
    const [h] = parseSgsc(csv(70));
    expect(h).toMatchObject({ id: '42', firstDay: Date.UTC(2013, 0, 1) / 86_400_000, days: 70 });
    expect(h.kwh[3 * 48 + 10]).toBeNaN();
    expect(h.kwh[1]).toBeCloseTo(0.15, 12);
  });

  it('rejects a file that is not the SGSC sample', () => expect(() => parseSgsc('a,b\n1,2')).toThrow(/header/));

  it('attacks a random half of the windows, only after their history, and keeps gaps', () => {
    const samples = buildSgscSamples(parseSgsc(csv(140)), 'h1', 3);
    expect(samples).toHaveLength(4);
    const attacked = samples.filter((s) => s.family === 'h1');
    expect(attacked).toHaveLength(2);
    const clean = parseSgsc(csv(140))[0].kwh;
    for (const s of attacked) {
      const offset = (s.startDay - samples[0].startDay) * 48;
      expect(s.kwh.slice(0, 28 * 48)).toEqual(clean.slice(offset, offset + 28 * 48));
      expect(s.kwh[28 * 48 + 5]).toBeLessThan(clean[offset + 28 * 48 + 5]);
    }
    expect(samples[0].kwh[3 * 48 + 10]).toBeNaN();
  });
});
