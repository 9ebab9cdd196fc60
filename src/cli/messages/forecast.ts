import type { Catalog } from '../../core/i18n/index.js';

/** `gridlens run forecast` and `gridlens forecast runs|show`. */
export const forecastMessages: Catalog = {
  'phase.forecast.load': { 'zh-CN': '读取负荷与气象', en: 'Reading load and weather' },
  'phase.forecast.backtest': { 'zh-CN': '回测', en: 'Backtesting' },
  'forecast.scope.customer': { 'zh-CN': '客户', en: 'customers' },
  'forecast.scope.area': { 'zh-CN': '台区', en: 'transformer areas' },
  'forecast.scope.region': { 'zh-CN': '区县', en: 'districts' },
  'forecast.scope.system': { 'zh-CN': '全网', en: 'system' },
  'forecast.horizon.day': { 'zh-CN': '日前（次日逐时）', en: 'day-ahead (next day, hourly)' },
  'forecast.horizon.week': { 'zh-CN': '未来 7 天（逐时）', en: 'next 7 days (hourly)' },
  'forecast.weather.stored': { 'zh-CN': '库中的气象预报', en: 'stored weather forecast' },
  'forecast.weather.persistence': { 'zh-CN': '近 7 天同时段平均气温（库中无气象预报）', en: 'mean temperature of the same hour over the last 7 days (no stored weather forecast)' },
  'forecast.weather.none': { 'zh-CN': '无气象数据', en: 'no weather data' },
  'forecast.run': {
    'zh-CN': '负荷预测 #{runId}：{scope} {series} 个，{horizon}，模型 {model}，自 {origin}（{zone}）起；写入 {rows} 行，用时 {seconds} 秒。',
    en: 'Load forecast #{runId}: {series} {scope}, {horizon}, model {model}, from {origin} ({zone}); {rows} rows stored in {seconds} s.',
  },
  'forecast.skipped': { 'zh-CN': '跳过 {n} 个序列（历史数据不足）。', en: '{n} series skipped (too little history).' },
  'forecast.weather': { 'zh-CN': '预测时段气温：{source}', en: 'Temperature of the forecast hours: {source}' },
  'forecast.backtest': {
    'zh-CN': '回测（{from} 起 {origins} 个预测起点，与预测同样的信息）：',
    en: 'Backtest ({origins} forecast origins from {from}, with the information a forecast has):',
  },
  'forecast.scores': {
    'zh-CN': '  {model}：MAE {mae} kW，RMSE {rmse} kW，WAPE {wape}%，MAPE {mape}，P10–P90 覆盖率 {coverage}%（名义 80%）',
    en: '  {model}: MAE {mae} kW, RMSE {rmse} kW, WAPE {wape}%, MAPE {mape}, p10–p90 coverage {coverage}% (nominal 80%)',
  },
  'forecast.skill': { 'zh-CN': '  相对季节性朴素预测（上周同时刻）误差降低 {skill}%。', en: '  Error removed relative to seasonal naive (same hour last week): {skill}%.' },
  'forecast.noBacktest': { 'zh-CN': '未回测：历史数据太短。', en: 'No backtest: history too short.' },
  'forecast.runsHeader': { 'zh-CN': '已存储的预测批次：', en: 'Stored forecast runs:' },
  'forecast.runLine': {
    'zh-CN': '  #{runId} {issuedAt} {scope}/{horizon} {model}：{series} 个序列，自 {origin}；回测 MAE {mae}（朴素 {naive}）',
    en: '  #{runId} {issuedAt} {scope}/{horizon} {model}: {series} series from {origin}; backtest MAE {mae} (naive {naive})',
  },
  'forecast.noRuns': { 'zh-CN': '还没有预测：运行 gridlens run forecast。', en: 'No forecasts yet: run gridlens run forecast.' },
  'forecast.showHeader': {
    'zh-CN': '{scope} {id} 的负荷预测（批次 #{runId}，{model}，发布于 {issuedAt}），单位 kW，时间为 {zone}：',
    en: 'Load forecast of {scope} {id} (run #{runId}, {model}, issued {issuedAt}), kW, times in {zone}:',
  },
  'forecast.showColumns': { 'zh-CN': '  时间              P10      P50      P90      实际', en: '  time              p10      p50      p90      actual' },
  'forecast.showAccuracy': {
    'zh-CN': '已有实际值 {points} 个：MAE {mae} kW，落在 P10–P90 之间 {coverage}%。',
    en: '{points} hours with actuals: MAE {mae} kW, {coverage}% inside p10–p90.',
  },
};
