import { Card, Col, Empty, Row, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client.js';
import { listOf } from '../api/list-of.js';
import { useApi } from '../api/use-api.js';
import { AsyncView } from '../components/async-view.js';
import { EChart } from '../components/echart.js';
import { RecordTable } from '../components/record-table.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages.js';

interface DrEvent {
  eventId: string;
  programId: string;
  localDate: string;
  startMinute: number;
  endMinute: number;
  signalLevel: number;
  status: string;
  targetCount: number;
}

interface Settlement {
  customerId?: string;
  baselineKwh?: number;
  actualKwh?: number;
  reductionKwh?: number;
  paymentCny?: number;
  [key: string]: unknown;
}

const eventId = (e: DrEvent) => e.eventId;
const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

function EventDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const state = useApi(() => api.get<DrEvent & { settlement?: Settlement[] | { items?: Settlement[] } }>(`/dr/events/${encodeURIComponent(id)}`), [id]);
  return (
    <AsyncView state={state}>
      {(e) => {
        const rows = listOf<Settlement>(e.settlement);
        if (rows.length === 0) return <Empty description={t('common.empty')} />;
        return (
          <>
            <EChart
              title={t('dr.settlement')}
              option={{
                legend: { bottom: 0 },
                xAxis: { type: 'category', data: rows.map((r) => r.customerId ?? '') },
                yAxis: { type: 'value', name: 'kWh' },
                series: [
                  { type: 'bar', name: t('dr.baseline'), data: rows.map((r) => r.baselineKwh ?? null) },
                  { type: 'bar', name: t('dr.actual'), data: rows.map((r) => r.actualKwh ?? null) },
                ],
              }}
            />
            <RecordTable rows={rows} caption={t('dr.settlement')} testId="dr-settlement" />
          </>
        );
      }}
    </AsyncView>
  );
}

export function DemandResponsePage() {
  const { t } = useI18n();
  const events = useApi(() => api.get<unknown>('/dr/events'), []);
  const [selected, setSelected] = useState<string>();
  return (
    <>
      <Typography.Title level={3}>{t('dr.title')}</Typography.Title>
      <AsyncView state={events} isEmpty={(d) => listOf<DrEvent>(d).length === 0}>
        {(d) => (
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={10}>
              <Table<DrEvent>
                size="small"
                aria-label={t('dr.title')}
                rowKey={eventId}
                dataSource={listOf<DrEvent>(d)}
                onRow={(e) => ({ onClick: () => setSelected(eventId(e)), style: { cursor: 'pointer' } })}
                rowClassName={(e) => (eventId(e) === selected ? 'ant-table-row-selected' : '')}
                columns={[
                  { key: 'event', title: t('dr.event'), render: (_, e) => `${e.eventId} (${e.programId})` },
                  { key: 'day', title: t('dr.day'), dataIndex: 'localDate' },
                  { key: 'window', title: t('dr.window'), render: (_, e) => `${hhmm(e.startMinute)}–${hhmm(e.endMinute)}` },
                  { key: 'level', title: t('dr.level'), dataIndex: 'signalLevel', align: 'right' },
                  { key: 'status', title: t('dr.status'), render: (_, e) => (['created', 'simulated', 'settled'].includes(e.status) ? t(`dr.status.${e.status}` as MessageKey) : e.status) },
                  { key: 'participants', title: t('dr.participants'), dataIndex: 'targetCount', align: 'right' },
                ]}
              />
            </Col>
            <Col xs={24} xl={14}>
              <Card title={t('dr.settlement')}>{selected ? <EventDetail id={selected} /> : <Empty description={t('common.empty')} />}</Card>
            </Col>
          </Row>
        )}
      </AsyncView>
    </>
  );
}
