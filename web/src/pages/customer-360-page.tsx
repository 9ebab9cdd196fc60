import { App, Button, Card, Col, Descriptions, Empty, Form, Input, Modal, Row, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { api } from '../api/client.js';
import type { LoadPoint, Profile, Score } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { useAuth } from '../auth.js';
import { AsyncView } from '../components/async-view.js';
import { EChart } from '../components/echart.js';
import { RecordTable } from '../components/record-table.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages.js';
import { navigate } from '../router.js';
import { customerClassLabel } from './customers-page.js';
import { TableScoreCard } from './score-card.js';

type PiiField = 'name' | 'phone' | 'idNumber' | 'address';
const piiFields: PiiField[] = ['name', 'phone', 'idNumber', 'address'];

function UnmaskButton({ customerId, onShown }: { customerId: string; onShown: (values: Partial<Record<PiiField, string>>) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { hasRole } = useAuth();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  if (!hasRole('service', 'risk', 'admin')) {
    return (
      <Typography.Text type="secondary" data-testid="unmask-not-allowed">
        {t('c360.unmaskNotAllowed')}
      </Typography.Text>
    );
  }
  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    try {
      const result = await api.post<{ values: Partial<Record<PiiField, string>> }>(`/customers/${encodeURIComponent(customerId)}/unmask`, { fields: piiFields, reason: reason.trim() });
      onShown(result.values);
      message.success(t('c360.unmasked'));
      setOpen(false);
      form.resetFields();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button onClick={() => setOpen(true)} aria-label={t('c360.unmask')} data-testid="unmask-open">
        {t('c360.unmask')}
      </Button>
      <Modal title={t('c360.unmaskTitle')} open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText={t('common.submit')} cancelText={t('common.cancel')} confirmLoading={busy} okButtonProps={{ 'aria-label': t('common.submit'), ...{ 'data-testid': 'unmask-submit' } }}>
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="reason" label={t('c360.unmaskReason')} rules={[{ required: true, min: 4, whitespace: true, message: t('c360.unmaskReasonRequired') }]}>
            <Input.TextArea rows={3} aria-label={t('c360.unmaskReason')} data-testid="unmask-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

type Resolution = '15m' | '1h' | '1d';
const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The curve opens on the customer's last 30 days of data at hourly resolution: a first daily
 * request over the longest range the API allows (1,098 days) finds where the data ends.
 */
async function loadCurve(customerId: string, range: { from?: string; to?: string; resolution: Resolution }): Promise<{ points: LoadPoint[]; from: string; to: string }> {
  const path = `/customers/${encodeURIComponent(customerId)}/load`;
  if (range.from && range.to) return { ...(await api.get<{ points: LoadPoint[] }>(path, range)), from: range.from, to: range.to };
  const today = Date.now();
  const daily = await api.get<{ points: LoadPoint[] }>(path, { from: isoDay(today - 1096 * DAY_MS), to: isoDay(today + DAY_MS), resolution: '1d' });
  const withData = daily.points.filter((p) => p.kwh != null);
  if (withData.length === 0) return { points: [], from: isoDay(today - 29 * DAY_MS), to: isoDay(today) };
  const end = Date.parse(withData[withData.length - 1].ts) + DAY_MS / 2;
  const from = range.from ?? isoDay(end - 29 * DAY_MS);
  const to = range.to ?? isoDay(end);
  return { ...(await api.get<{ points: LoadPoint[] }>(path, { from, to, resolution: range.resolution })), from, to };
}

function LoadCurve({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const [range, setRange] = useState<{ from?: string; to?: string; resolution: Resolution }>({ resolution: '1h' });
  const state = useApi(() => loadCurve(customerId, range), [customerId, range]);
  const shown = { from: range.from ?? state.data?.from, to: range.to ?? state.data?.to };
  return (
    <Card title={t('c360.load')}>
      <Space wrap style={{ marginBottom: 12 }}>
        <label>
          {t('c360.from')}{' '}
          <Input type="date" aria-label={t('c360.from')} style={{ width: 160 }} value={shown.from ?? ''} onChange={(e) => setRange((r) => ({ ...r, from: e.target.value || undefined, to: r.to ?? shown.to }))} />
        </label>
        <label>
          {t('c360.to')}{' '}
          <Input type="date" aria-label={t('c360.to')} style={{ width: 160 }} value={shown.to ?? ''} onChange={(e) => setRange((r) => ({ ...r, to: e.target.value || undefined, from: r.from ?? shown.from }))} />
        </label>
        <Select
          aria-label={t('c360.resolution')}
          value={range.resolution}
          style={{ width: 120 }}
          onChange={(resolution) => setRange((r) => ({ ...r, resolution }))}
          options={(['15m', '1h', '1d'] as const).map((v) => ({ value: v, label: t(`c360.res.${v}` as MessageKey) }))}
        />
      </Space>
      <AsyncView state={state} isEmpty={(d) => d.points.length === 0}>
        {(d) => (
          <EChart
            testId="load-chart"
            title={t('c360.loadChart', { id: customerId })}
            height={340}
            option={{
              xAxis: { type: 'time' },
              yAxis: { type: 'value', name: 'kWh' },
              dataZoom: [{ type: 'inside' }, { type: 'slider' }],
              series: [{ type: 'line', showSymbol: false, sampling: 'lttb', connectNulls: false, data: d.points.map((p) => [p.ts, p.kwh]) }],
            }}
          />
        )}
      </AsyncView>
    </Card>
  );
}

function ScoreCard({ title, score }: { title: string; score: Score | null | undefined }) {
  const { t, label, number } = useI18n();
  if (!score) return <Card size="small" title={title}><Empty description={t('common.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} /></Card>;
  const main = score.score ?? score.value ?? score.probability;
  return (
    <Card size="small" title={title}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {number(main, 2)} {score.grade ?? score.tier ?? ''}
      </Typography.Title>
      <Typography.Text strong>{t('c360.reasons')}</Typography.Text>
      <ul style={{ paddingLeft: 18, margin: 0 }}>
        {(score.reasons ?? []).slice(0, 6).map((r, i) => (
          <li key={i}>{typeof r === 'string' ? r : `${label(r.label ?? r.text ?? r.feature ?? '')}${r.contribution != null ? ` (${r.contribution > 0 ? '+' : ''}${number(r.contribution, 3)})` : ''}`}</li>
        ))}
      </ul>
    </Card>
  );
}

interface Offer {
  offerId: string;
  kind: string;
  tariffId: string | null;
  savingsCny: number;
  confidenceLevel: string;
  textZh: string;
  textEn: string;
}

function Offers({ customerId }: { customerId: string }) {
  const { t, lang, number } = useI18n();
  const state = useApi(() => api.get<{ offers: Offer[] }>('/offers', { customerId }), [customerId]);
  return (
    <AsyncView state={state} isEmpty={(d) => d.offers.length === 0}>
      {(d) => (
        <Table<Offer>
          size="small"
          aria-label={t('c360.offers')}
          rowKey="offerId"
          pagination={false}
          dataSource={d.offers}
          columns={[
            { key: 'kind', title: t('c360.offerKind'), render: (_, o) => `${o.kind}${o.tariffId ? ` → ${o.tariffId}` : ''}` },
            { key: 'savings', title: t('c360.offerSavings'), align: 'right', render: (_, o) => number(o.savingsCny, 0) },
            { key: 'confidence', title: t('c360.offerConfidence'), dataIndex: 'confidenceLevel' },
            { key: 'text', title: t('c360.offerText'), render: (_, o) => (lang === 'zh-CN' ? o.textZh : o.textEn) },
          ]}
        />
      )}
    </AsyncView>
  );
}

function rows(list: Record<string, unknown>[] | undefined): Record<string, unknown>[] {
  return Array.isArray(list) ? list : [];
}

export function Customer360Page({ customerId }: { customerId: string }) {
  const { t, label } = useI18n();
  const state = useApi(() => api.get<Profile>(`/customers/${encodeURIComponent(customerId)}`), [customerId]);
  const [shown, setShown] = useState<Partial<Record<PiiField, string>>>({});
  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Button onClick={() => navigate('customers')} aria-label={t('common.back')}>
          {t('common.back')}
        </Button>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('c360.title', { id: customerId })}
        </Typography.Title>
      </Space>
      <AsyncView state={state}>
        {(p) => {
          const c = p.customer;
          const value = (f: PiiField) => shown[f] ?? (c[f] as string | undefined) ?? '—';
          const segmentRow = Array.isArray(p.scores) ? p.scores.find((x) => x.table === 'customer_segments')?.row : undefined;
          const segment = segmentRow ? String(segmentRow.label ?? segmentRow.segment ?? segmentRow.segment_id ?? '—') : typeof p.segment === 'string' ? p.segment : p.segment ? label(p.segment.label ?? String(p.segment.segmentId ?? '')) : '—';
          return (
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={10}>
                <Card title={t('c360.profile')} extra={<UnmaskButton customerId={customerId} onShown={setShown} />}>
                  <Descriptions column={1} size="small" bordered>
                    <Descriptions.Item label={t('customers.name')}><span data-testid="pii-name">{value('name')}</span></Descriptions.Item>
                    <Descriptions.Item label={t('customers.phone')}><span data-testid="pii-phone">{value('phone')}</span></Descriptions.Item>
                    <Descriptions.Item label={t('c360.idNumber')}><span data-testid="pii-idNumber">{value('idNumber')}</span></Descriptions.Item>
                    <Descriptions.Item label={t('customers.address')}><span data-testid="pii-address">{value('address')}</span></Descriptions.Item>
                    <Descriptions.Item label={t('customers.district')}>{c.district}</Descriptions.Item>
                    <Descriptions.Item label={t('customers.class')}>{customerClassLabel(t, c.customerClass)}</Descriptions.Item>
                    <Descriptions.Item label={t('customers.tariff')}>{c.tariffId}</Descriptions.Item>
                    <Descriptions.Item label={t('c360.openedOn')}>{c.openedOn ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label={t('c360.segment')}>{segment}</Descriptions.Item>
                    <Descriptions.Item label={t('c360.tags')}>
                      {(p.tags ?? []).length === 0 ? '—' : (p.tags ?? []).map((g) => <Tag key={g.id}>{label(g.label)}</Tag>)}
                    </Descriptions.Item>
                  </Descriptions>
                </Card>
              </Col>
              <Col xs={24} xl={14}>
                <LoadCurve customerId={customerId} />
              </Col>
              {p.shape && p.shape.length === 24 && (
                <Col xs={24} xl={10}>
                  <Card>
                    <EChart title={t('c360.shape')} height={220} option={{ xAxis: { type: 'category', data: Array.from({ length: 24 }, (_, h) => `${h}`) }, yAxis: { type: 'value' }, series: [{ type: 'bar', data: p.shape }] }} />
                  </Card>
                </Col>
              )}
              {p.monthly && p.monthly.length > 0 && (
                <Col xs={24} xl={14}>
                  <Card>
                    <EChart title={t('c360.monthly')} height={220} option={{ xAxis: { type: 'category', data: p.monthly.map((m) => m.month) }, yAxis: { type: 'value', name: 'kWh' }, series: [{ type: 'bar', data: p.monthly.map((m) => m.kwh) }] }} />
                  </Card>
                </Col>
              )}
              <Col xs={24}>
                <Typography.Title level={5}>{t('c360.scores')}</Typography.Title>
                <Row gutter={[16, 16]}>
                  {Array.isArray(p.scores) ? (
                    p.scores.length === 0 ? (
                      <Col xs={24}>
                        <Empty description={t('c360.noScores')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
                      </Col>
                    ) : (
                      p.scores.map((sc) => (
                        <Col key={sc.table} xs={24} md={12} xl={8}>
                          <TableScoreCard table={sc.table} row={sc.row} />
                        </Col>
                      ))
                    )
                  ) : (
                    (['credit', 'churn', 'value'] as const).map((k) => (
                      <Col key={k} xs={24} md={8}>
                        <ScoreCard title={t(`c360.score.${k}`)} score={(p.scores as Record<string, Score | null> | undefined)?.[k]} />
                      </Col>
                    ))
                  )}
                </Row>
              </Col>
              <Col xs={24}>
                <Card>
                  <Tabs
                    items={(
                      [
                        ['bills', 'c360.bills', p.bills],
                        ['payments', 'c360.payments', p.payments],
                        ['tickets', 'c360.tickets', p.tickets],
                        ['events', 'c360.events', p.events],
                        ['meters', 'c360.meters', p.meters],
                      ] as const
                    )
                      .map(([key, title, list]): { key: string; label: string; children: ReactNode } => ({
                        key,
                        label: `${t(title)} (${rows(list).length})`,
                        children: rows(list).length ? <RecordTable rows={rows(list)} caption={t(title)} testId={`c360-${key}`} /> : <Empty description={t('common.empty')} />,
                      }))
                      .concat([{ key: 'offers', label: t('c360.offers'), children: <Offers customerId={customerId} /> }])}
                  />
                </Card>
              </Col>
            </Row>
          );
        }}
      </AsyncView>
    </>
  );
}
