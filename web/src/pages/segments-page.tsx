import { Card, Col, Row, Table, Typography } from 'antd';
import { api } from '../api/client.js';
import type { Label, Segment } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { AsyncView } from '../components/async-view.js';
import { EChart } from '../components/echart.js';
import { useI18n } from '../i18n/i18n.js';

interface TagDef {
  id: string;
  label: Label;
  description?: Label;
  coverage?: number;
}

export function SegmentsPage() {
  const { t, label, number } = useI18n();
  const segments = useApi(() => api.get<Segment[]>('/segments'), []);
  const tags = useApi(() => api.get<TagDef[]>('/tags'), []);
  const hours = Array.from({ length: 24 }, (_, h) => `${h}:00`);
  return (
    <>
      <Typography.Title level={3}>{t('segments.title')}</Typography.Title>
      <AsyncView state={segments} isEmpty={(s) => s.length === 0}>
        {(list) => (
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card>
                <EChart
                  title={t('segments.shape')}
                  height={380}
                  option={{
                    legend: { type: 'scroll', bottom: 0 },
                    grid: { left: 56, right: 24, top: 48, bottom: 72 },
                    xAxis: { type: 'category', data: hours },
                    yAxis: { type: 'value' },
                    series: list.map((s) => ({ type: 'line', name: label(s.label), showSymbol: false, data: s.shape })),
                  }}
                />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Table<Segment>
                size="small"
                aria-label={t('segments.title')}
                rowKey={(s) => String(s.segmentId)}
                pagination={false}
                dataSource={list}
                columns={[
                  { key: 'label', title: t('customers.segment'), render: (_, s) => label(s.label) },
                  { key: 'size', title: t('segments.size'), dataIndex: 'size', align: 'right', render: (n: number) => number(n) },
                  { key: 'revenue', title: t('segments.revenue'), dataIndex: 'revenueCny', align: 'right', render: (n?: number) => number(n) },
                ]}
              />
            </Col>
          </Row>
        )}
      </AsyncView>
      <Typography.Title level={4} style={{ marginTop: 24 }}>
        {t('segments.tags')}
      </Typography.Title>
      <AsyncView state={tags} isEmpty={(l) => l.length === 0}>
        {(list) => (
          <Table<TagDef>
            size="small"
            aria-label={t('segments.tags')}
            rowKey="id"
            dataSource={list}
            columns={[
              { key: 'label', title: t('customers.tag'), render: (_, g) => label(g.label) },
              { key: 'description', title: t('segments.description'), render: (_, g) => label(g.description) },
              { key: 'coverage', title: t('segments.coverage'), align: 'right', render: (_, g) => (g.coverage == null ? '—' : `${number(g.coverage * 100, 1)}%`) },
            ]}
          />
        )}
      </AsyncView>
    </>
  );
}
