import type { LocalizedLabel } from './localized-label.js';

/**
 * Electricity-theft attack families. h1–h6 are the synthetic attacks of Jokar, Arianpoo and Leung
 * (2016, IEEE Trans. Smart Grid), applied to benign readings; `bypass` is the physical attack seen
 * most in the field: part of the load is wired around the meter.
 */
export const theftFamilies = {
  h1: { 'zh-CN': '读数整体按比例缩小', en: 'all readings scaled by one factor (h1)' },
  h2: { 'zh-CN': '每日某时段读数置零', en: 'readings zeroed in a daily window (h2)' },
  h3: { 'zh-CN': '读数逐点随机缩小', en: 'each reading scaled by its own factor (h3)' },
  h4: { 'zh-CN': '以日均值的随机比例替换', en: 'readings replaced by random shares of the daily mean (h4)' },
  h5: { 'zh-CN': '以日均值替换', en: 'readings replaced by the daily mean (h5)' },
  h6: { 'zh-CN': '日内读数顺序反转', en: 'daily reading order reversed (h6)' },
  bypass: { 'zh-CN': '绕表窃电', en: 'meter bypass' },
} as const satisfies Record<string, LocalizedLabel>;

export type TheftFamily = keyof typeof theftFamilies;
export const theftFamilyNames = Object.keys(theftFamilies) as TheftFamily[];

/** Inclusive range `[min, max]` of a uniformly drawn parameter. */
export type Span = readonly [min: number, max: number];

/** Parameters of each family, fixed when the plan is drawn; per-day and per-reading draws happen on apply. */
export interface TheftParamsByFamily {
  /** Reported = α · true. */
  h1: { readonly alpha: number };
  /** Each day a window of this many hours (drawn per day) starting at a random hour reports zero. */
  h2: { readonly windowHours: Span };
  /** Reported = f_t · true, f_t drawn per reading. */
  h3: { readonly factor: Span };
  /** Reported = s_t · mean(day), s_t drawn per reading. */
  h4: { readonly share: Span };
  /** Reported = mean(day): energy unchanged, usage moved to cheap hours under time-of-use prices. */
  h5: Record<string, never>;
  /** The day's readings in reverse order: energy unchanged, usage moved in time. */
  h6: Record<string, never>;
  /** This share of the load goes around the meter: reported = (1 − share) · true. */
  bypass: { readonly share: number };
}

/**
 * One meter's theft: `family` applied to the half-open interval range `[startIndex, endIndex)`.
 * Generic over the family so that a registry lookup and its parameters stay correlated.
 */
export type TheftPlan<F extends TheftFamily = TheftFamily> = {
  [K in F]: { readonly family: K; readonly startIndex: number; readonly endIndex: number; readonly params: TheftParamsByFamily[K] };
}[F];
