import { describe, expect, it } from 'vitest';
import { bill, history } from './arrears.testkit.js';
import { buildArrearsPanel, holdoutStartDay, labelledRows } from './arrears-panel.js';

describe('buildArrearsPanel', () => {
  const h = history([bill(0, 0), bill(30, 5), bill(60, 70), bill(90, null), bill(120, 0)]);
  const panel = buildArrearsPanel(h, { asOfDay: 150 });

  it('makes one snapshot per bill after the first, the day before it is issued, with its outcome', () => {
    expect(Array.from(panel.day)).toEqual([29, 59, 89, 119]);
    expect(Array.from(panel.late)).toEqual([1, 1, 1, 0]);
    // 60+ days unpaid is observable only once due + 60 days have passed (b4 and b5 are not yet).
    expect(Array.from(panel.defaulted)).toEqual([0, 1, NaN, NaN]);
  });

  it('keeps only rows whose label is observed, and holds out the latest months', () => {
    const { data, rows } = labelledRows(panel, 'defaulted');
    expect(Array.from(rows)).toEqual([0, 1]);
    expect(Array.from(data.target ?? [])).toEqual([0, 1]);
    const start = holdoutStartDay(panel, 'late', 1);
    expect(start).not.toBeNull();
    expect(Array.from(panel.day).filter((d) => d >= start!)).toEqual([119]);
  });
});
