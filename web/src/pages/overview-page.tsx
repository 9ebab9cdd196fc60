import { Card, Col, Row, Statistic, Typography } from 'antd';
import { api } from '../api/client.js';
import type { Overview } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { AsyncView } from '../components/async-view.js';
import { EChart } from '../components/echart.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages.js';

export function OverviewPage() {
  const { t, number } = useI18n();
  const state = useApi(() => api.get<Overview>('/overview'), []);
  return (
    <>
      <Typography.Title level={3}>{t('overview.title')}</Typography.Title>
      <AsyncView state={state}>
        {(o) => {
          const kpis: [MessageKey, string][] = [
            ['overview.customers', number(o.customers)],
            ['overview.consumption', number(o.consumptionKwh30d)],
            ['overview.revenue', number(o.revenueCny30d)],
            ['overview.arrears', number(o.arrearsCny)],
            ['overview.lineLoss', o.lineLossRate == null ? '—' : `${number(o.lineLossRate * 100, 2)}%`],
            ['overview.alerts', number(o.openAlerts)],
            ['overview.tickets', number(o.openTickets)],
            ['overview.satisfaction', o.satisfaction == null ? '—' : number(o.satisfaction, 2)],
          ];
          const dates = o.trend.map((p) => p.date);
          return (
            <>
              <Row gutter={[16, 16]} data-testid="kpis">
                {kpis.map(([key, value]) => (
                  <Col key={key} xs={12} md={8} xl={6}>
                    <Card>
                      <Statistic title={t(key)} value={value} />
                    </Card>
                  </Col>
                ))}
              </Row>
              <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
                <Col xs={24} xl={12}>
                  <Card>
                    <EChart title={t('overview.trendKwh')} option={{ xAxis: { type: 'category', data: dates }, yAxis: { type: 'value' }, series: [{ type: 'line', data: o.trend.map((p) => p.kwh), showSymbol: false, areaStyle: { opacity: 0.15 } }] }} />
                  </Card>
                </Col>
                <Col xs={24} xl={12}>
                  <Card>
                    <EChart title={t('overview.trendRevenue')} option={{ xAxis: { type: 'category', data: dates }, yAxis: { type: 'value' }, series: [{ type: 'bar', data: o.trend.map((p) => p.revenueCny) }] }} />
                  </Card>
                </Col>
              </Row>
            </>
          );
        }}
      </AsyncView>
    </>
  );
}
