import { App, Button, Card, Col, Descriptions, Empty, Form, Input, Radio, Row, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client.js';
import type { TheftEntry } from '../api/types.js';
import { listOf } from '../api/list-of.js';
import { useApi } from '../api/use-api.js';
import { useAuth } from '../auth.js';
import { AsyncView } from '../components/async-view.js';
import { EChart } from '../components/echart.js';
import { RecordTable } from '../components/record-table.js';
import { messageOr, useI18n } from '../i18n/i18n.js';

function contributionsOf(e: TheftEntry): { feature: string; contribution: number }[] {
  const c = e.evidence?.contributions ?? e.evidence?.topFeatures;
  if (!c) return [];
  const list = Array.isArray(c) ? c : Object.entries(c).map(([feature, contribution]) => ({ feature, contribution }));
  return [...list].sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution)).slice(0, 8);
}

/** Daily consumption with the peers-based expectation, from either evidence layout. */
function curveOf(e: TheftEntry): { dates: string[]; kwh: (number | null)[]; expected: (number | null)[] | null; changeDate: string | null } | null {
  const ev = e.evidence;
  if (ev?.curve?.length) return { dates: ev.curve.map((p) => p.date), kwh: ev.curve.map((p) => p.kwh), expected: null, changeDate: null };
  const lc = ev?.loadCurve;
  if (!lc?.kwh?.length) return null;
  const start = Date.parse(`${lc.start}T00:00:00Z`);
  const dates = lc.kwh.map((_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
  return { dates, kwh: lc.kwh, expected: lc.expectedKwh ?? null, changeDate: lc.changeDate ?? null };
}

function OutcomeForm({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ outcome: 'confirmed' | 'clear'; note?: string }>();
  const submit = async (v: { outcome: 'confirmed' | 'clear'; note?: string }) => {
    setBusy(true);
    try {
      const created = await api.post<{ id: string | number }>('/risk/inspections', { customerId, outcome: v.outcome, note: v.note?.trim() || undefined });
      message.success(t('risk.recorded', { id: String(created.id) }));
      form.resetFields();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} data-testid="outcome-form">
      <Form.Item name="outcome" label={t('risk.outcome')} rules={[{ required: true }]}>
        <Radio.Group aria-label={t('risk.outcome')}>
          <Radio value="confirmed" data-testid="outcome-confirmed">{t('risk.outcome.confirmed')}</Radio>
          <Radio value="clear" data-testid="outcome-clear">{t('risk.outcome.clear')}</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="note" label={t('risk.note')}>
        <Input.TextArea rows={2} maxLength={500} aria-label={t('risk.note')} data-testid="outcome-note" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} aria-label={t('risk.record')} data-testid="outcome-submit">
        {t('risk.record')}
      </Button>
    </Form>
  );
}

function Evidence({ entry, canRecord }: { entry: TheftEntry; canRecord: boolean }) {
  const i18n = useI18n();
  const { t, label, number } = i18n;
  const curve = curveOf(entry);
  const contributions = contributionsOf(entry);
  const rules = entry.evidence?.rules ?? entry.evidence?.ruleHits ?? [];
  const correlation = entry.evidence?.lossCorrelation ?? entry.evidence?.loss?.correlation;
  return (
    <Card title={`${t('risk.evidence')}: ${entry.customerId}`} data-testid="theft-evidence">
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('risk.score')}>{number(entry.score, 3)}</Descriptions.Item>
        <Descriptions.Item label={t('risk.area')}>{entry.areaId ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('risk.expectedKwh')}>{number(entry.expectedKwh ?? entry.recoverableKwh)}</Descriptions.Item>
        <Descriptions.Item label={t('risk.expectedCny')}>{number(entry.expectedCny ?? entry.recoverableCny, 2)}</Descriptions.Item>
      </Descriptions>
      {entry.evidence?.summary && <Typography.Paragraph>{label(entry.evidence.summary)}</Typography.Paragraph>}
      {correlation != null && <Typography.Paragraph>{t('risk.lossCorrelation', { value: number(correlation, 2) })}</Typography.Paragraph>}
      <Typography.Text strong>{t('risk.rules')}: </Typography.Text>
      {rules.length === 0 && '—'}
      {rules.map((r, i) => (
        <Tag key={i} color="volcano" title={typeof r === 'string' ? r : label(r.evidence ?? '')}>
          {typeof r === 'string' ? r : label(r.label ?? r.rule ?? r.ruleId ?? r.id ?? '')}
        </Tag>
      ))}
      {curve && (
        <EChart
          testId="theft-curve"
          title={t('risk.curve', { id: entry.customerId })}
          height={260}
          option={{
            legend: { bottom: 0 },
            xAxis: { type: 'category', data: curve.dates },
            yAxis: { type: 'value', name: 'kWh' },
            dataZoom: [{ type: 'inside' }],
            series: [
              {
                name: t('risk.actualKwh'),
                type: 'line',
                showSymbol: false,
                data: curve.kwh,
                markLine: curve.changeDate ? { symbol: 'none', label: { formatter: t('risk.changeDate') }, data: [{ xAxis: curve.changeDate }] } : undefined,
              },
              ...(curve.expected ? [{ name: t('risk.expectedCurve'), type: 'line', showSymbol: false, lineStyle: { type: 'dashed' }, data: curve.expected }] : []),
            ],
          }}
        />
      )}
      {contributions.length > 0 && (
        <EChart
          title={t('risk.contributions')}
          height={220}
          option={{
            grid: { left: 160, right: 24, top: 40, bottom: 24 },
            xAxis: { type: 'value' },
            yAxis: { type: 'category', inverse: true, data: contributions.map((c) => messageOr(i18n, `feature.${c.feature}`, c.feature)) },
            series: [{ type: 'bar', data: contributions.map((c) => c.contribution) }],
          }}
        />
      )}
      {canRecord && <OutcomeForm key={entry.customerId} customerId={entry.customerId} />}
    </Card>
  );
}

function TheftList() {
  const { t, number } = useI18n();
  const { hasRole } = useAuth();
  const state = useApi(() => api.get<unknown>('/risk/theft', { top: 100 }), []);
  const [selected, setSelected] = useState<TheftEntry>();
  return (
    <AsyncView state={state} isEmpty={(d) => listOf(d).length === 0}>
      {(d) => {
        const list = listOf<TheftEntry>(d);
        return (
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={11}>
              <Table<TheftEntry>
                size="small"
                data-testid="theft-list"
                aria-label={t('risk.theft')}
                rowKey="customerId"
                dataSource={list}
                pagination={{ pageSize: 15, showSizeChanger: false }}
                onRow={(e) => ({ onClick: () => setSelected(e), style: { cursor: 'pointer' }, 'data-testid': 'theft-row' }) as never}
                rowClassName={(e) => (e.customerId === selected?.customerId ? 'ant-table-row-selected' : '')}
                columns={[
                  { key: 'rank', title: t('risk.rank'), dataIndex: 'rank', width: 64 },
                  { key: 'customer', title: t('customers.id'), dataIndex: 'customerId' },
                  { key: 'name', title: t('customers.name'), dataIndex: 'name', render: (n?: string) => n ?? '—' },
                  { key: 'area', title: t('risk.area'), dataIndex: 'areaId' },
                  { key: 'score', title: t('risk.score'), dataIndex: 'score', align: 'right', render: (s: number) => number(s, 3) },
                  { key: 'cny', title: t('risk.expectedCny'), align: 'right', render: (_, e) => number(e.expectedCny ?? e.recoverableCny, 0) },
                ]}
              />
            </Col>
            <Col xs={24} xl={13}>
              {selected ? <Evidence entry={selected} canRecord={hasRole('risk', 'admin')} /> : <Card><Empty description={t('common.empty')} /></Card>}
            </Col>
          </Row>
        );
      }}
    </AsyncView>
  );
}

function GenericList({ path, query, caption }: { path: string; query?: Record<string, string>; caption: string }) {
  const state = useApi(() => api.get<unknown>(path, query), [path, JSON.stringify(query)]);
  return (
    <AsyncView state={state} isEmpty={(d) => listOf(d).length === 0}>
      {(d) => <RecordTable rows={listOf<Record<string, unknown>>(d)} caption={caption} />}
    </AsyncView>
  );
}

export function RiskPage() {
  const { t } = useI18n();
  return (
    <>
      <Typography.Title level={3}>{t('risk.title')}</Typography.Title>
      <Tabs
        items={[
          { key: 'theft', label: t('risk.theft'), children: <TheftList /> },
          { key: 'alerts', label: t('risk.alerts'), children: <GenericList path="/risk/alerts" caption={t('risk.alerts')} /> },
          { key: 'red', label: t('risk.list.red'), children: <GenericList path="/risk/lists" query={{ kind: 'red' }} caption={t('risk.list.red')} /> },
          { key: 'black', label: t('risk.list.black'), children: <GenericList path="/risk/lists" query={{ kind: 'black' }} caption={t('risk.list.black')} /> },
        ]}
      />
    </>
  );
}
