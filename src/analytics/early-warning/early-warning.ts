import type { LocalizedText } from '../credit/index.js';
import { severityOf, type AlertKind, type AlertLevel, type Severity, type WarningThresholds } from './alert-rules.js';

export interface RiskAlert {
  readonly level: AlertLevel;
  readonly subjectId: string;
  readonly kind: AlertKind;
  readonly severity: Severity;
  readonly value: number;
  /** The tier the value reached. */
  readonly threshold: number;
  readonly message: LocalizedText;
}

export interface CustomerSignals {
  readonly customerId: string;
  readonly regionId: string;
  /** Previous minus current credit score (NaN without a previous run). */
  readonly creditDrop: number;
  readonly daysPastDue: number;
  /** NaN when the customer is not in the latest theft list. */
  readonly theftScore: number;
}

export interface AreaSignals {
  readonly areaId: string;
  readonly regionId: string;
  readonly recentRate: number;
  /** Days above the loss threshold in the recent window. */
  readonly recentDaysAbove: number;
  readonly flagged: boolean;
}

const LABELS: Record<AlertKind, LocalizedText> = {
  creditDrop: { 'zh-CN': '信用分下降', en: 'credit score drop' },
  arrearsDays: { 'zh-CN': '欠费天数', en: 'days in arrears' },
  theftScore: { 'zh-CN': '窃电嫌疑评分', en: 'theft score' },
  areaLossRate: { 'zh-CN': '台区线损率', en: 'area line-loss rate' },
  areaLossDays: { 'zh-CN': '近期线损超标天数', en: 'recent days above loss threshold' },
  regionFlaggedShare: { 'zh-CN': '高损台区占比', en: 'share of high-loss areas' },
  regionArrearsShare: { 'zh-CN': '欠费30天以上客户占比', en: 'share of customers 30+ days in arrears' },
};
const SEVERITY_ZH: Record<Severity, string> = { red: '红色', orange: '橙色', yellow: '黄色' };

function alert(level: AlertLevel, subjectId: string, kind: AlertKind, value: number, t: WarningThresholds): RiskAlert | null {
  const severity = severityOf(value, t[kind]);
  if (!severity) return null;
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(3);
  return {
    level, subjectId, kind, severity, value, threshold: t[kind][severity],
    message: {
      'zh-CN': `${SEVERITY_ZH[severity]}预警：${subjectId} ${LABELS[kind]['zh-CN']} ${shown}（阈值 ${t[kind][severity]}）`,
      en: `${severity} alert: ${subjectId} ${LABELS[kind].en} ${shown} (threshold ${t[kind][severity]})`,
    },
  };
}

/**
 * Tiered alerts (DOMAIN.md section 6 and 7): per customer (credit drop, arrears, theft score), per
 * transformer area (loss rate, consecutive days above threshold) and per region (share of flagged
 * areas, share of customers 30+ days in arrears).
 */
export function raiseAlerts(customers: readonly CustomerSignals[], areas: readonly AreaSignals[], t: WarningThresholds): RiskAlert[] {
  const out: (RiskAlert | null)[] = [];
  for (const c of customers) {
    out.push(alert('customer', c.customerId, 'creditDrop', c.creditDrop, t), alert('customer', c.customerId, 'arrearsDays', c.daysPastDue, t),
      alert('customer', c.customerId, 'theftScore', c.theftScore, t));
  }
  for (const a of areas) {
    out.push(alert('area', a.areaId, 'areaLossRate', a.recentRate, t), alert('area', a.areaId, 'areaLossDays', a.recentDaysAbove, t));
  }
  for (const [region, share] of shareBy(areas, (a) => a.regionId, (a) => a.flagged)) out.push(alert('region', region, 'regionFlaggedShare', share, t));
  for (const [region, share] of shareBy(customers, (c) => c.regionId, (c) => c.daysPastDue > 30)) out.push(alert('region', region, 'regionArrearsShare', share, t));
  return out.filter((a): a is RiskAlert => a !== null);
}

function shareBy<T>(items: readonly T[], key: (x: T) => string, hit: (x: T) => boolean): Map<string, number> {
  const counts = new Map<string, [number, number]>();
  for (const x of items) {
    const c = counts.get(key(x)) ?? [0, 0];
    c[0] += Number(hit(x));
    c[1] += 1;
    counts.set(key(x), c);
  }
  return new Map([...counts].map(([k, [h, n]]) => [k, h / n]));
}
