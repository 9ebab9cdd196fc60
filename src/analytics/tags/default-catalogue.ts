import { tagCatalogueSchema, type TagCatalogue } from './tag-schema.js';

/**
 * The default tag catalogue (客户标签体系). Thresholds for EV, PV and night-time use were calibrated
 * on the demo utility against its ground truth (see docs/customer-features.md); the others are
 * business rules without ground truth. Bump a tag's version whenever its rule changes.
 */
export const defaultTagCatalogue: TagCatalogue = tagCatalogueSchema.parse({
  version: 1,
  tags: [
    {
      id: 'ev_owner', version: 1, category: 'equipment',
      label: { 'zh-CN': '疑似电动汽车用户', en: 'Likely EV owner' },
      description: {
        'zh-CN': '居民客户，至少 30% 的日子在 18:00–06:00 出现 ≥1.5 小时、平均功率 ≥4 kW 的充电块。',
        en: 'Residential customer with an evening/night block of at least 1.5 h at 4 kW or more (18:00–06:00) on at least 30% of days.',
      },
      all: [{ feature: 'customer_type', op: '==', value: 'residential' }, { feature: 'ev_day_share', op: '>=', value: 0.3 }, { feature: 'days', op: '>=', value: 14 }],
    },
    {
      id: 'pv_prosumer', version: 1, category: 'equipment',
      label: { 'zh-CN': '光伏自发自用客户', en: 'PV prosumer' },
      description: { 'zh-CN': '至少 20% 的日子有反向（上网）电量。', en: 'Exports energy (reverse flow) on at least 20% of days.' },
      all: [{ feature: 'export_day_share', op: '>=', value: 0.2 }, { feature: 'days', op: '>=', value: 14 }],
    },
    {
      id: 'night_user', version: 1, category: 'load',
      label: { 'zh-CN': '夜间用电型（夜班）', en: 'Night-time user (night shift)' },
      description: {
        'zh-CN': '居民客户，典型日 00:00–04:00 与 17:00–21:00 用电比达到同期居民中位数的 2.5 倍以上，且不是电动汽车充电造成的。',
        en: 'Residential customer whose typical-day ratio of 00:00–04:00 to 17:00–21:00 use is at least 2.5× the median of residential customers over the same window, not explained by EV charging.',
      },
      all: [
        { feature: 'customer_type', op: '==', value: 'residential' },
        { feature: 'late_night_ratio', op: '>=', quantile: 0.5, factor: 2.5, by: 'customer_type' },
        { feature: 'ev_day_share', op: '<', value: 0.2 }, { feature: 'days', op: '>=', value: 14 },
      ],
    },
    {
      id: 'high_temperature_sensitivity', version: 1, category: 'load',
      label: { 'zh-CN': '高温度敏感', en: 'High temperature sensitivity' },
      description: {
        'zh-CN': '冷暖负荷（CalTRACK 度日模型）解释平均日用电量的 30% 以上，且调整 R² ≥ 0.3。',
        en: 'Heating and cooling (CalTRACK degree-day model) explain over 30% of the mean day, with adjusted R² of at least 0.3.',
      },
      all: [{ feature: 'temp_sensitive_share', op: '>=', value: 0.3 }, { feature: 'temp_r2', op: '>=', value: 0.3 }],
    },
    {
      id: 'digital_channel_user', version: 1, category: 'behaviour',
      label: { 'zh-CN': '线上渠道用户', en: 'Digital-channel user' },
      description: {
        'zh-CN': '近 90 天在 App/微信/网站活跃 ≥6 天，或 75% 以上的缴费通过线上渠道。',
        en: 'Active on the app, WeChat or web on at least 6 of the last 90 days, or pays at least 75% of bills online.',
      },
      any: [{ feature: 'active_days_90d', op: '>=', value: 6 }, { feature: 'digital_payment_share', op: '>=', value: 0.75 }],
    },
    {
      id: 'complaint_prone', version: 1, category: 'service',
      label: { 'zh-CN': '投诉敏感客户', en: 'Complaint-prone' },
      description: { 'zh-CN': '窗口期内投诉 ≥2 次，或投诉 ≥1 次且服务工单 ≥3 张。', en: 'At least 2 complaints, or a complaint and at least 3 service tickets, in the window.' },
      any: [{ feature: 'complaints', op: '>=', value: 2 }, { feature: 'tickets', op: '>=', value: 3 }],
      all: [{ feature: 'complaints', op: '>=', value: 1 }],
    },
    {
      id: 'price_sensitive', version: 1, category: 'behaviour',
      label: { 'zh-CN': '价格敏感客户', en: 'Price-sensitive' },
      description: {
        'zh-CN': '谷段（22:00–08:00）用电占比 ≥45%，或窗口期内点击优惠 ≥2 次。',
        en: 'Uses at least 45% of its energy in the valley period (22:00–08:00), or clicked offers at least twice in the window.',
      },
      any: [{ feature: 'valley_share', op: '>=', value: 0.45 }, { feature: 'offer_clicks', op: '>=', value: 2 }],
    },
    {
      id: 'high_value', version: 1, category: 'value',
      label: { 'zh-CN': '高价值客户', en: 'High-value customer' },
      description: { 'zh-CN': '平均电费位于同类客户（按客户类型）前 10%。', en: 'Average bill in the top 10% of customers of the same type.' },
      all: [{ feature: 'avg_bill_cny', op: '>=', quantile: 0.9, by: 'customer_type' }],
    },
    {
      id: 'arrears_prone', version: 1, category: 'billing',
      label: { 'zh-CN': '欠费风险客户', en: 'Arrears-prone' },
      description: {
        'zh-CN': '有逾期未缴电费，或三分之一以上账单逾期缴纳，或有退票/扣款失败。',
        en: 'Has unpaid overdue bills, pays at least a third of bills late, or had a returned payment.',
      },
      any: [{ feature: 'arrears_cny', op: '>', value: 0 }, { feature: 'late_payment_share', op: '>=', value: 0.34 }, { feature: 'returned_payments', op: '>=', value: 1 }],
    },
    {
      id: 'peaky_load', version: 1, category: 'load',
      label: { 'zh-CN': '尖峰负荷型（需求响应潜力）', en: 'Peaky load (demand-response candidate)' },
      description: { 'zh-CN': '负荷率处于同类客户最低的 10%：短时高峰明显。', en: 'Load factor in the lowest 10% of customers of the same type: short, high peaks.' },
      all: [{ feature: 'load_factor', op: '<=', quantile: 0.1, by: 'customer_type' }, { feature: 'days', op: '>=', value: 28 }],
    },
    {
      id: 'growing_usage', version: 1, category: 'load',
      label: { 'zh-CN': '用电增长型', en: 'Growing usage' },
      description: { 'zh-CN': '月均日用电量趋势每月增长 ≥3%（需至少 12 个完整月，以免把季节当趋势）。', en: 'Monthly mean daily usage rising by 3% or more per month (needs 12 full months, so that seasons are not read as trend).' },
      all: [{ feature: 'trend_pct_per_month', op: '>=', value: 3 }],
    },
    {
      id: 'poor_data_coverage', version: 1, category: 'data',
      label: { 'zh-CN': '数据覆盖不足', en: 'Poor data coverage' },
      description: { 'zh-CN': '窗口期内 10% 以上的计量间隔缺失：其他标签需谨慎使用。', en: 'Over 10% of the intervals in the window are missing: use its other tags with care.' },
      all: [{ feature: 'missing_share', op: '>', value: 0.1 }],
    },
  ],
});
