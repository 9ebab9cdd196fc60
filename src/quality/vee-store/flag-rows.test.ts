import { describe, expect, it } from 'vitest';
import { reconcileFlags, type FlagRow } from './flag-rows.js';

const row = (startMs: number, runId: number, reason = 'r'): FlagRow => ({
  meterId: 1, channel: 1, check: 'gap', code: 'gap.short', startMs, endMs: startMs + 900_000, severity: 'warning', reason, reasonZh: 'z', facts: null, runId,
});

describe('reconcileFlags', () => {
  it('keeps the stored findings (and the run that found them) when nothing changed', () => {
    const stored = [row(0, 1), row(900_000, 1)];
    expect(reconcileFlags([row(0, 2), row(900_000, 2)], stored)).toEqual({ changed: false, rows: stored });
  });

  it('replaces the findings when one is new or gone, keeping the run of those found before', () => {
    const out = reconcileFlags([row(0, 2), row(1_800_000, 2)], [row(0, 1), row(900_000, 1)]);
    expect(out.changed).toBe(true);
    expect(out.rows.map((r) => [r.startMs, r.runId])).toEqual([[0, 1], [1_800_000, 2]]);
    expect(reconcileFlags([row(0, 2, 'other reason')], [row(0, 1)]).changed).toBe(true);
    expect(reconcileFlags([], [row(0, 1)]).changed).toBe(true);
  });
});
