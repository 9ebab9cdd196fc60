import { Card, Col, Descriptions, Input, Row, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client.js';
import type { ForecastPoint } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { AsyncView } from '../components/async-view.js';
import { EChart } from '../components/echart.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages.js';

type Scope = 'system' | 'region' | 'area' | 'customer';

interface Scores {
  mae?: number;
  wape?: number;
  coverage?: number;
  [key: string]: unknown;
}

interface ForecastRun {
  runId: number;
  timeZone?: string;
  issuedAt: string;
  scope: string;
  horizon: string;
  model: string;
  origin: string;
  series: number;
  modelScores: Scores | null;
  naiveScores: Scores | null;
}

interface ForecastSeries {
  run: ForecastRun;
  unit: string;
  points: ForecastPoint[];
  accuracy?: { points: number; mae: number | null; coverage: number | null };
}

function ForecastChart({ series }: { series: ForecastSeries }) {
  const { t, number } = useI18n();
  const d = series;
  const local = new Intl.DateTimeFormat('en-CA', { timeZone: d.run.timeZone || 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
  return (
    <>
      <EChart
        testId="forecast-chart"
        title={t('forecasts.chart', { unit: d.unit })}
        height={380}
        option={{
          legend: { bottom: 0, data: [t('forecasts.band'), t('forecasts.median'), t('forecasts.actual')] },
          xAxis: { type: 'category', data: d.points.map((p) => local.format(new Date(p.ts))) },
          yAxis: { type: 'value', name: d.unit },
          dataZoom: [{ type: 'inside' }],
          series: [
            // The band: p10 as an invisible base, p90 - p10 stacked on it.
            { name: 'p10', type: 'line', stack: 'band', stackStrategy: 'all', data: d.points.map((p) => p.p10), lineStyle: { opacity: 0 }, showSymbol: false, tooltip: { show: false } },
            { name: t('forecasts.band'), type: 'line', stack: 'band', stackStrategy: 'all', data: d.points.map((p) => p.p90 - p.p10), lineStyle: { opacity: 0 }, areaStyle: { opacity: 0.25, color: '#5b8ff9' }, showSymbol: false },
            { name: t('forecasts.median'), type: 'line', data: d.points.map((p) => p.p50), showSymbol: false, lineStyle: { width: 2 } },
            { name: t('forecasts.actual'), type: 'line', data: d.points.map((p) => p.actual ?? null), showSymbol: false, lineStyle: { type: 'dashed' } },
          ],
        }}
      />
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('forecasts.model')}>{d.run.model}</Descriptions.Item>
        <Descriptions.Item label={t('forecasts.issued')}>{d.run.issuedAt}</Descriptions.Item>
        <Descriptions.Item label={t('forecasts.coverage')}>{d.accuracy?.coverage == null ? '—' : `${number(d.accuracy.coverage * 100, 1)}%`}</Descriptions.Item>
      </Descriptions>
    </>
  );
}

export function ForecastsPage() {
  const { t, number } = useI18n();
  const [scope, setScope] = useState<Scope>('system');
  const [id, setId] = useState('');
  const seriesId = scope === 'system' ? 'system' : id;
  const state = useApi(() => (seriesId ? api.get<ForecastSeries>('/forecasts', { scope, id: seriesId }) : undefined), [scope, seriesId]);
  const runs = useApi(() => api.get<ForecastRun[]>('/forecasts/runs', { limit: 20 }), []);
  const pct = (v: unknown) => (typeof v === 'number' ? `${number(v * 100, 1)}%` : '—');
  return (
    <>
      <Typography.Title level={3}>{t('forecasts.title')}</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Card>
            <Space wrap style={{ marginBottom: 12 }}>
              <Select<Scope>
                aria-label={t('forecasts.scope')}
                value={scope}
                onChange={(s) => {
                  setScope(s);
                  setId('');
                }}
                style={{ width: 160 }}
                options={(['system', 'region', 'area', 'customer'] as const).map((s) => ({ value: s, label: t(`forecasts.scope.${s}` as MessageKey) }))}
              />
              {scope !== 'system' && <Input.Search key={scope} aria-label={t('forecasts.id')} placeholder={t(`forecasts.idHint.${scope}` as MessageKey)} style={{ width: 240 }} onSearch={(v) => setId(v.trim())} enterButton={t('common.search')} />}
            </Space>
            <AsyncView state={state} isEmpty={(d) => d.points.length === 0}>
              {(d) => <ForecastChart series={d} />}
            </AsyncView>
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('forecasts.runs')}>
            <AsyncView state={runs} isEmpty={(d) => d.length === 0}>
              {(list) => (
                <Table<ForecastRun>
                  size="small"
                  aria-label={t('forecasts.runs')}
                  rowKey="runId"
                  scroll={{ x: true }}
                  dataSource={list}
                  pagination={false}
                  columns={[
                    { key: 'issued', title: t('forecasts.issued'), dataIndex: 'issuedAt' },
                    { key: 'scope', title: t('forecasts.scope'), render: (_, r) => (['system', 'region', 'area', 'customer'].includes(r.scope) ? t(`forecasts.scope.${r.scope}` as MessageKey) : r.scope) },
                    { key: 'model', title: t('forecasts.model'), dataIndex: 'model' },
                    { key: 'series', title: t('forecasts.series'), dataIndex: 'series', align: 'right' },
                    { key: 'wape', title: t('forecasts.wapeModel'), align: 'right', render: (_, r) => pct(r.modelScores?.wape) },
                    { key: 'naive', title: t('forecasts.wapeNaive'), align: 'right', render: (_, r) => pct(r.naiveScores?.wape) },
                  ]}
                />
              )}
            </AsyncView>
          </Card>
        </Col>
      </Row>
    </>
  );
}
