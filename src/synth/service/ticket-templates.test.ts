import { describe, expect, it } from 'vitest';
import { ticketCategories, type TicketCategory } from '../../core/schemas/service.js';
import { Rng } from '../rng.js';
import { fillTemplate, type Language } from './template-text.js';
import { slotFiller } from './ticket-slots.js';
import { pickTemplate, ticketTemplates } from './ticket-templates.js';
import { ticketTopics } from './ticket-topics.js';

const createdMs = Date.UTC(2024, 6, 15, 6);

function texts(category: TicketCategory, language: Language, n: number, seed = 1): string[] {
  const rng = new Rng(seed, category, language);
  return Array.from({ length: n }, (_, i) => {
    const customerType = i % 3 === 0 ? 'commercial' : 'residential';
    const template = pickTemplate(rng, language, category, customerType === 'residential' ? 'residential' : 'business');
    const ctx = { customerId: `C${i}`, customerType, archetypeFamily: 'restaurant', districtCode: '330106', createdMs, lagHours: rng.uniform(0.3, 3), billShock: false } as const;
    return fillTemplate(template.text, slotFiller(ctx, rng, language));
  });
}

describe('ticket templates', () => {
  it('has 8+ Chinese and 4+ English phrasings per category, on known topics of that category', () => {
    for (const category of ticketCategories) {
      expect(ticketTemplates['zh-CN'][category].length).toBeGreaterThanOrEqual(8);
      expect(ticketTemplates.en[category].length).toBeGreaterThanOrEqual(4);
      for (const t of [...ticketTemplates['zh-CN'][category], ...ticketTemplates.en[category]]) {
        expect(ticketTopics.find((topic) => topic.topic === t.topic)?.category).toBe(category);
      }
    }
  });

  it('fills every slot in both languages and varies the text (≥ 50% distinct of 1,000)', () => {
    for (const category of ticketCategories) {
      for (const language of ['zh-CN', 'en'] as const) {
        const sample = texts(category, language, 1000);
        for (const text of sample) expect(text).not.toMatch(/[{}]|undefined|NaN/);
        if (language === 'zh-CN') expect(new Set(sample).size).toBeGreaterThanOrEqual(500);
      }
    }
  });

  it('keeps categories separable: a character-bigram naive Bayes recovers the category', () => {
    const train = ticketCategories.flatMap((c) => texts(c, 'zh-CN', 300, 2).map((t) => [c, t] as const));
    const test = ticketCategories.flatMap((c) => texts(c, 'zh-CN', 100, 3).map((t) => [c, t] as const));
    const model = fitBigramBayes(train);
    const correct = test.filter(([c, t]) => model(t) === c).length;
    expect(correct / test.length).toBeGreaterThan(0.9);
  });
});

function bigrams(text: string): string[] {
  return Array.from({ length: Math.max(0, text.length - 1) }, (_, i) => text.slice(i, i + 2));
}

function fitBigramBayes(data: readonly (readonly [TicketCategory, string])[]): (text: string) => TicketCategory {
  const counts = new Map<TicketCategory, Map<string, number>>();
  const totals = new Map<TicketCategory, number>();
  for (const [c, t] of data) {
    const m = counts.get(c) ?? new Map<string, number>();
    for (const g of bigrams(t)) m.set(g, (m.get(g) ?? 0) + 1);
    counts.set(c, m);
    totals.set(c, (totals.get(c) ?? 0) + bigrams(t).length);
  }
  return (text) => {
    let best: TicketCategory = 'consultation', bestScore = -Infinity;
    for (const [c, m] of counts) {
      const score = bigrams(text).reduce((s, g) => s + Math.log(((m.get(g) ?? 0) + 0.1) / (totals.get(c)! + 1000)), 0);
      if (score > bestScore) { best = c; bestScore = score; }
    }
    return best;
  };
}
