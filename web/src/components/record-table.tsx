import { Table } from 'antd';
import { messageOr, useI18n } from '../i18n/i18n.js';

type Row = Record<string, unknown>;

function cell(value: unknown, label: (v: never) => string, yesNo: (v: boolean) => string): string {
  if (value == null) return '—';
  if (typeof value === 'boolean') return yesNo(value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(2);
  if (typeof value === 'object' && ('en' in value || 'zh-CN' in value)) return label(value as never);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A table for API records whose columns are not fixed (bills, tickets, runs...): columns from the keys, titled from the `col.*` messages when known. */
export function RecordTable({ rows, caption, maxColumns = 10, pageSize = 10, testId }: { rows: Row[]; caption: string; maxColumns?: number; pageSize?: number; testId?: string }) {
  const i18n = useI18n();
  const { label } = i18n;
  const title = (key: string) => messageOr(i18n, `col.${key}`, key);
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))].slice(0, maxColumns);
  return (
    <Table<Row>
      size="small"
      aria-label={caption}
      data-testid={testId}
      scroll={{ x: true }}
      rowKey={(r) => JSON.stringify(r)}
      dataSource={rows}
      pagination={rows.length > pageSize ? { pageSize, showSizeChanger: false } : false}
      columns={keys.map((key) => ({ key, title: title(key), dataIndex: key, render: (v: unknown) => cell(v, label as (v: never) => string, (b) => i18n.t(b ? 'common.yes' : 'common.no')) }))}
    />
  );
}
