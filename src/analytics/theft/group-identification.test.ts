import { describe, expect, it } from 'vitest';
import { Mulberry32 } from '../ml/index.js';
import { identifyGroup } from './group-identification.js';
import { areaBalances, judgeAreaLoss } from './line-loss.js';
import { PeerGroups } from './peer-groups.js';
import type { AreaDayRow } from './roster-queries.js';
import { FIRST_DAY, householdSeries, panelOf, scaledFrom } from './theft.testkit.js';

const DAYS = 150;
const THEFT_DAY = 75;
const THIEF = 13;

/** Twenty households; one (not the largest) records 30% of its usage from day 75; the area meter sees the truth plus 3% loss. */
function plantedArea(thief = THIEF) {
  const truth = Array.from({ length: 20 }, (_, i) => householdSeries(DAYS, i + 1, 8 + (i % 7) * 3));
  const metered = truth.map((s, i) => (i === thief ? scaledFrom(s, THEFT_DAY, 0.3) : s));
  const noise = new Mulberry32(99);
  const areaDays: AreaDayRow[] = Array.from({ length: DAYS }, (_, d) => {
    let drawn = 0;
    for (const s of truth) for (let h = 0; h < 24; h++) drawn += s[d * 24 + h];
    return { areaId: 'A1', day: FIRST_DAY + d, kwh: (drawn / 0.97) * (1 + 0.004 * (noise.next() - 0.5)), n: 24 };
  });
  const panel = panelOf(metered);
  const peers = new PeerGroups(panel, 8);
  const [balance] = areaBalances(panel, peers, areaDays, 0.5);
  const verdict = judgeAreaLoss(balance, { lossThreshold: 0.06, lossDayShare: 0.5, lossRecentDays: 28, lossRise: 0.0075, lossRiseZ: 5, minSegmentDays: 21 });
  return { verdict, ranked: identifyGroup(panel, peers, balance, verdict, 28) };
}

describe('group identification', () => {
  it('puts the planted thief first, with usage moving against the area loss and explaining its step', () => {
    const { verdict, ranked } = plantedArea();
    expect(verdict.flagged).toBe(true);
    expect(verdict.shift?.index).toBe(THEFT_DAY);
    expect(ranked[0].meter).toBe(THIEF);
    expect(ranked[0].correlation).toBeLessThan(-0.5);
    expect(ranked[0].dropShare).toBeGreaterThan(0.6);
    expect(ranked[0].stepMatch).toBeGreaterThan(0.8);
    expect(ranked[1].score).toBeLessThan(ranked[0].score / 2);
  });

  it('finds the thief wherever it sits in the area', () => {
    for (const thief of [0, 6, 19]) expect(plantedArea(thief).ranked[0].meter).toBe(thief);
  });
});
