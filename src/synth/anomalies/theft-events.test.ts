import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.js';
import { defaultTheftEventProbabilities, meterEventKinds, theftEvents } from './theft-events.js';
import type { TheftPlan } from './theft-families.js';

const length = 365 * 96;
const bypassToEnd: TheftPlan = { family: 'bypass', startIndex: 9600, endIndex: length, params: { share: 0.7 } };
const bypassWindow: TheftPlan = { ...bypassToEnd, endIndex: 19200 };
const certain = { ...defaultTheftEventProbabilities, bypass: { terminal_cover_open: 1 } };

describe('theftEvents', () => {
  it('logs the bypass setup at the start index', () => {
    expect(theftEvents(bypassToEnd, length, new Rng(1), certain)).toEqual([{ kind: 'terminal_cover_open', index: 9600 }]);
  });

  it('logs the removal of a bypass that ends before the series does', () => {
    expect(theftEvents(bypassWindow, length, new Rng(1), certain)).toEqual([
      { kind: 'terminal_cover_open', index: 9600 },
      { kind: 'terminal_cover_open', index: 19200 },
    ]);
  });

  it('leaves no trace for data manipulation families', () => {
    const h3: TheftPlan = { family: 'h3', startIndex: 0, endIndex: length, params: { factor: [0.1, 0.8] } };
    for (let seed = 0; seed < 50; seed++) expect(theftEvents(h3, length, new Rng(seed))).toEqual([]);
  });

  it('logs terminal-cover events for about 70% of bypasses by default', () => {
    let logged = 0;
    for (let seed = 0; seed < 4000; seed++) {
      if (theftEvents(bypassToEnd, length, new Rng(seed)).some((e) => e.kind === 'terminal_cover_open')) logged++;
    }
    expect(logged / 4000).toBeCloseTo(0.7, 1);
  });

  it('is deterministic and uses labelled kinds', () => {
    const a = theftEvents(bypassWindow, length, new Rng(5));
    expect(a).toEqual(theftEvents(bypassWindow, length, new Rng(5)));
    for (const e of a) expect(meterEventKinds[e.kind]['zh-CN']).toBeTruthy();
  });
});
