import { z } from 'zod';
import { ValidationError } from '../../core/errors.js';
import { parseWith } from '../ml/model.js';
import type { LocalizedText } from './credit-dataset.js';
import { DEMERIT_EVENT_TYPES, DemeritParams, type DemeritEventType, type DemeritParamsInput } from './demerit-params.js';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** One payment event of a customer. */
export const DemeritEvent = z.object({ type: z.enum(DEMERIT_EVENT_TYPES), date: IsoDate });
export type DemeritEvent = z.infer<typeof DemeritEvent>;

/** An event that still costs demerits on the rating date. */
export interface ActiveDemerit {
  readonly type: DemeritEventType;
  readonly date: string;
  /** First day on which the entry no longer counts. */
  readonly expires: string;
  readonly demerits: number;
  readonly cashOnlyPoints: number;
}

/** 'cash-only' wins over 'at-risk'. */
export type DemeritStatus = 'good' | 'at-risk' | 'cash-only';

export const demeritStatusLabels: Readonly<Record<DemeritStatus, LocalizedText>> = {
  good: { 'zh-CN': '正常', en: 'good standing' },
  'at-risk': { 'zh-CN': '信用风险', en: 'at risk' },
  'cash-only': { 'zh-CN': '仅限现金缴费', en: 'cash only' },
};

export interface DemeritRating {
  readonly asOf: string;
  /** startRating − Σ active demerits, not below minRating. */
  readonly rating: number;
  readonly demerits: number;
  readonly cashOnlyPoints: number;
  readonly cashOnly: boolean;
  readonly belowThreshold: boolean;
  readonly status: DemeritStatus;
  /** Active entries, oldest first. */
  readonly active: readonly ActiveDemerit[];
  /** When the next active entry expires (the rating then improves), or null. */
  readonly nextExpiry: string | null;
}

/**
 * The credit rating of one customer on `asOf` (CC&B style): a starting rating minus the demerits
 * of events that happened on or before `asOf` and have not expired; returned payments add
 * cash-only points, and the account is cash-only while they exceed the threshold. Pure: the
 * same events and date always give the same rating.
 */
export function demeritRating(events: readonly DemeritEvent[], asOf: string, params: DemeritParamsInput = {}): DemeritRating {
  return new DemeritRater(params).rate(events, asOf);
}

/** {@link demeritRating} with its parameters checked once, for rating many customers. */
export class DemeritRater {
  private readonly params: DemeritParams;

  constructor(params: DemeritParamsInput = {}) {
    this.params = parseWith(DemeritParams, params, 'demerit parameter');
  }

  rate(events: readonly DemeritEvent[], asOf: string): DemeritRating {
    return rateEvents(events, asOf, this.params);
  }
}

function rateEvents(events: readonly DemeritEvent[], asOf: string, p: DemeritParams): DemeritRating {
  const day = parseWith(IsoDate, asOf, 'rating date');
  const active = events
    .map((e) => activeEntry(parseWith(DemeritEvent, e, 'demerit event'), p))
    .filter((e) => e.date <= day && day < e.expires)
    .sort((a, b) => a.date.localeCompare(b.date) || a.type.localeCompare(b.type));
  const demerits = active.reduce((s, e) => s + e.demerits, 0);
  const cashOnlyPoints = active.reduce((s, e) => s + e.cashOnlyPoints, 0);
  const rating = Math.max(p.minRating, p.startRating - demerits);
  const cashOnly = cashOnlyPoints > p.cashOnlyThreshold;
  const belowThreshold = rating < p.ratingThreshold;
  const expiries = active.map((e) => e.expires).sort();
  const status: DemeritStatus = cashOnly ? 'cash-only' : belowThreshold ? 'at-risk' : 'good';
  return { asOf: day, rating, demerits, cashOnlyPoints, cashOnly, belowThreshold, status, active, nextExpiry: expiries[0] ?? null };
}

function activeEntry(event: DemeritEvent, params: DemeritParams): ActiveDemerit {
  const rule = params.rules[event.type];
  return { ...event, expires: addMonths(event.date, rule.expiryMonths), demerits: rule.demerits, cashOnlyPoints: rule.cashOnlyPoints };
}

/** The same day `months` calendar months later, clamped to the month's end (2024-01-31 + 1 → 2024-02-29). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) throw new ValidationError(`not an ISO date: ${isoDate}`, { date: isoDate });
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
