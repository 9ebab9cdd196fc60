import { Card, Descriptions, Typography } from 'antd';
import type { ReactNode } from 'react';
import { messageOr, useI18n, type I18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages.js';

/** How a figure of an analytics row is shown. */
type Format = 'int' | 'rank' | 'points' | 'decimal' | 'percent' | 'cny' | 'kwh' | 'bool' | 'date' | 'code' | 'text' | 'effects';

interface Field {
  readonly key: string;
  readonly format: Format;
}

const f = (key: string, format: Format): Field => ({ key, format });

/**
 * The figures each analytics table shows on the 360 view, in order (titles from the `col.*`
 * messages). Tables not listed show their first scalar columns as they are.
 */
const tableFields: Readonly<Record<string, readonly Field[]>> = {
  customer_segments: [f('segment', 'text'), f('kind', 'code'), f('distance', 'decimal'), f('assigned', 'bool')],
  customer_value: [
    f('tier', 'code'), f('value_score', 'points'), f('profit_score', 'points'), f('loyalty_score', 'points'), f('risk_score', 'points'),
    f('risk_source', 'code'), f('annual_margin_cny', 'cny'), f('revenue_cny', 'cny'),
  ],
  customer_churn: [f('score', 'percent'), f('band', 'code')],
  credit_ratings: [f('grade', 'text'), f('score', 'int'), f('bad_probability', 'percent'), f('demerit_rating', 'int'), f('cash_only', 'bool'), f('as_of', 'date')],
  arrears_scores: [
    f('pd_late', 'percent'), f('pd_default', 'percent'), f('outstanding_cny', 'cny'), f('exposure_cny', 'cny'), f('expected_loss_cny', 'cny'),
    f('days_past_due', 'int'), f('rank', 'rank'), f('as_of', 'date'),
  ],
  theft_scores: [f('rank', 'rank'), f('score', 'decimal'), f('area_id', 'text'), f('recoverable_kwh', 'kwh'), f('recoverable_cny', 'cny')],
  risk_list_entries: [f('kind', 'code'), f('source', 'code'), f('rule_id', 'text'), f('effects', 'effects'), f('since', 'date'), f('expires', 'date'), f('set_by', 'text')],
  risk_list_changes: [f('action', 'code'), f('kind', 'code'), f('source', 'code'), f('changed_by', 'text'), f('changed_at', 'date'), f('expires', 'date')],
};

const scoreTitles: Readonly<Record<string, MessageKey>> = {
  customer_segments: 'c360.score.segment',
  customer_value: 'c360.score.value',
  customer_churn: 'c360.score.churn',
  credit_ratings: 'c360.score.credit',
  arrears_scores: 'c360.score.arrears',
  theft_scores: 'c360.score.theft',
  risk_list_entries: 'c360.score.riskList',
  risk_list_changes: 'c360.score.riskListChanges',
};

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** Deposit, prepayment and offer effects of a list entry, in words. */
function effectsText(i18n: I18n, value: unknown): string {
  const effects = parseJson(value);
  if (!effects || typeof effects !== 'object') return typeof value === 'string' ? value : '';
  const e = effects as { depositMonths?: number; prepaymentRequired?: boolean; offerEligible?: boolean };
  const parts: string[] = [];
  if (typeof e.depositMonths === 'number') parts.push(i18n.t('score.effects.deposit', { months: e.depositMonths }));
  if (typeof e.prepaymentRequired === 'boolean') parts.push(i18n.t(e.prepaymentRequired ? 'score.effects.prepay' : 'score.effects.noPrepay'));
  if (typeof e.offerEligible === 'boolean') parts.push(i18n.t(e.offerEligible ? 'score.effects.offers' : 'score.effects.noOffers'));
  return parts.join(' · ');
}

export function formatFigure(i18n: I18n, format: Format, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  switch (format) {
    case 'int': return typeof value === 'number' ? i18n.number(value, 0) : String(value);
    case 'rank': return value === 0 ? '—' : formatFigure(i18n, 'int', value); // 0: not on the list
    case 'points': return typeof value === 'number' ? i18n.number(value, 1) : String(value);
    case 'decimal': return typeof value === 'number' ? i18n.number(value, 3) : String(value);
    case 'percent': return typeof value === 'number' ? `${i18n.number(value * 100, 1)}%` : String(value);
    case 'cny': return typeof value === 'number' ? `¥${i18n.number(value, 2)}` : String(value);
    case 'kwh': return typeof value === 'number' ? `${i18n.number(value, 1)} kWh` : String(value);
    case 'bool': return i18n.t(value === true || value === 'true' ? 'common.yes' : 'common.no');
    case 'date': return String(value).slice(0, 10);
    case 'code': return messageOr(i18n, `code.${String(value)}`, String(value));
    case 'effects': return effectsText(i18n, value);
    default: return String(value);
  }
}

/** One reason line, whatever the model that wrote it (scorecard, demerits, churn, list rules). */
function reasonText(i18n: I18n, reason: unknown): string {
  if (typeof reason === 'string') return reason;
  if (!reason || typeof reason !== 'object') return String(reason);
  const r = reason as Record<string, unknown>;
  const localized = i18n.lang === 'zh-CN' ? r.zh : r.en;
  if (typeof localized === 'string') return localized; // churn reasons carry both texts
  const text = r.label ?? r.text;
  if (text) return i18n.label(text as never);
  if (typeof r.code === 'string' && r.code.startsWith('DM_')) {
    // Demerit entries: the event, its date, its demerits and when they expire.
    const event = messageOr(i18n, `code.${r.code}`, r.code);
    return i18n.t('score.demerit', { event, date: String(r.date ?? ''), demerits: Number(r.demerits ?? 0), expires: String(r.expires ?? '') });
  }
  return typeof r.feature === 'string' ? r.feature : JSON.stringify(r);
}

function scalar(value: unknown): boolean {
  return typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean';
}

/** One result row of an analytics step (segment, value, churn, credit...): its figures, explanation and reasons. */
export function TableScoreCard({ table, row }: { table: string; row: Record<string, unknown> }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const title = scoreTitles[table] ? t(scoreTitles[table]) : table;
  const reasonKey = Object.keys(row).find((k) => /reason/i.test(k));
  const parsed = reasonKey ? parseJson(row[reasonKey]) : undefined;
  const reasons = Array.isArray(parsed) ? parsed : parsed ? [parsed] : [];
  const fields = tableFields[table]?.filter((field) => field.key in row)
    ?? Object.entries(row)
      .filter(([k, v]) => k !== 'customer_id' && k !== reasonKey && !/(_at|run_id|version)$/.test(k) && scalar(v))
      .slice(0, 6)
      .map(([k]) => f(k, typeof row[k] === 'number' ? 'decimal' : 'text'));
  const explanation = row[lang === 'zh-CN' ? 'explanation_zh' : 'explanation_en'];
  const titleOf = (key: string) => messageOr(i18n, `col.${key}`, key);
  return (
    <Card size="small" title={title} data-testid={`score-${table}`}>
      <Descriptions size="small" column={1}>
        {fields.map((field) => (
          <Descriptions.Item key={field.key} label={titleOf(field.key)}>
            {formatFigure(i18n, field.format, row[field.key])}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {typeof explanation === 'string' && explanation !== '' && <Typography.Paragraph style={{ marginBottom: 8 }}>{explanation}</Typography.Paragraph>}
      {reasons.length > 0 && (
        <>
          <Typography.Text strong>{t('c360.reasons')}</Typography.Text>
          <ul style={{ paddingLeft: 18, margin: 0 }}>
            {reasons.slice(0, 5).map((r, i): ReactNode => <li key={i}>{reasonText(i18n, r)}</li>)}
          </ul>
        </>
      )}
    </Card>
  );
}
