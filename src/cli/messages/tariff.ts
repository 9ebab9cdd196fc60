import type { Catalog } from '../../core/i18n/index.js';

/** CLI strings of tariffs, bills, offers and pricing simulation. */
export const tariffMessages: Catalog = {
  'tariff.valid': { 'zh-CN': '✓ {source}：{tariffId}（{name}，{customerClass}，{currency}）', en: '✓ {source}: {tariffId} ({name}, {customerClass}, {currency})' },
  'tariff.invalid': { 'zh-CN': '✗ {source}：{message}', en: '✗ {source}: {message}' },
  'tariff.ignored': { 'zh-CN': '    未计费的 URDB 字段：{fields}', en: '    URDB fields not billed: {fields}' },
  'tariff.summary': { 'zh-CN': '共 {total} 条电价记录：有效 {valid}，拒绝 {rejected}。', en: '{total} tariff records: {valid} valid, {rejected} rejected.' },
  'tariff.stored': { 'zh-CN': '已写入 {stored} 个电价方案（同编号的旧方案被替换）。', en: 'Stored {stored} tariffs (replacing any with the same id).' },
  'bill.header': { 'zh-CN': '电价方案 {tariffId}（{currency}），{from} 至 {to}{customer}', en: 'Tariff {tariffId} ({currency}), {from} to {to}{customer}' },
  'bill.customer': { 'zh-CN': '，客户 {customerId}', en: ', customer {customerId}' },
  'bill.period': { 'zh-CN': '{start} 至 {end}：{kwh} kWh，电费 {total}（电度 {energy}，数据覆盖 {coverage}%）', en: '{start} to {end}: {kwh} kWh, total {total} (energy {energy}, coverage {coverage}%)' },
  'bill.totals': { 'zh-CN': '合计：{kwh} kWh；电度电费 {energy}，需量/基本电费 {demand}，固定费用 {fixed}，基金 {funds}，总计 {total}', en: 'Totals: {kwh} kWh; energy {energy}, demand/basic {demand}, fixed {fixed}, funds {funds}, total {total}' },
  'bill.note': { 'zh-CN': '说明：{note}', en: 'Note: {note}' },
  'offers.summary': { 'zh-CN': '评估 {customers} 户客户（{from} 至 {to}）：{eligible} 户通过数据覆盖门槛，生成 {offers} 条建议（换电价 {rate}，移峰填谷 {shift}，节能 {efficiency}），用时 {seconds} 秒。', en: 'Assessed {customers} customers ({from} to {to}): {eligible} passed the coverage gate; {offers} offers written (rate {rate}, load shift {shift}, efficiency {efficiency}) in {seconds} s.' },
  'offers.gated': { 'zh-CN': '未推荐 {n} 户：{reasons}', en: 'No recommendation for {n} customers: {reasons}' },
  'offers.top': { 'zh-CN': '节省最多的建议：', en: 'Largest savings:' },
  'pricing.header': { 'zh-CN': '候选电价 {tariffId} 应用于 {customers} 户客户（{from} 至 {to}，{scope}）', en: 'Candidate tariff {tariffId} applied to {customers} customers ({from} to {to}, {scope})' },
  'pricing.revenue': { 'zh-CN': '收入：现行 {current}，候选（无响应）{candidate}，候选（含价格响应）{responsive}，变化 {change}（{pct}%）', en: 'Revenue: current {current}, candidate (static) {candidate}, candidate (with response) {responsive}, change {change} ({pct}%)' },
  'pricing.bills': { 'zh-CN': '账单变化：受益 {winners} 户，受损 {losers} 户；分位数 P10 {p10} / P50 {p50} / P90 {p90} 元/年', en: 'Bill changes: {winners} better off, {losers} worse off; P10 {p10} / P50 {p50} / P90 {p90} per year' },
  'pricing.peak': { 'zh-CN': '系统最高负荷：{before} kW → {after} kW（{pct}%）', en: 'System peak: {before} kW → {after} kW ({pct}%)' },
  'pricing.segment': { 'zh-CN': '  {segment}：{customers} 户，收入变化 {change}，中位账单变化 {median}，受损 {losers} 户', en: '  {segment}: {customers} customers, revenue change {change}, median bill change {median}, {losers} worse off' },
  'pricing.neutral': { 'zh-CN': '收入中性价格（峰谷比 {ratio}:1，误差 {error}）：{prices}', en: 'Revenue-neutral prices (peak/valley {ratio}:1, error {error}): {prices}' },
  'offers.savings.periods': { 'zh-CN': '{customer}：基准期 {bFrom} 至 {bTo}（{bDays} 天），报告期 {rFrom} 至 {rTo}（{rDays} 天）', en: '{customer}: baseline {bFrom} to {bTo} ({bDays} days), reporting {rFrom} to {rTo} ({rDays} days)' },
  'offers.savings.model': { 'zh-CN': '基准模型 {type}：{intercept} kWh/天 + {bh} × HDD({bpH}°C) + {bc} × CDD({bpC}°C)；调整 R² {r2}，CV(RMSE) {cv}%', en: 'Baseline model {type}: {intercept} kWh/day + {bh} × HDD({bpH} °C) + {bc} × CDD({bpC} °C); adjusted R² {r2}, CV(RMSE) {cv}%' },
  'offers.savings.result': { 'zh-CN': '反事实用电 {cf} kWh，实际 {actual} kWh，节约 {avoided} ± {u} kWh（{pct}%，置信度 {conf}%，FSU {fsu}%）', en: 'Counterfactual {cf} kWh, actual {actual} kWh, avoided {avoided} ± {u} kWh ({pct}%, {conf}% confidence, FSU {fsu}%)' },
};
