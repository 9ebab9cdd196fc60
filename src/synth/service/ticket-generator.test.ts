import { describe, expect, it } from 'vitest';
import type { CustomerType } from '../../core/schemas/customer.js';
import { Ticket, ticketCategories } from '../../core/schemas/service.js';
import { MS_PER_DAY, MS_PER_HOUR } from '../../core/time/index.js';
import { Rng } from '../rng.js';
import { generateTickets, type TicketGenerationInput } from './ticket-generator.js';

const openMs = Date.UTC(2023, 0, 1) - 8 * MS_PER_HOUR;
const endMs = Date.UTC(2025, 0, 1) - 8 * MS_PER_HOUR;
const localDay = (ms: number) => Math.floor((ms + 8 * MS_PER_HOUR) / MS_PER_DAY);
const types: CustomerType[] = ['residential', 'residential', 'residential', 'commercial', 'industrial', 'public', 'agricultural'];
const families: Record<CustomerType, string | undefined> = { residential: undefined, commercial: 'restaurant', industrial: 'textile', public: 'school', agricultural: 'agriculture' };

function population(n: number, seed: number, overrides: Partial<TicketGenerationInput> = {}): Ticket[] {
  const tickets: Ticket[] = [];
  for (let i = 0; i < n; i++) {
    const rng = new Rng(seed, 'tickets', i);
    const outageDaysMs = Array.from({ length: rng.int(0, 6) }, () => (rng.int(0, 729) + localDay(openMs) + 1) * MS_PER_DAY - 8 * MS_PER_HOUR);
    const customerType = types[i % types.length];
    tickets.push(...generateTickets({
      customerId: `C${String(i).padStart(8, '0')}`, customerType, archetypeFamily: families[customerType], district: '西湖区',
      openMs, endMs, outageDaysMs, billShockMonths: rng.chance(0.2) ? ['2024-08'] : [], complaintProneness: rng.next(), englishShare: 0.1, ...overrides,
    }, rng));
  }
  return tickets;
}

describe('generateTickets', () => {
  const tickets = population(6000, 1);

  it('produces schema-valid tickets in every category and both languages', () => {
    for (const t of tickets.slice(0, 2000)) Ticket.parse(t);
    for (const category of ticketCategories) {
      for (const language of ['zh-CN', 'en'] as const) {
        expect(tickets.some((t) => t.category === category && t.language === language), `${category}/${language}`).toBe(true);
      }
    }
    const english = tickets.filter((t) => t.language === 'en').length / tickets.length;
    expect(english).toBeGreaterThan(0.07);
    expect(english).toBeLessThan(0.13);
  });

  it('writes non-empty, varied texts: ≥ 50% distinct among 1,000 tickets of a category', () => {
    for (const category of ['consultation', 'fault_repair', 'complaint', 'service_request'] as const) {
      const texts = tickets.filter((t) => t.category === category).slice(0, 1000).map((t) => t.text);
      expect(texts.length).toBe(1000);
      expect(texts.every((t) => t.length > 8)).toBe(true);
      expect(new Set(texts).size).toBeGreaterThanOrEqual(500);
    }
  });

  it('concentrates fault tickets on outage days', () => {
    const rng = new Rng(9);
    const outageDaysMs = [100, 200, 300, 400].map((d) => (localDay(openMs) + d) * MS_PER_DAY - 8 * MS_PER_HOUR);
    const outageDays = new Set(outageDaysMs.map(localDay));
    const faults = Array.from({ length: 1000 }, (_, i) => generateTickets({ customerId: `C${i}`, customerType: 'residential', district: '330106', openMs, endMs, outageDaysMs }, rng))
      .flat().filter((t) => t.category === 'fault_repair');
    const onOutage = faults.filter((t) => outageDays.has(localDay(t.createdAt.getTime())));
    expect(onOutage.length / faults.length).toBeGreaterThan(0.7);
    expect(onOutage.filter((t) => t.topic === 'outage').length / onOutage.length).toBeGreaterThan(0.9);
  });

  it('follows the issue of a shock bill (August usage, issued in September) with complaints', () => {
    const shocked = population(1500, 2, { billShockMonths: ['2024-08'], complaintProneness: 0.5, outageDaysMs: [] });
    const calm = population(1500, 2, { billShockMonths: [], complaintProneness: 0.5, outageDaysMs: [] });
    const inSeptember = (ts: Ticket[]) => ts.filter((t) => t.category === 'complaint' && t.createdAt.toISOString().startsWith('2024-09')).length;
    expect(inSeptember(shocked)).toBeGreaterThan(10 * Math.max(1, inSeptember(calm)));
    expect(shocked.filter((t) => t.topic === 'bill_dispute').length).toBeGreaterThan(200);
  });

  it('scores quick outage repairs high and slow complaints low', () => {
    const hours = (t: Ticket) => (t.resolvedAt!.getTime() - t.createdAt.getTime()) / MS_PER_HOUR;
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const surveyed = tickets.filter((t) => t.satisfaction !== null && t.resolvedAt !== null);
    const quickFix = surveyed.filter((t) => t.topic === 'outage' && hours(t) < 2).map((t) => t.satisfaction!);
    const slowComplaint = surveyed.filter((t) => t.category === 'complaint' && hours(t) > 72).map((t) => t.satisfaction!);
    expect(mean(quickFix)).toBeGreaterThan(4);
    expect(mean(slowComplaint)).toBeLessThan(2.5);
  });

  it('keeps times consistent: sorted, in range, unresolved tickets open at the end', () => {
    for (const t of tickets) {
      expect(t.createdAt.getTime()).toBeGreaterThanOrEqual(openMs);
      expect(t.createdAt.getTime()).toBeLessThan(endMs);
      if (t.resolvedAt === null) expect(['open', 'in_progress']).toContain(t.status);
      else expect(t.resolvedAt.getTime()).toBeLessThanOrEqual(endMs);
    }
    expect(new Set(tickets.map((t) => t.ticketId)).size).toBe(tickets.length);
  });

  it('is deterministic for a seed', () => {
    expect(population(300, 1)).toEqual(tickets.slice(0, population(300, 1).length));
  });
});
