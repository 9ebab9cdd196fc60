import type { Catalog } from '../../core/i18n/index.js';

/** Strings of `gridlens run segments|value|churn`, in zh-CN and en. */
export const marketingMessages: Catalog = {
  'phase.segments': { 'zh-CN': '客户分群', en: 'Segmenting' },
  'marketing.segments.fit': { 'zh-CN': '分群运行 #{runId}：{customers} 户，按典型日负荷曲线（{blocks}）聚为 {k} 类，用时 {seconds} 秒。', en: 'Segmentation run #{runId}: {customers} customers clustered into {k} segments on typical-day load profiles ({blocks}) in {seconds} s.' },
  'marketing.segments.assign': { 'zh-CN': '分群运行 #{runId}：{customers} 户按第 #{modelRunId} 次运行的模型归入最近的类（未重新聚类），用时 {seconds} 秒。', en: 'Segmentation run #{runId}: {customers} customers assigned to the nearest segment of run #{modelRunId}\'s model (no re-clustering) in {seconds} s.' },
  'marketing.segments.k': { 'zh-CN': 'k={k}：Calinski–Harabasz 指数 {ch}，轮廓系数 {silhouette}，Davies–Bouldin 指数 {db}{chosen}', en: 'k={k}: Calinski–Harabasz {ch}, silhouette {silhouette}, Davies–Bouldin {db}{chosen}' },
  'marketing.segments.chosen': { 'zh-CN': '（选用）', en: ' (chosen)' },
  'marketing.segments.segment': { 'zh-CN': '{code} {name}：{text} 账单收入 {revenue} 元。', en: '{code} {name}: {text} Billed revenue CNY {revenue}.' },
  'marketing.segments.behaviour': { 'zh-CN': '行为分群：', en: 'Behavioural segments:' },
  'phase.value': { 'zh-CN': '客户价值评估', en: 'Assessing value' },
  'phase.churn': { 'zh-CN': '流失风险评分', en: 'Scoring churn risk' },
  'marketing.value.head': { 'zh-CN': '价值评估 #{runId}：{customers} 户，{from} 至 {to}，风险依据：{risk}，用时 {seconds} 秒。', en: 'Value assessment #{runId}: {customers} customers, {from} to {to}, risk from {risk}, in {seconds} s.' },
  'marketing.value.risk.credit': { 'zh-CN': '信用评级', en: 'credit ratings' },
  'marketing.value.risk.payments': { 'zh-CN': '缴费记录', en: 'payment records' },
  'marketing.value.totals': { 'zh-CN': '合计：电费收入 {revenue} 元，购电成本 {energy} 元，服务成本 {service} 元，毛利 {margin} 元。', en: 'Total: revenue CNY {revenue}, energy purchase CNY {energy}, cost to serve CNY {service}, margin CNY {margin}.' },
  'marketing.value.tier': { 'zh-CN': '{label}：{customers} 户，毛利 {margin} 元', en: '{label}: {customers} customers, margin CNY {margin}' },
  'marketing.value.examples': { 'zh-CN': '示例说明：', en: 'Example explanations:' },
  'marketing.churn.head': { 'zh-CN': '流失风险 #{runId}：{customers} 户，高 {high}，中 {medium}，低 {low}；用时 {seconds} 秒。', en: 'Churn risk #{runId}: {customers} customers, high {high}, medium {medium}, low {low}; in {seconds} s.' },
  'marketing.churn.fitted': { 'zh-CN': '模型：按库中已流失客户拟合的逻辑回归（{source}）。', en: 'Model: logistic regression fitted on the customers who left ({source}).' },
  'marketing.churn.prior': { 'zh-CN': '模型：库中没有流失结果，使用先验系数（参照 telco 流失数据的效应映射到电力客户特征），仅用于排序，概率未校准。', en: 'Model: no churn outcomes in the store, so prior coefficients (telco churn effects mapped to utility features) rank customers; probabilities are not calibrated.' },
  'marketing.churn.top': { 'zh-CN': '风险最高的客户：', en: 'Highest risk:' },
};
