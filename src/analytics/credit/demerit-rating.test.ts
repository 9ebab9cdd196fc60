import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors.js';
import { addMonths, demeritRating, type DemeritEvent } from './demerit-rating.js';

const late = (date: string): DemeritEvent => ({ type: 'late-payment', date });
const returned = (date: string): DemeritEvent => ({ type: 'returned-payment', date });

describe('demeritRating', () => {
  it('starts at the beginning rating without events', () => {
    expect(demeritRating([], '2025-01-01')).toMatchObject({ rating: 1000, demerits: 0, cashOnly: false, status: 'good', active: [], nextExpiry: null });
  });

  it('subtracts active demerits and forgets them when they expire', () => {
    const events = [late('2024-03-15'), late('2024-06-10'), { type: 'disconnection', date: '2024-07-01' } as const];
    const before = demeritRating(events, '2025-03-14');
    expect(before.rating).toBe(1000 - 20 - 20 - 200);
    expect(before.nextExpiry).toBe('2025-03-15');
    expect(before.status).toBe('good');
    const after = demeritRating(events, '2025-03-15');
    expect(after.rating).toBe(1000 - 20 - 200);
    expect(after.active.map((a) => a.date)).toEqual(['2024-06-10', '2024-07-01']);
    expect(demeritRating(events, '2026-07-01').rating).toBe(1000);
  });

  it('ignores events after the rating date', () => {
    expect(demeritRating([late('2025-02-01')], '2025-01-31').rating).toBe(1000);
    expect(demeritRating([late('2025-02-01')], '2025-02-01').rating).toBe(980);
  });

  it('makes an account cash-only when returned-payment points exceed the threshold, until they expire', () => {
    const two = [returned('2024-01-10'), returned('2024-05-10')];
    expect(demeritRating(two, '2024-06-01')).toMatchObject({ cashOnlyPoints: 100, cashOnly: false });
    const three = [...two, returned('2024-09-10')];
    const rating = demeritRating(three, '2024-10-01');
    expect(rating).toMatchObject({ cashOnlyPoints: 150, cashOnly: true, status: 'cash-only', rating: 850 });
    expect(demeritRating(three, '2025-01-10')).toMatchObject({ cashOnlyPoints: 100, cashOnly: false });
  });

  it('flags an account below the rating threshold and never goes below the minimum rating', () => {
    const bad = [{ type: 'theft-confirmed', date: '2024-01-01' }, { type: 'write-off', date: '2024-02-01' }, { type: 'disconnection', date: '2024-03-01' }] as const;
    expect(demeritRating(bad, '2024-04-01')).toMatchObject({ rating: 0, demerits: 1100, belowThreshold: true, status: 'at-risk' });
  });

  it('takes other rules and validates its input', () => {
    const custom = demeritRating([late('2024-01-01')], '2024-02-01', { startRating: 500, rules: { 'late-payment': { demerits: 5, cashOnlyPoints: 0, expiryMonths: 1 } } });
    expect(custom.rating).toBe(500);
    expect(() => demeritRating([{ type: 'unknown', date: '2024-01-01' } as unknown as DemeritEvent], '2024-02-01')).toThrow(ValidationError);
    expect(() => demeritRating([], '1 Jan 2024')).toThrow(ValidationError);
  });
});

describe('addMonths', () => {
  it('adds calendar months and clamps to the end of shorter months', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-11-15', 14)).toBe('2026-01-15');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
  });
});
