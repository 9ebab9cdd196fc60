import { describe, expect, it } from 'vitest';
import { areaBalances, judgeAreaLoss, type LossThresholds } from './line-loss.js';
import { PeerGroups } from './peer-groups.js';
import type { AreaDayRow } from './roster-queries.js';
import { FIRST_DAY, panelOf } from './theft.testkit.js';

const DAYS = 80;
const THEFT_DAY = 40;
const thresholds: LossThresholds = { lossThreshold: 0.06, lossDayShare: 0.5, lossRecentDays: 28, lossRise: 0.0075, lossRiseZ: 5, minSegmentDays: 21 };

/** A flat hourly series of `dailyKwh` per day. */
const flat = (dailyKwh: number) => new Float64Array(DAYS * 24).fill(dailyKwh / 24);

/** Area input with a 3% technical loss on what the customers really drew, 24 readings a day. */
function areaRows(trueDaily: (day: number) => number): AreaDayRow[] {
  return Array.from({ length: DAYS }, (_, d) => ({ areaId: 'A1', day: FIRST_DAY + d, kwh: trueDaily(d) / 0.97, n: 24 }));
}

describe('line loss of a tiny hand-made area', () => {
  // Three customers draw 10, 20 and 30 kWh a day; from day 40 the third meter records half of it.
  const metered = [flat(10), flat(20), flat(30).map((v, i) => (i >= THEFT_DAY * 24 ? v / 2 : v))];
  const panel = panelOf(metered);
  const [balance] = areaBalances(panel, new PeerGroups(panel, 8), areaRows(() => 60), 0.5);

  it('computes loss rate = (input − Σ import + Σ export) / input per day', () => {
    expect(balance.input[0]).toBeCloseTo(60 / 0.97, 9);
    expect(balance.imported[0]).toBeCloseTo(60, 9);
    expect(balance.rate[0]).toBeCloseTo(0.03, 9);
    expect(balance.rate[THEFT_DAY]).toBeCloseTo((60 / 0.97 - 45) / (60 / 0.97), 9);
  });

  it('flags the area above the threshold and against its own baseline, at the day the loss stepped up', () => {
    const verdict = judgeAreaLoss(balance, thresholds);
    expect(verdict.flagged).toBe(true);
    expect(verdict.reasons).toEqual(['above_threshold', 'rise_over_baseline']);
    expect(verdict.shift?.index).toBe(THEFT_DAY);
    expect(verdict.rise).toBeCloseTo((60 / 0.97 - 45) / (60 / 0.97) - 0.03, 9);
  });

  it('leaves an area with a steady technical loss unflagged', () => {
    const honestPanel = panelOf([flat(10), flat(20), flat(30)]);
    const [honest] = areaBalances(honestPanel, new PeerGroups(honestPanel, 8), areaRows(() => 60), 0.5);
    expect(judgeAreaLoss(honest, thresholds)).toMatchObject({ flagged: false, reasons: [] });
  });

  it('scales a day the area meter reported only partly, and drops one below the coverage floor', () => {
    const rows = areaRows(() => 60).map((r) => (r.day === FIRST_DAY + 1 ? { ...r, kwh: r.kwh / 2, n: 12 } : r.day === FIRST_DAY + 2 ? { ...r, n: 6 } : r));
    const [partial] = areaBalances(panel, new PeerGroups(panel, 8), rows, 0.5);
    expect(partial.rate[1]).toBeCloseTo(0.03, 9);
    expect(partial.rate[2]).toBeNaN();
  });
});
