import { describe, expect, it } from 'vitest';
import { addBlock, flat, sampleTemplate, standardCapacity } from './shapes.js';

describe('shapes', () => {
  const ramp = [...flat(0, 8), ...flat(1, 10), ...flat(0, 6)]; // on 08:00–18:00

  it('samples hourly templates at slot middles, linear between hour middles', () => {
    const out = new Float32Array(96);
    sampleTemplate(ramp, 96, { shiftMinutes: 0, scale: 2 }, out, 0);
    expect(out[12 * 4]).toBe(2);
    expect(out[3 * 4]).toBe(0);
    expect(out[8 * 4]).toBeCloseTo(1.25, 5); // 08:07:30 lies 37.5 min past 07:30
    expect(out.reduce((s, x) => s + x, 0) / 4).toBeCloseTo(20, 5); // 10 h × 2 kW
  });

  it('shifts the routine later and applies hourly jitter', () => {
    const shifted = new Float32Array(24);
    sampleTemplate(ramp, 24, { shiftMinutes: 60, scale: 1 }, shifted, 0);
    expect(shifted[8]).toBe(0);
    expect(shifted[18]).toBe(1);
    const jittered = new Float32Array(24);
    sampleTemplate(ramp, 24, { shiftMinutes: 0, scale: 1, hourlyJitter: flat(1.1, 24) }, jittered, 0);
    expect(jittered[12]).toBeCloseTo(1.1, 5);
  });

  it('adds blocks with fractional ends and clips them to the series', () => {
    const out = new Float64Array(6);
    addBlock(out, 1.5, 2, 4);
    expect([...out]).toEqual([0, 2, 4, 2, 0, 0]);
    addBlock(out, 5.5, 3, 2);
    expect(out[5]).toBe(1);
  });

  it('rounds contract capacity up to a standard size within the range', () => {
    expect(standardCapacity(5.2, [4, 10])).toBe(6);
    expect(standardCapacity(700, [200, 2000])).toBe(800);
    expect(standardCapacity(9000, [200, 2000])).toBe(2000);
    expect(standardCapacity(10, [200, 2000])).toBe(200);
  });
});
