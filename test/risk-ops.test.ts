import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DayKind, epochDay, WorkCalendar } from '../src/core/time/index.js';
import { runArrears } from '../src/jobs/arrears.js';
import { createDemo } from '../src/jobs/create-demo.js';
import { runCredit } from '../src/jobs/credit.js';
import { runLineloss } from '../src/jobs/lineloss.js';
import { listsRemove, listsSet, listsShow } from '../src/jobs/lists.js';
import { riskInspect, riskList, riskOverview, riskWarn } from '../src/jobs/risk.js';
import { runTheft } from '../src/jobs/theft.js';
import { openDuckDb } from '../src/warehouse/duckdb/index.js';

const CUSTOMERS = 120;

describe('risk and credit operations on a small demo store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gridlens-risk-'));
  const db = join(dir, 'store.duckdb');
  let thieves: string[] = [];

  const query = async <T extends Record<string, unknown>>(sql: string, params: (string | number)[] = []): Promise<T[]> => {
    const wh = await openDuckDb(db, { readOnly: true });
    try {
      return await wh.query<T>(sql, params);
    } finally {
      await wh.close();
    }
  };

  beforeAll(async () => {
    await createDemo({ db }, { customers: CUSTOMERS, days: 200, intervalMinutes: 60, theftRate: 0.12 });
    // Only the test reads the ground truth: to play the inspector who finds the real thieves.
    thieves = (await query<{ customer_id: string }>('SELECT DISTINCT customer_id FROM truth.theft ORDER BY customer_id')).map((r) => r.customer_id);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rates, scores arrears with dated dunning plans, and fills the lists and deposits', async () => {
    const credit = await runCredit({ db }, { by: 'test' });
    expect(credit.customers).toBe(CUSTOMERS);
    expect(Object.values(credit.grades).reduce((s, n) => s + n, 0)).toBe(CUSTOMERS);
    expect(['scorecard', 'demerit']).toContain(credit.model);
    expect(credit.deposits.customers).toBe(CUSTOMERS);
    const ratings = await query<{ n: number }>('SELECT count(*) AS n FROM credit_ratings WHERE run_id = ?', [credit.runId]);
    expect(Number(ratings[0].n)).toBe(CUSTOMERS);

    const arrears = await runArrears({ db }, { top: 1000 });
    expect(arrears.customers).toBe(CUSTOMERS);
    const losses = arrears.workList.map((w) => w.expectedLossCny);
    expect(losses).toEqual([...losses].sort((a, b) => b - a));
    const calendar = new WorkCalendar();
    for (const w of arrears.workList) {
      expect(w.outstandingCny).toBeGreaterThan(0);
      for (const step of w.plan) expect(calendar.dayKind(epochDay(step.date))).toBe(DayKind.workday);
      const notice = w.plan.find((s) => s.action === 'disconnection-notice');
      const cut = w.plan.find((s) => s.action === 'disconnection');
      if (cut) expect(epochDay(cut.date) - epochDay(notice!.date)).toBeGreaterThanOrEqual(7);
    }
    const list = await riskList({ db }, { kind: 'arrears', top: 5 });
    expect(list.entries.length).toBe(Math.min(5, arrears.inArrears));
  }, 120_000);

  it('stores theft inspections with evidence and area losses; outcomes become labels and black-list entries', async () => {
    expect(thieves.length).toBeGreaterThanOrEqual(10);
    const first = await runTheft({ db }, { top: 5 });
    expect(first.labels).toEqual({ confirmed: 0, clear: 0 });
    expect(first.supervisedBatches).toBe(0);
    const top = await riskList({ db }, { kind: 'theft', top: 100 });
    expect(top.entries).toHaveLength(Math.min(100, first.stored));
    const evidence = top.entries[0].evidence as { ruleHits: unknown[]; loadCurve: { kwh: unknown[] }; scores: { rules: number }; topFeatures: unknown[] };
    expect(evidence.loadCurve.kwh.length).toBeGreaterThan(0);
    expect(evidence.topFeatures.length).toBeGreaterThan(0);
    const lineloss = await runLineloss({ db });
    expect(lineloss.areas).toBeGreaterThan(0);

    const innocent = top.entries.map((e) => String(e.customerId)).filter((id) => !thieves.includes(id)).slice(0, 10);
    for (const id of thieves.slice(0, 10)) await riskInspect({ db }, { customerId: id, outcome: 'confirmed', inspector: 'test', note: 'meter bypass' });
    const last = await riskInspect({ db }, { customerId: innocent[0], outcome: 'clear', inspector: 'test' });
    for (const id of innocent.slice(1)) await riskInspect({ db }, { customerId: id, outcome: 'clear', inspector: 'test' });
    expect(last.labels.confirmed).toBe(10);

    const black = await listsShow({ db }, { kind: 'black' });
    for (const id of thieves.slice(0, 10)) expect(black.entries.find((e) => e.customerId === id)?.ruleId).toBe('black.theft');

    const second = await runTheft({ db }, { top: 5 });
    expect(second.labels).toEqual({ confirmed: 10, clear: innocent.length });
    expect(second.supervisedBatches).toBe(1);
  }, 120_000);

  it('keeps manual overrides and exemptions across credit runs, audits every change, and lowers a thief\'s rating', async () => {
    const before = await query<{ customer_id: string; demerit_rating: number }>('SELECT customer_id, demerit_rating FROM credit_ratings WHERE run_id = (SELECT min(run_id) FROM credit_ratings)');
    const honest = before.find((r) => !thieves.includes(r.customer_id))!.customer_id;
    await listsSet({ db }, { customerId: honest, kind: 'black', reason: 'fraudulent documents', by: 'auditor' });
    const removed = await listsRemove({ db }, { customerId: thieves[0], kind: 'black', reason: 'court order', by: 'auditor' });
    expect(removed.exemption?.source).toBe('exempt');
    await expect(listsSet({ db }, { customerId: honest, kind: 'red', reason: '  ' })).rejects.toThrow(/reason/);
    await expect(listsSet({ db }, { customerId: 'NOPE', kind: 'red', reason: 'x' })).rejects.toThrow(/NOPE/);

    const credit = await runCredit({ db }, { by: 'test' });
    expect(credit.lists.keptManual).toBeGreaterThanOrEqual(1);
    expect(credit.psi?.previousRunId).toBeDefined();
    const shown = await listsShow({ db }, { customerId: honest });
    expect(shown.entries).toEqual([expect.objectContaining({ kind: 'black', source: 'manual', setBy: 'auditor' })]);
    expect((await listsShow({ db }, { customerId: thieves[0], kind: 'black' })).entries).toHaveLength(0);

    const after = new Map((await query<{ customer_id: string; demerit_rating: number }>('SELECT customer_id, demerit_rating FROM credit_ratings WHERE run_id = ?', [credit.runId]))
      .map((r) => [r.customer_id, Number(r.demerit_rating)]));
    const thief = thieves[1];
    expect(after.get(thief)).toBeLessThan(Number(before.find((r) => r.customer_id === thief)!.demerit_rating));
    const audit = await query<{ action: string; changed_by: string; reason: string }>("SELECT action, changed_by, reason FROM risk_list_changes WHERE customer_id = ? AND kind = 'black' ORDER BY changed_at", [thieves[0]]);
    expect(audit.filter((a) => a.action !== 'removed').map((a) => a.action)).toEqual(['added', 'exempted']);
    expect(audit[1]).toMatchObject({ changed_by: 'auditor', reason: 'court order' });
  }, 120_000);

  it('raises tiered warnings and summarises them for the dashboard', async () => {
    const warn = await riskWarn({ db });
    const overview = await riskOverview({ db });
    expect(overview.alerts.total).toBe(warn.alerts);
    expect(Object.values(overview.alerts.byLevel).reduce((s, n) => s + n, 0)).toBe(warn.alerts);
    expect(overview.theft.inspections.confirmed).toBe(10);
    expect(overview.lists.black).toBeGreaterThanOrEqual(10);
    expect(overview.topAreas.length).toBeGreaterThan(0);
  }, 60_000);
});
