import { Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client.js';
import type { CustomerRow, Page } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { AsyncView } from '../components/async-view.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages.js';
import { navigate } from '../router.js';

interface Filters {
  q?: string;
  district?: string;
  customerClass?: string;
  segment?: string;
  tag?: string;
}

const classes = ['residential', 'commercial', 'industrial', 'agricultural', 'public'];

export function customerClassLabel(t: (key: MessageKey) => string, value: string): string {
  return classes.includes(value) ? t(`customers.class.${value}` as MessageKey) : value;
}

export function CustomersPage() {
  const { t } = useI18n();
  const [filters, setFilters] = useState<Filters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const state = useApi(() => api.get<Page<CustomerRow>>('/customers', { ...filters, ...paging }), [filters, paging]);
  const [form] = Form.useForm<Filters>();
  const className = (c: string) => customerClassLabel(t, c);
  return (
    <>
      <Typography.Title level={3}>{t('customers.title')}</Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <Form<Filters>
          form={form}
          layout="inline"
          onFinish={(values) => {
            setFilters(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v])));
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          style={{ rowGap: 8 }}
        >
          <Form.Item name="q">
            <Input placeholder={t('customers.query')} aria-label={t('customers.query')} data-testid="customer-query" allowClear style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="district">
            <Input placeholder={t('customers.district')} aria-label={t('customers.district')} allowClear style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="customerClass">
            <Select
              placeholder={t('customers.class')}
              aria-label={t('customers.class')}
              allowClear
              style={{ width: 140 }}
              options={classes.map((c) => ({ value: c, label: className(c) }))}
            />
          </Form.Item>
          <Form.Item name="segment">
            <Input placeholder={t('customers.segment')} aria-label={t('customers.segment')} allowClear style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="tag">
            <Input placeholder={t('customers.tag')} aria-label={t('customers.tag')} allowClear style={{ width: 120 }} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" aria-label={t('common.search')} data-testid="customer-search">
              {t('common.search')}
            </Button>
            <Button
              aria-label={t('common.reset')}
              onClick={() => {
                form.resetFields();
                setFilters({});
              }}
            >
              {t('common.reset')}
            </Button>
          </Space>
        </Form>
      </Card>
      <AsyncView state={state}>
        {(page) => (
          <Table<CustomerRow>
            data-testid="customer-results"
            aria-label={t('customers.title')}
            rowKey="customerId"
            size="middle"
            scroll={{ x: true }}
            dataSource={page.items}
            loading={state.loading}
            onRow={(row) => ({ onDoubleClick: () => navigate('customers', row.customerId) })}
            pagination={{
              current: page.page,
              pageSize: page.pageSize,
              total: page.total,
              showTotal: (n) => t('common.total', { n }),
              onChange: (p, size) => setPaging({ page: p, pageSize: size }),
            }}
            columns={[
              {
                key: 'id',
                title: t('customers.id'),
                dataIndex: 'customerId',
                render: (id: string) => (
                  <a href={`#/customers/${encodeURIComponent(id)}`} data-testid="customer-link">
                    {id}
                  </a>
                ),
              },
              { key: 'name', title: t('customers.name'), dataIndex: 'name' },
              { key: 'phone', title: t('customers.phone'), dataIndex: 'phone' },
              { key: 'district', title: t('customers.district'), dataIndex: 'district' },
              { key: 'class', title: t('customers.class'), dataIndex: 'customerClass', render: className },
              { key: 'tariff', title: t('customers.tariff'), dataIndex: 'tariffId' },
              { key: 'segment', title: t('customers.segment'), dataIndex: 'segment', render: (s?: string | null) => s ?? '—' },
              { key: 'tags', title: t('customers.tags'), dataIndex: 'tags', render: (tags?: string[]) => (tags ?? []).slice(0, 4).map((g) => <Tag key={g}>{g}</Tag>) },
            ]}
          />
        )}
      </AsyncView>
    </>
  );
}
