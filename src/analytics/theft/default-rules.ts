import type { RuleSetInput } from './rule-schema.js';

/**
 * The built-in rule set. Thresholds are set so that each rule alone fires for few honest customers
 * (about 1% or fewer on the demo utility); weights reflect how often a hit proved to be theft.
 * Change a threshold → bump the version: every hit records the version that produced it.
 */
export const defaultRuleSet: RuleSetInput = {
  name: 'gridlens-theft',
  version: '1.0.0',
  rules: [
    {
      id: 'sustained_drop',
      label: { 'zh-CN': '用电量持续骤降', en: 'sustained drop in usage' },
      evidence: {
        'zh-CN': '相对自身历史和同类用户，用电量持续下降{drop_ratio:pct}（突变强度 {drop_z}）',
        en: 'usage fell {drop_ratio:pct} against own history and peers, and stayed down (shift z = {drop_z})',
      },
      when: [{ feature: 'drop_ratio', op: '>=', value: 0.4 }, { feature: 'drop_z', op: '>=', value: 10 }],
      severity: 'high', weight: 0.6,
    },
    {
      id: 'zero_use_active',
      label: { 'zh-CN': '在运户长期零电量', en: 'zero use on an active account' },
      evidence: { 'zh-CN': '在运户连续{zero_run_days:int}天零电量', en: '{zero_run_days:int} days in a row with zero use on an active account' },
      when: [{ feature: 'zero_run_days', op: '>=', value: 14 }],
      severity: 'medium', weight: 0.4,
    },
    {
      id: 'reverse_energy_no_pv',
      label: { 'zh-CN': '无光伏户反向电量', en: 'reverse energy without PV' },
      evidence: {
        'zh-CN': '无光伏电表出现反向电量（占正向{reverse_share:pct}），负值读数{negative_readings:int}个',
        en: 'a meter without PV registered reverse energy ({reverse_share:pct} of import) and {negative_readings:int} negative readings',
      },
      when: [{ feature: 'reverse_share', op: '>', value: 0.005 }],
      severity: 'high', weight: 0.5,
    },
    {
      id: 'negative_readings',
      label: { 'zh-CN': '负值读数频繁', en: 'repeated negative readings' },
      evidence: { 'zh-CN': '无光伏电表出现{negative_readings:int}个负值读数', en: '{negative_readings:int} negative readings on a meter without PV' },
      when: [{ feature: 'negative_readings', op: '>=', value: 10 }],
      severity: 'low', weight: 0.15,
    },
    {
      id: 'tamper_event',
      label: { 'zh-CN': '开盖/磁场干扰事件', en: 'tamper or cover-open event' },
      evidence: { 'zh-CN': '电表记录开表盖、开端钮盒或磁场干扰事件{tamper_events:int}次', en: 'the meter logged {tamper_events:int} cover-open, terminal-cover or magnetic events' },
      when: [{ feature: 'tamper_events', op: '>=', value: 1 }],
      severity: 'medium', weight: 0.35,
    },
    {
      id: 'tamper_then_drop',
      label: { 'zh-CN': '开盖后电量下降', en: 'usage fell after a tamper event' },
      evidence: { 'zh-CN': '首次开盖/干扰事件后四周用电量下降{tamper_drop:pct}', en: 'usage fell {tamper_drop:pct} in the four weeks after the first tamper event' },
      when: [{ feature: 'tamper_events', op: '>=', value: 1 }, { feature: 'tamper_drop', op: '>=', value: 0.25 }],
      severity: 'high', weight: 0.7,
    },
    {
      id: 'daily_zero_window',
      label: { 'zh-CN': '每日固定时段零读数', en: 'zero readings in a daily window' },
      evidence: { 'zh-CN': '每日出现零读数时段，零读数占比上升{zero_share_rise:pct}', en: 'zero readings appeared every day; their share rose by {zero_share_rise:pct}' },
      when: [{ feature: 'zero_share_rise', op: '>=', value: 0.2 }],
      severity: 'medium', weight: 0.4,
    },
    {
      id: 'day_night_shift',
      label: { 'zh-CN': '昼夜用电比例突变', en: 'day/night ratio changed' },
      evidence: { 'zh-CN': '夜间用电占比突变{night_share_shift:pct}', en: 'the night share of usage changed by {night_share_shift:pct}' },
      when: [{ feature: 'night_share_shift', op: '>=', value: 0.3 }],
      severity: 'low', weight: 0.25,
    },
    {
      id: 'flat_profile',
      label: { 'zh-CN': '负荷曲线异常平直', en: 'load curve gone flat' },
      evidence: { 'zh-CN': '日内负荷曲线变平（波动下降{profile_flatness:pct}），疑似读数被日均值替换', en: 'the daily curve went flat (variation down {profile_flatness:pct}), as if readings were replaced by the mean' },
      when: [{ feature: 'profile_flatness', op: '>=', value: 0.8 }],
      severity: 'medium', weight: 0.4,
    },
    {
      id: 'profile_reversed',
      label: { 'zh-CN': '日负荷曲线反转', en: 'daily profile turned around' },
      evidence: { 'zh-CN': '日负荷曲线与历史形态反向（反转指数{profile_reversal}）', en: 'the daily profile matches its past shape reversed (reversal index {profile_reversal})' },
      when: [{ feature: 'profile_reversal', op: '>=', value: 0.8 }],
      severity: 'medium', weight: 0.4,
    },
    {
      id: 'erratic_readings',
      label: { 'zh-CN': '读数波动异常', en: 'erratic readings' },
      evidence: { 'zh-CN': '逐点读数波动度上升{roughness_rise:pct}', en: 'interval-to-interval roughness rose {roughness_rise:pct}' },
      when: [{ feature: 'roughness_rise', op: '>=', value: 0.6 }, { feature: 'roughness_z', op: '>=', value: 15 }],
      severity: 'medium', weight: 0.35,
    },
    {
      id: 'area_loss_link',
      label: { 'zh-CN': '台区线损升高且与本户负相关', en: 'area loss rose against this customer' },
      evidence: {
        'zh-CN': '所在台区线损率上升{area_loss_rise:pct}，本户用电占比与线损率负相关（{loss_corr}）',
        en: 'the area loss rate rose {area_loss_rise:pct} and this customer\'s share of usage moves against it (−ρ = {loss_corr})',
      },
      when: [{ feature: 'area_loss_rise', op: '>=', value: 0.01 }, { feature: 'loss_corr', op: '>=', value: 0.3 }],
      severity: 'high', weight: 0.5,
    },
  ],
};
