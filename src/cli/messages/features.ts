import type { Catalog } from '../../core/i18n/index.js';

/** `gridlens run features` and `gridlens profile`. */
export const featuresMessages: Catalog = {
  'phase.days': { 'zh-CN': '日聚合', en: 'Daily aggregates' },
  'phase.months': { 'zh-CN': '月聚合', en: 'Monthly aggregates' },
  'phase.write': { 'zh-CN': '写入特征', en: 'Writing features' },
  'phase.tags': { 'zh-CN': '计算标签', en: 'Tags' },
  'phase.done': { 'zh-CN': '完成', en: 'Done' },
  'features.summary': {
    'zh-CN': '特征库已更新（截至 {asOf}，版本 {version}）：{customers} 户客户，重算日聚合 {dayRows} 行、月聚合 {monthRows} 行（{range}），用时 {seconds} 秒。',
    en: 'Feature store updated (as of {asOf}, version {version}): {customers} customers, {dayRows} daily and {monthRows} monthly rows recomputed ({range}) in {seconds} s.',
  },
  'features.incremental': { 'zh-CN': '增量：从 {from} 起', en: 'incremental from {from}' },
  'features.recomputed': { 'zh-CN': '重算 {from} 至 {to}', en: 'recomputed {from} to {to}' },
  'features.nothing': { 'zh-CN': '无新数据', en: 'no new data' },
  'features.noReadings': { 'zh-CN': '库中没有读数：只计算了非负荷特征。', en: 'The store has no readings: only non-load features were computed.' },
  'features.tagsHeader': { 'zh-CN': '标签（目录版本 {version}）：', en: 'Tags (catalogue version {version}):' },
  'features.tagLine': { 'zh-CN': '  {label}：{tagged} 户（{share}%），可判定 {eligible} 户', en: '  {label}: {tagged} customers ({share}%), decidable for {eligible}' },
  'features.profile.title': { 'zh-CN': '客户画像 {id}{masked}', en: 'Customer profile {id}{masked}' },
  'features.profile.masked': { 'zh-CN': '（个人信息已脱敏）', en: ' (personal data masked)' },
  'features.profile.facts': { 'zh-CN': '{name}，{type}，{region}{district}，{voltage}，合同容量 {kva} kVA，状态 {status}', en: '{name}, {type}, {region} {district}, {voltage}, contract {kva} kVA, status {status}' },
  'features.profile.contact': { 'zh-CN': '电话 {phone}，证件 {idNumber}，地址 {address}', en: 'Phone {phone}, ID {idNumber}, address {address}' },
  'features.profile.tariff': { 'zh-CN': '电价：{tariff}；台区：{area}', en: 'Tariff: {tariff}; transformer area: {area}' },
  'features.profile.meters': { 'zh-CN': '电表 {n} 块，账户 {accounts} 个', en: '{n} meters, {accounts} accounts' },
  'features.profile.noFeatures': { 'zh-CN': '尚无特征：请先运行 gridlens run features。', en: 'No features yet: run gridlens run features first.' },
  'features.profile.load': {
    'zh-CN': '用电（截至 {asOf}，{days} 天，缺测 {missing}%）：日均 {daily} kWh，最大需量 {peak} kW，负荷率 {lf}，峰值时刻 {hour} 时，夜间占比 {night}%',
    en: 'Usage (as of {asOf}, {days} days, {missing}% missing): {daily} kWh/day, peak {peak} kW, load factor {lf}, peak hour {hour}:00, night share {night}%',
  },
  'features.profile.temperature': { 'zh-CN': '温度响应：{model}（调整 R² {r2}），冷暖负荷占 {share}%', en: 'Temperature response: {model} (adj. R² {r2}), heating/cooling {share}% of usage' },
  'features.profile.shape': { 'zh-CN': '典型日负荷曲线（0–23 时）：{spark}', en: 'Typical day (0–23 h): {spark}' },
  'features.profile.billing': {
    'zh-CN': '账单 {bills} 张，平均 {avg} 元，欠费 {arrears} 元，逾期比例 {late}%；工单 {tickets} 张（投诉 {complaints}）；近 90 天线上活跃 {active} 天',
    en: '{bills} bills, average CNY {avg}, arrears CNY {arrears}, {late}% paid late; {tickets} tickets ({complaints} complaints); active online {active} of the last 90 days',
  },
  'features.profile.tags': { 'zh-CN': '标签：', en: 'Tags:' },
  'features.profile.noTags': { 'zh-CN': '标签：无', en: 'Tags: none' },
  'features.profile.scores': { 'zh-CN': '分群与评分：', en: 'Segments and scores:' },
  'features.profile.recentBills': { 'zh-CN': '近期账单：', en: 'Recent bills:' },
  'features.profile.recentTickets': { 'zh-CN': '近期工单：', en: 'Recent tickets:' },
  'features.profile.recentEvents': { 'zh-CN': '近期线上行为：', en: 'Recent online activity:' },
};
