import { translate, type Catalog, type Lang } from '../core/i18n/index.js';

/** Every user-facing string of the CLI, in zh-CN and en. */
const catalog: Catalog = {
  'error.prefix': { 'zh-CN': '错误', en: 'Error' },
  'phase.customers': { 'zh-CN': '生成客户档案', en: 'Customers' },
  'phase.readings': { 'zh-CN': '生成计量数据', en: 'Interval readings' },
  'phase.records': { 'zh-CN': '生成账单与工单', en: 'Bills and tickets' },
  'phase.areas': { 'zh-CN': '台区与设备', en: 'Areas and equipment' },
  'phase.export': { 'zh-CN': '导出文件', en: 'Exporting files' },
  'demo.exists': { 'zh-CN': '数据库 {db} 已有数据（{readings} 条读数），跳过生成。使用 --force 重新生成。', en: 'Store {db} already has data ({readings} readings); not generating. Use --force to regenerate.' },
  'demo.created': { 'zh-CN': '已在 {db} 生成演示电力公司：{customers} 户客户，{days} 天，{interval} 分钟间隔，用时 {seconds} 秒。', en: 'Created the demo utility in {db}: {customers} customers, {days} days, {interval}-minute intervals, in {seconds} s.' },
  'summary.title': { 'zh-CN': 'GridLens 数据概况 ({db})', en: 'GridLens store summary ({db})' },
  'summary.table': { 'zh-CN': '表', en: 'Table' },
  'summary.rows': { 'zh-CN': '行数', en: 'Rows' },
  'summary.range': { 'zh-CN': '读数时间范围 (UTC)：{first} 至 {last}', en: 'Readings from {first} to {last} (UTC)' },
  'summary.size': { 'zh-CN': '文件大小：{mb} MB，架构版本 {version}', en: 'File size: {mb} MB, schema version {version}' },
  'synth.written': { 'zh-CN': '已写出 {files} 个文件到 {dir}（{readings} 条读数），用时 {seconds} 秒。', en: 'Wrote {files} files to {dir} ({readings} readings) in {seconds} s.' },
  'start.next': { 'zh-CN': '下一步：gridlens db info、gridlens synth --out DIR；分析与看板将在后续版本中启动。', en: 'Next: gridlens db info, gridlens synth --out DIR; analytics and the dashboard start here in later versions.' },
};

export function msg(lang: Lang, key: string, vars?: Record<string, string | number>): string {
  return translate(catalog, lang, key, vars);
}
