import { Alert, Card, Col, Row, Segmented, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client.js';
import { listOf } from '../api/list-of.js';
import { useApi } from '../api/use-api.js';
import { AsyncView } from '../components/async-view.js';
import { EChart } from '../components/echart.js';
import { RecordTable } from '../components/record-table.js';
import { messageOr, useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages.js';

type By = 'source' | 'meter' | 'day' | 'area';

interface QualityRow {
  key: string;
  label?: string;
  meters?: number;
  expected: number;
  received: number;
  completeness: number | null;
  validity: number | null;
  estimatedShare: number | null;
  duplicates: number | null;
  timelinessLagHours?: number | null;
}

interface QualityReport {
  from: string;
  to: string;
  rows: QualityRow[];
  totals: Partial<QualityRow> & { metersWithoutReadings?: number };
  notes?: { code: string; message: string; count?: number }[];
}

export function QualityPage() {
  const i18n = useI18n();
  const { t, number } = i18n;
  const [by, setBy] = useState<By>('source');
  const report = useApi(() => api.get<QualityReport>('/quality/report', { by }), [by]);
  const runs = useApi(() => api.get<unknown>('/ingest/runs'), []);
  const pct = (v: number | null | undefined) => (v == null ? '—' : `${number(v * 100, 2)}%`);
  // Notes are shown by their code in the user's language; the API's English text is the fallback.
  const noteText = (n: { code: string; message: string; count?: number }) => messageOr(i18n, `quality.note.${n.code}`, n.message, { n: n.count ?? 0 });
  return (
    <>
      <Typography.Title level={3}>{t('quality.title')}</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Card title={t('quality.report')} extra={<Segmented<By> aria-label={t('quality.by')} value={by} onChange={setBy} options={(['source', 'area', 'day', 'meter'] as const).map((v) => ({ value: v, label: t(`quality.by.${v}` as MessageKey) }))} />}>
            <AsyncView state={report}>
              {(r) => (
                <>
                  <Typography.Paragraph type="secondary">{t('quality.range', { from: r.from, to: r.to })}</Typography.Paragraph>
                  <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
                    {([['quality.completeness', pct(r.totals.completeness)], ['quality.validity', pct(r.totals.validity)], ['quality.estimated', pct(r.totals.estimatedShare)], ['quality.duplicates', number(r.totals.duplicates)]] as [MessageKey, string][]).map(([k, v]) => (
                      <Col key={k} xs={12} md={6}>
                        <Statistic title={t(k)} value={v} />
                      </Col>
                    ))}
                  </Row>
                  {by === 'day' && r.rows.length > 1 && (
                    <EChart title={t('quality.completenessByDay')} height={240} option={{ xAxis: { type: 'category', data: r.rows.map((x) => x.key) }, yAxis: { type: 'value', min: (v: { min: number }) => Math.max(0, Math.floor(v.min * 100 - 1) / 100), max: 1 }, series: [{ type: 'line', showSymbol: false, data: r.rows.map((x) => x.completeness) }] }} />
                  )}
                  <Table<QualityRow>
                    size="small"
                    data-testid="quality-report"
                    aria-label={t('quality.report')}
                    rowKey="key"
                    scroll={{ x: true }}
                    dataSource={r.rows}
                    pagination={r.rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                    columns={[
                      { key: 'key', title: t(`quality.by.${by}` as MessageKey), render: (_, x) => x.label ?? x.key },
                      { key: 'expected', title: t('quality.expected'), align: 'right', render: (_, x) => number(x.expected) },
                      { key: 'received', title: t('quality.received'), align: 'right', render: (_, x) => number(x.received) },
                      { key: 'completeness', title: t('quality.completeness'), align: 'right', render: (_, x) => pct(x.completeness) },
                      { key: 'validity', title: t('quality.validity'), align: 'right', render: (_, x) => pct(x.validity) },
                      { key: 'estimated', title: t('quality.estimated'), align: 'right', render: (_, x) => pct(x.estimatedShare) },
                      { key: 'duplicates', title: t('quality.duplicates'), align: 'right', render: (_, x) => number(x.duplicates) },
                      { key: 'lag', title: t('quality.lag'), align: 'right', render: (_, x) => number(x.timelinessLagHours, 1) },
                    ]}
                  />
                  {(r.notes ?? []).map((n) => (
                    <Alert key={n.code} type="info" showIcon style={{ marginTop: 8 }} title={noteText(n)} />
                  ))}
                </>
              )}
            </AsyncView>
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('quality.runs')}>
            <AsyncView state={runs} isEmpty={(d) => listOf(d).length === 0}>
              {(d) => <RecordTable rows={listOf<Record<string, unknown>>(d)} caption={t('quality.runs')} />}
            </AsyncView>
          </Card>
        </Col>
      </Row>
    </>
  );
}
