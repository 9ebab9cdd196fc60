import { Alert, App, Button, Card, Form, Input, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client.js';
import type { AuditEntry, Page, Role, User } from '../api/types.js';
import { listOf } from '../api/list-of.js';
import { useApi } from '../api/use-api.js';
import { useAuth } from '../auth.js';
import { AsyncView } from '../components/async-view.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages.js';

const roles: Role[] = ['admin', 'marketing', 'service', 'operations', 'risk', 'analyst', 'auditor'];

function AddUserForm({ onAdded }: { onAdded: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ username: string; displayName?: string; password: string; roles: Role[]; regions?: string }>();
  const submit = async (v: { username: string; displayName?: string; password: string; roles: Role[]; regions?: string }) => {
    try {
      const regions = v.regions?.split(/[,，\s]+/).filter(Boolean);
      await api.post('/admin/users', { username: v.username.trim(), displayName: v.displayName?.trim() || undefined, password: v.password, roles: v.roles, regions: regions?.length ? regions : null });
      message.success(t('admin.userAdded', { user: v.username }));
      form.resetFields();
      onAdded();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Form form={form} layout="inline" onFinish={submit} style={{ rowGap: 8, marginBottom: 16 }}>
      <Form.Item name="username" rules={[{ required: true, whitespace: true }]}>
        <Input placeholder={t('admin.username')} aria-label={t('admin.username')} />
      </Form.Item>
      <Form.Item name="displayName">
        <Input placeholder={t('admin.displayName')} aria-label={t('admin.displayName')} />
      </Form.Item>
      <Form.Item name="password" rules={[{ required: true, min: 12 }]}>
        <Input.Password placeholder={t('admin.password')} aria-label={t('admin.password')} autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="roles" rules={[{ required: true }]}>
        <Select mode="multiple" placeholder={t('admin.roles')} aria-label={t('admin.roles')} style={{ minWidth: 200 }} options={roles.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))} />
      </Form.Item>
      <Form.Item name="regions">
        <Input placeholder={t('admin.regions')} aria-label={t('admin.regions')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" aria-label={t('admin.addUser')}>
        {t('admin.addUser')}
      </Button>
    </Form>
  );
}

function Users() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { hasRole } = useAuth();
  const state = useApi(() => api.get<unknown>('/admin/users'), []);
  const patch = async (username: string, body: Partial<User>) => {
    try {
      await api.patch(`/admin/users/${encodeURIComponent(username)}`, body);
      state.reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const isAdmin = hasRole('admin');
  return (
    <>
      {isAdmin && <AddUserForm onAdded={state.reload} />}
      <AsyncView state={state}>
        {(d) => (
          <Table<User>
            size="small"
            aria-label={t('admin.users')}
            rowKey="username"
            dataSource={listOf<User>(d)}
            scroll={{ x: true }}
            columns={[
              { key: 'username', title: t('admin.username'), dataIndex: 'username' },
              { key: 'displayName', title: t('admin.displayName'), dataIndex: 'displayName' },
              {
                key: 'roles',
                title: t('admin.roles'),
                render: (_, u) =>
                  isAdmin ? (
                    <Select
                      mode="multiple"
                      aria-label={`${t('admin.roles')} ${u.username}`}
                      value={u.roles}
                      style={{ minWidth: 220 }}
                      onChange={(next: Role[]) => next.length > 0 && void patch(u.username, { roles: next })}
                      options={roles.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))}
                    />
                  ) : (
                    u.roles.map((r) => <Tag key={r}>{t(`role.${r}` as MessageKey)}</Tag>)
                  ),
              },
              { key: 'regions', title: t('admin.regions'), render: (_, u) => (u.regions?.length ? u.regions.join(', ') : t('admin.allRegions')) },
              {
                key: 'disabled',
                title: t('admin.disabled'),
                render: (_, u) => <Switch aria-label={`${t('admin.disabled')} ${u.username}`} checked={Boolean(u.disabled)} disabled={!isAdmin} onChange={(disabled) => void patch(u.username, { disabled })} />,
              },
            ]}
          />
        )}
      </AsyncView>
    </>
  );
}

function Audit() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const state = useApi(() => api.get<Page<AuditEntry>>('/admin/audit', { page, pageSize: 20 }), [page]);
  const [verify, setVerify] = useState<{ ok: boolean; entries: number; firstBadEntry?: number | string }>();
  const [verifyError, setVerifyError] = useState<string>();
  const runVerify = async () => {
    setVerifyError(undefined);
    try {
      setVerify(await api.get('/admin/audit/verify'));
    } catch (e) {
      setVerifyError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button onClick={() => void runVerify()} aria-label={t('admin.verify')} data-testid="audit-verify">
          {t('admin.verify')}
        </Button>
        {verify && (
          <Alert
            data-testid="audit-verify-result"
            type={verify.ok ? 'success' : 'error'}
            showIcon
            title={verify.ok ? t('admin.verifyOk', { n: verify.entries }) : t('admin.verifyBad', { entry: String(verify.firstBadEntry ?? '?') })}
          />
        )}
        {verifyError && <Alert type="error" showIcon title={verifyError} />}
      </Space>
      <AsyncView state={state}>
        {(p) => (
          <Table<AuditEntry>
            size="small"
            aria-label={t('admin.audit')}
            data-testid="audit-log"
            rowKey={(e) => String(e.id ?? e.seq ?? e.hash)}
            dataSource={p.items}
            scroll={{ x: true }}
            pagination={{ current: p.page, pageSize: p.pageSize, total: p.total, showSizeChanger: false, onChange: setPage, showTotal: (n) => t('common.total', { n }) }}
            columns={[
              { key: 'when', title: t('admin.when'), render: (_, e) => e.at ?? e.ts ?? '' },
              { key: 'actor', title: t('admin.actor'), render: (_, e) => e.actor ?? e.username ?? '' },
              { key: 'action', title: t('admin.action'), dataIndex: 'action' },
              { key: 'target', title: t('admin.target'), dataIndex: 'target' },
              { key: 'outcome', title: t('admin.outcome'), dataIndex: 'outcome' },
              { key: 'detail', title: t('admin.detail'), render: (_, e) => { const d = e.details ?? e.detail; return d == null ? '' : typeof d === 'string' ? d : JSON.stringify(d); } },
            ]}
          />
        )}
      </AsyncView>
    </Space>
  );
}

export function AdminPage() {
  const { t } = useI18n();
  const { hasRole } = useAuth();
  return (
    <>
      <Typography.Title level={3}>{t('admin.title')}</Typography.Title>
      <Card>
        <Tabs
          items={[
            ...(hasRole('admin') ? [{ key: 'users', label: t('admin.users'), children: <Users /> }] : []),
            { key: 'audit', label: t('admin.audit'), children: <Audit /> },
          ]}
        />
      </Card>
    </>
  );
}
