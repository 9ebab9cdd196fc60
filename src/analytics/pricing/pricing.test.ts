import { describe, expect, it } from 'vitest';
import { demoTariff } from '../../core/tariff/index.js';
import { parseElasticity, responseFactors } from './elasticity.js';
import { solveRevenueNeutral, touPrices, withPeriodPrices } from './tou-price-set.js';
import { periodPrices } from './price-response.js';

describe('elasticity assumptions', () => {
  it('parses period elasticities and rejects a positive own-price elasticity naming it', () => {
    expect(parseElasticity('peak=-0.2,valley=-0.05,cross=0.08')).toEqual({ own: { peak: -0.2, valley: -0.05 }, defaultOwn: -0.1, cross: 0.08 });
    expect(() => parseElasticity('peak=0.3')).toThrow(/peak=0.3 must be an own-price elasticity/);
    expect(() => parseElasticity('peak')).toThrow(/"peak" is not name=number/);
  });

  it('moves use from a dearer peak to the valley', () => {
    const [peak, valley] = responseFactors([0.5, 0.5], [0.6, 0.3], ['peak', 'valley'], parseElasticity('peak=-0.2,valley=-0.1,cross=0.05'));
    expect(peak).toBeCloseTo(Math.exp(-0.2 * Math.log(1.2) + 0.05 * Math.log(0.6)), 12);
    expect(peak).toBeLessThan(1);
    expect(valley).toBeGreaterThan(1);
  });
});

describe('TOU price sets', () => {
  it('keeps the 4:1 ratio, critical peak 20% above peak and the flat period between them', () => {
    const li = demoTariff('ZJ-LI-TOU');
    const prices = touPrices(li, 0.25, 4);
    expect(prices[3]).toBe(0.25);
    expect(prices[1]).toBe(1);
    expect(prices[0]).toBeCloseTo(1.2, 12);
    expect(prices[2]).toBeGreaterThan(0.25);
    expect(prices[2]).toBeLessThan(1);
    expect(periodPrices(withPeriodPrices(li, prices))).toEqual(prices.map((p) => Number(p.toFixed(10))));
  });

  it('solves a monotone revenue function to the tolerance', () => {
    const result = solveRevenueNeutral((v) => 1000 * v + 50 * Math.sqrt(v), 500, 0.1, { tolerance: 0.01, maxIterations: 60 });
    expect(result.converged).toBe(true);
    expect(Math.abs(result.revenue - 500)).toBeLessThanOrEqual(0.01);
  });
});
