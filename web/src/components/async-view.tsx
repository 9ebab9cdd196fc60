import { Alert, Button, Empty, Spin } from 'antd';
import type { ReactNode } from 'react';
import type { ApiState } from '../api/use-api.js';
import { useI18n } from '../i18n/i18n.js';

/** Loading, error and empty states in one place; renders `children(data)` once there is data. */
export function AsyncView<T>({
  state,
  isEmpty,
  children,
}: {
  state: ApiState<T>;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  const { t } = useI18n();
  if (state.error) {
    const { status } = state.error;
    const message = status === 404 || status === 501 ? t('common.notAvailable') : status === 403 ? t('common.forbidden') : t('common.error');
    return (
      <Alert
        type={status === 404 || status === 501 ? 'info' : 'error'}
        showIcon
        title={message}
        description={state.error.message}
        action={<Button size="small" onClick={state.reload} aria-label={t('common.retry')}>{t('common.retry')}</Button>}
        role="alert"
      />
    );
  }
  if (state.data === undefined) {
    return state.loading ? (
      <div style={{ padding: 48, textAlign: 'center' }} aria-busy="true">
        <Spin description={t('common.loading')} />
      </div>
    ) : (
      <Empty description={t('common.empty')} />
    );
  }
  if (isEmpty?.(state.data)) return <Empty description={t('common.empty')} />;
  return <Spin spinning={state.loading}>{children(state.data)}</Spin>;
}
