import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../api/client.js';
import { useAuth } from '../auth.js';
import { useI18n } from '../i18n/i18n.js';

export function LoginPage({ languageSwitch }: { languageSwitch: ReactNode }) {
  const { t } = useI18n();
  const { login } = useAuth();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async ({ username, password }: { username: string; password: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await login(username, password);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 429 ? t('login.locked') : `${t('login.failed')}${e instanceof ApiError && e.detail ? `: ${e.detail}` : ''}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5', padding: 16 }}>
      <Card style={{ width: '100%', maxWidth: 380 }}>
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('login.title')}
            </Typography.Title>
            {languageSwitch}
          </Space>
          {error && <Alert type="error" showIcon title={error} role="alert" data-testid="login-error" />}
          <Form layout="vertical" onFinish={submit} requiredMark={false}>
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.required', { field: t('login.username') }) }]}>
              <Input autoComplete="username" aria-label={t('login.username')} data-testid="login-username" autoFocus />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.required', { field: t('login.password') }) }]}>
              <Input.Password autoComplete="current-password" aria-label={t('login.password')} data-testid="login-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy} aria-label={t('login.submit')} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form>
        </Space>
      </Card>
    </div>
  );
}
