import { describe, expect, it } from 'vitest';
import { Mulberry32 } from '../../ml/random.js';
import { FIRST_DAY, flatDays } from '../baselines/dr-baselines.testkit.js';
import { simulateResponse } from './response-model.js';
import { rankTargets, responseLikelihood, scoreCustomer } from './targeting.js';

const window = { startMinute: 17 * 60, endMinute: 20 * 60 };

/** Hourly load: 0.5 kWh base, `peak` kWh in 17:00–20:00. */
function peaky(peak: number) {
  const m = flatDays(28, () => 0.5);
  for (let d = 0; d < 28; d++) m.day(d).fill(peak, 17, 20);
  return m;
}

describe('targeting', () => {
  it('measures shiftable peak kW above base load from the customer\'s own intervals', () => {
    const s = scoreCustomer({ customerId: 'A', load: peaky(2.5), engagementEvents: 0, pastEvents: 0, pastResponses: 0 }, FIRST_DAY + 21, window);
    expect(s).toMatchObject({ windowKw: 2.5, baseKw: 0.5, shiftableKw: 2, days: 10 });
    expect(s.scoreKw).toBeCloseTo(2 * 0.15, 12);
  });

  it('raises likelihood with engagement and moves it toward the observed response rate', () => {
    const idle = responseLikelihood({ engagementEvents: 0, pastEvents: 0, pastResponses: 0 });
    const engaged = responseLikelihood({ engagementEvents: 30, pastEvents: 0, pastResponses: 0 });
    expect(engaged).toBeGreaterThan(idle);
    expect(responseLikelihood({ engagementEvents: 0, pastEvents: 20, pastResponses: 20 })).toBeGreaterThan(0.85);
    expect(responseLikelihood({ engagementEvents: 30, pastEvents: 20, pastResponses: 0 })).toBeLessThan(0.15);
  });

  it('ranks by expected delivered kW and drops customers with nothing to shift', () => {
    const score = (id: string, peak: number, events: number) => scoreCustomer({ customerId: id, load: peaky(peak), engagementEvents: events, pastEvents: 0, pastResponses: 0 }, FIRST_DAY + 21, window);
    const ranked = rankTargets([score('flat', 0.5, 50), score('small', 1, 50), score('big', 4, 0), score('big-engaged', 4, 50)], 10);
    expect(ranked.map((r) => r.customerId)).toEqual(['big-engaged', 'big', 'small']);
  });
});

describe('response model', () => {
  const day = new Float64Array(24).fill(0.5).fill(2.5, 17, 20);
  const spec = { startStep: 17, endStep: 20, intervalMinutes: 60, shiftableKw: 2, baseKw: 0.5 };

  it('sheds part of the shiftable load, never below base load, with snap-back after the event', () => {
    const r = simulateResponse(day, { ...spec, likelihood: 1, rng: new Mulberry32(1) });
    expect(r.responded).toBe(true);
    const shed = r.reductionKwh.reduce((s, v) => s + v, 0);
    expect(shed).toBeGreaterThanOrEqual(3 * 0.3 * 2 - 1e-9);
    expect(shed).toBeLessThanOrEqual(3 * 0.8 * 2 + 1e-9);
    for (let s = 17; s < 20; s++) expect(r.actual[s]).toBeGreaterThanOrEqual(0.5);
    expect(r.actual[20] + r.actual[21] - 1).toBeCloseTo(shed / 2, 12);
    expect(day[18]).toBe(2.5);
  });

  it('leaves a customer who does not respond unchanged', () => {
    const r = simulateResponse(day, { ...spec, likelihood: 0, rng: new Mulberry32(1) });
    expect(r.responded).toBe(false);
    expect([...r.actual]).toEqual([...day]);
  });
});
