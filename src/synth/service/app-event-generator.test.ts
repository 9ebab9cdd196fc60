import { describe, expect, it } from 'vitest';
import { AppEvent } from '../../core/schemas/service.js';
import { MS_PER_DAY, MS_PER_HOUR } from '../../core/time/index.js';
import { Rng } from '../rng.js';
import { generateAppEvents, type AppEventInput } from './app-event-generator.js';

const openMs = Date.UTC(2024, 0, 1) - 8 * MS_PER_HOUR;
const endMs = openMs + 364 * MS_PER_DAY;
const billDatesMs = Array.from({ length: 12 }, (_, m) => Date.UTC(2024, m, 5) - 8 * MS_PER_HOUR);
const outageDaysMs = [openMs + 40 * MS_PER_DAY, openMs + 200 * MS_PER_DAY];
const weeks = 52;

function run(engagement: number, seed: number, extra: Partial<AppEventInput> = {}): AppEvent[] {
  return generateAppEvents({ customerId: `C${seed}`, engagement, openMs, endMs, billDatesMs, outageDaysMs, ...extra }, new Rng(seed, 'app'));
}

describe('generateAppEvents', () => {
  it('gives engaged customers 2–4 logins a week and the disengaged almost none', () => {
    const logins = (e: number) => {
      let total = 0;
      for (let s = 0; s < 50; s++) total += run(e, s).filter((x) => x.eventType === 'login').length;
      return total / 50 / weeks;
    };
    const high = logins(0.9);
    expect(high).toBeGreaterThan(2);
    expect(high).toBeLessThan(4.5);
    expect(logins(0.02)).toBeLessThan(0.3);
  });

  it('produces schema-valid, sorted events with unique ids', () => {
    const events = run(0.8, 1);
    for (const e of events) AppEvent.parse(e);
    for (let i = 1; i < events.length; i++) expect(events[i].ts.getTime()).toBeGreaterThanOrEqual(events[i - 1].ts.getTime());
    expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
  });

  it('views bills around bill dates and reports outages only on outage days', () => {
    const all = Array.from({ length: 40 }, (_, s) => run(0.7, s)).flat();
    const billViews = all.filter((e) => e.eventType === 'bill_view');
    const nearBill = billViews.filter((e) => billDatesMs.some((b) => e.ts.getTime() - b >= 0 && e.ts.getTime() - b < 7 * MS_PER_DAY));
    expect(nearBill.length / billViews.length).toBeGreaterThan(0.6);
    const reports = all.filter((e) => e.eventType === 'outage_report');
    expect(reports.length).toBeGreaterThan(20);
    for (const r of reports) expect(outageDaysMs.some((d) => r.ts.getTime() >= d && r.ts.getTime() < d + MS_PER_DAY)).toBe(true);
    const views = all.filter((e) => e.eventType === 'offer_view').length;
    const clicks = all.filter((e) => e.eventType === 'offer_click').length;
    expect(clicks).toBeLessThan(views);
  });

  it('is deterministic for a seed', () => {
    expect(run(0.5, 3)).toEqual(run(0.5, 3));
  });
});
