import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.js';
import { drawResolutionHours, drawSatisfaction, drawTicketChannel, satisfactionWeights } from './ticket-resolution.js';

const expected = (w: readonly number[]) => w.reduce((s, p, i) => s + p * (i + 1), 0) / w.reduce((a, b) => a + b, 0);

describe('ticket resolution', () => {
  it('expects lower satisfaction the longer a repair or complaint takes', () => {
    expect(expected(satisfactionWeights('fault_repair', 'outage', 1))).toBeGreaterThan(4);
    expect(expected(satisfactionWeights('fault_repair', 'outage', 10))).toBeLessThan(2.7);
    expect(expected(satisfactionWeights('complaint', 'bill_dispute', 100))).toBeLessThan(2.1);
    expect(expected(satisfactionWeights('praise', 'staff_praise', 100))).toBeGreaterThan(4.7);
  });

  it('draws scores 1..5 or null, resolution times around the topic median, and channels', () => {
    const rng = new Rng(1);
    const scores = Array.from({ length: 2000 }, () => drawSatisfaction(rng, 'consultation', 'bill_query', 0.1, 0.5));
    expect(scores.filter((s) => s === null).length).toBeGreaterThan(400);
    expect(scores.every((s) => s === null || (Number.isInteger(s) && s >= 1 && s <= 5))).toBe(true);
    const repairs = Array.from({ length: 2000 }, () => drawResolutionHours(rng, 'service_request', 'pv_grid_connection')).sort((a, b) => a - b);
    expect(repairs[1000]).toBeGreaterThan(300);
    expect(repairs[1000]).toBeLessThan(800);
    const channels = Array.from({ length: 2000 }, () => drawTicketChannel(rng, 'fault_repair'));
    expect(channels.filter((c) => c === 'hotline_95598').length).toBeGreaterThan(1200);
  });
});
