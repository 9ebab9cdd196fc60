import { App as AntApp, Button, ConfigProvider, Grid, Layout, Menu, Select, Space, Spin, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect, useState, type ReactNode } from 'react';
import type { Role } from './api/types.js';
import { useAuth } from './auth.js';
import { useI18n } from './i18n/i18n.js';
import type { Lang, MessageKey } from './i18n/messages.js';
import { AdminPage } from './pages/admin-page.js';
import { Customer360Page } from './pages/customer-360-page.js';
import { CustomersPage } from './pages/customers-page.js';
import { DemandResponsePage } from './pages/demand-response-page.js';
import { ForecastsPage } from './pages/forecasts-page.js';
import { LoginPage } from './pages/login-page.js';
import { OverviewPage } from './pages/overview-page.js';
import { QualityPage } from './pages/quality-page.js';
import { RiskPage } from './pages/risk-page.js';
import { SegmentsPage } from './pages/segments-page.js';
import { TariffsPage } from './pages/tariffs-page.js';
import { navigate, useRoute } from './router.js';

interface PageDef {
  key: string;
  label: MessageKey;
  /** Roles that see the page in the menu; undefined = everyone signed in. */
  roles?: Role[];
  render: (route: string[]) => ReactNode;
}

const pages: PageDef[] = [
  { key: 'overview', label: 'nav.overview', render: () => <OverviewPage /> },
  { key: 'customers', label: 'nav.customers', render: (r) => (r[1] ? <Customer360Page key={r[1]} customerId={r[1]} /> : <CustomersPage />) },
  { key: 'segments', label: 'nav.segments', render: () => <SegmentsPage /> },
  { key: 'forecasts', label: 'nav.forecasts', render: () => <ForecastsPage /> },
  { key: 'tariffs', label: 'nav.tariffs', render: () => <TariffsPage /> },
  { key: 'dr', label: 'nav.dr', render: () => <DemandResponsePage /> },
  { key: 'risk', label: 'nav.risk', render: () => <RiskPage /> },
  { key: 'quality', label: 'nav.quality', render: () => <QualityPage /> },
  { key: 'admin', label: 'nav.admin', roles: ['admin', 'auditor'], render: () => <AdminPage /> },
];

function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Select<Lang>
      aria-label={t('lang.label')}
      data-testid="lang-switch"
      value={lang}
      onChange={setLang}
      style={{ width: 110 }}
      options={[
        { value: 'zh-CN', label: '中文' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}

function Shell() {
  const { t } = useI18n();
  const { user, logout, hasRole } = useAuth();
  const route = useRoute();
  const screens = Grid.useBreakpoint();
  const [collapsed, setCollapsed] = useState(false);
  const visible = pages.filter((p) => !p.roles || hasRole(...p.roles));
  const current = visible.find((p) => p.key === route[0]) ?? visible[0];
  useEffect(() => {
    document.title = `${t(current.label)} · GridLens`;
  }, [current, t]);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={screens.xs ? 0 : 64} collapsible collapsed={collapsed} onCollapse={setCollapsed} theme="dark">
        <div style={{ color: '#fff', padding: '16px', fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden' }}>{collapsed ? 'GL' : t('app.title')}</div>
        <Menu
          theme="dark"
          mode="inline"
          aria-label={t('nav.menu')}
          selectedKeys={[current.key]}
          onClick={({ key }) => navigate(key)}
          items={visible.map((p) => ({ key: p.key, label: t(p.label), 'data-testid': `nav-${p.key}` }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 16px', display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
          <Typography.Text type="secondary" ellipsis>
            {screens.md ? t('app.subtitle') : ''}
          </Typography.Text>
          <Space wrap>
            <Typography.Text data-testid="current-user">
              {t('header.user', { user: user?.displayName || user?.username || '', roles: (user?.roles ?? []).map((r) => t(`role.${r}` as MessageKey)).join(', ') })}
            </Typography.Text>
            <LanguageSwitch />
            <Button onClick={() => void logout()} aria-label={t('header.logout')}>
              {t('header.logout')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: screens.md ? 24 : 8 }}>{current.render(route)}</Layout.Content>
      </Layout>
    </Layout>
  );
}

export function App() {
  const { lang } = useI18n();
  const { user, checking } = useAuth();
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <ConfigProvider locale={lang === 'zh-CN' ? zhCN : enUS} theme={{ token: { colorPrimary: '#0a6e5c' } }}>
      <AntApp>
        {checking ? (
          <div style={{ padding: 96, textAlign: 'center' }}>
            <Spin size="large" />
          </div>
        ) : user ? (
          <Shell />
        ) : (
          <LoginPage languageSwitch={<LanguageSwitch />} />
        )}
      </AntApp>
    </ConfigProvider>
  );
}
