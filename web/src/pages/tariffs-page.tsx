import { Alert, Button, Card, Col, Empty, Form, Input, Row, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../api/client.js';
import { listOf } from '../api/list-of.js';
import { useApi } from '../api/use-api.js';
import { AsyncView } from '../components/async-view.js';
import { useI18n } from '../i18n/i18n.js';

interface TariffSummary {
  tariffId: string;
  name: string;
  nameZh?: string | null;
  customerClass?: string;
}

interface BillPeriod {
  periodStart: string;
  periodEnd: string;
  kwh: number;
  energyCharge: number;
  demandCharge: number;
  fixedCharge: number;
  fundsCharge: number;
  total: number;
  coverage?: number;
}

interface Simulation {
  tariff: { tariffId: string; name: string; nameZh: string | null; currency: string };
  customerId: string | null;
  from: string;
  to: string;
  periods: BillPeriod[];
  totals: { kwh: number; energyCharge: number; demandCharge: number; fixedCharge: number; fundsCharge: number; total: number };
  notes?: string[];
}

export function TariffsPage() {
  const { t, lang, number } = useI18n();
  const tariffs = useApi(() => api.get<unknown>('/tariffs'), []);
  const [result, setResult] = useState<Simulation>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const simulate = async (v: { tariff: string; customerId: string; from?: string; to?: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      setResult(await api.post<Simulation>(`/tariffs/${encodeURIComponent(v.tariff)}/simulate`, { customerId: v.customerId.trim(), from: v.from || undefined, to: v.to || undefined }));
    } catch (e) {
      setResult(undefined);
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const money = (v: number) => number(v, 2);
  return (
    <>
      <Typography.Title level={3}>{t('tariffs.title')}</Typography.Title>
      <AsyncView state={tariffs}>
        {(data) => {
          const list = listOf<TariffSummary>(data);
          return (
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={10}>
                <Card>
                  <Form layout="vertical" onFinish={simulate}>
                    <Form.Item name="tariff" label={t('tariffs.tariff')} rules={[{ required: true }]}>
                      <Select aria-label={t('tariffs.tariff')} showSearch={{ optionFilterProp: 'label' }} options={list.map((x) => ({ value: x.tariffId, label: `${x.tariffId} ${lang === 'zh-CN' ? (x.nameZh ?? x.name) : x.name}` }))} />
                    </Form.Item>
                    <Form.Item name="customerId" label={t('tariffs.customer')} rules={[{ required: true, whitespace: true }]}>
                      <Input aria-label={t('tariffs.customer')} />
                    </Form.Item>
                    <Form.Item name="from" label={t('c360.from')}>
                      <Input type="date" aria-label={t('c360.from')} />
                    </Form.Item>
                    <Form.Item name="to" label={t('c360.to')}>
                      <Input type="date" aria-label={t('c360.to')} />
                    </Form.Item>
                    <Button type="primary" htmlType="submit" loading={busy} aria-label={t('tariffs.simulate')}>
                      {t('tariffs.simulate')}
                    </Button>
                  </Form>
                </Card>
              </Col>
              <Col xs={24} lg={14}>
                <Card title={t('tariffs.result')}>
                  {error && <Alert type="error" showIcon title={error} role="alert" />}
                  {!result && !error && <Empty description={t('tariffs.hint')} />}
                  {result && (
                    <Table<BillPeriod>
                      size="small"
                      data-testid="tariff-result"
                      aria-label={t('tariffs.result')}
                      rowKey="periodStart"
                      scroll={{ x: true }}
                      pagination={false}
                      dataSource={result.periods}
                      columns={[
                        { key: 'period', title: t('tariffs.period'), render: (_, p) => `${p.periodStart} – ${p.periodEnd}` },
                        { key: 'kwh', title: t('tariffs.kwh'), align: 'right', render: (_, p) => number(p.kwh, 1) },
                        { key: 'energy', title: t('tariffs.energy'), align: 'right', render: (_, p) => money(p.energyCharge) },
                        { key: 'demand', title: t('tariffs.demand'), align: 'right', render: (_, p) => money(p.demandCharge) },
                        { key: 'fixed', title: t('tariffs.fixed'), align: 'right', render: (_, p) => money(p.fixedCharge) },
                        { key: 'funds', title: t('tariffs.funds'), align: 'right', render: (_, p) => money(p.fundsCharge) },
                        { key: 'total', title: t('tariffs.amount'), align: 'right', render: (_, p) => money(p.total) },
                      ]}
                      footer={() => t('tariffs.totalCny', { amount: money(result.totals.total), kwh: number(result.totals.kwh, 0) })}
                    />
                  )}
                  {(result?.notes ?? []).map((n) => (
                    <Alert key={n} type="info" showIcon style={{ marginTop: 8 }} title={n} />
                  ))}
                </Card>
              </Col>
            </Row>
          );
        }}
      </AsyncView>
    </>
  );
}
