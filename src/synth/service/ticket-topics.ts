import type { TicketCategory } from '../../core/schemas/service.js';

/** A finer topic of a 95598 work order, with its labels and typical time to resolve. */
export interface TicketTopic {
  readonly topic: string;
  readonly category: TicketCategory;
  readonly zh: string;
  readonly en: string;
  /** Median hours from creation to resolution. */
  readonly medianHours: number;
}

export const ticketTopics: readonly TicketTopic[] = [
  { topic: 'tiered_tariff', category: 'consultation', zh: '阶梯电价咨询', en: 'Tiered tariff question', medianHours: 0.1 },
  { topic: 'tou_tariff', category: 'consultation', zh: '峰谷电价咨询', en: 'Time-of-use tariff question', medianHours: 0.1 },
  { topic: 'bill_query', category: 'consultation', zh: '电费查询', en: 'Bill enquiry', medianHours: 0.2 },
  { topic: 'payment_method', category: 'consultation', zh: '缴费方式咨询', en: 'Payment method question', medianHours: 0.1 },
  { topic: 'planned_outage', category: 'consultation', zh: '停电计划查询', en: 'Planned outage enquiry', medianHours: 0.3 },
  { topic: 'pv_policy', category: 'consultation', zh: '光伏政策咨询', en: 'Solar PV policy question', medianHours: 0.5 },
  { topic: 'ev_tariff', category: 'consultation', zh: '充电桩电价咨询', en: 'EV charging tariff question', medianHours: 0.2 },
  { topic: 'general_info', category: 'consultation', zh: '一般业务咨询', en: 'General enquiry', medianHours: 0.2 },
  { topic: 'outage', category: 'fault_repair', zh: '停电报修', en: 'Power outage', medianHours: 1.6 },
  { topic: 'single_outage', category: 'fault_repair', zh: '单户停电/跳闸', en: 'Single-premises outage or trip', medianHours: 2.5 },
  { topic: 'voltage_quality', category: 'fault_repair', zh: '电压异常', en: 'Voltage problem', medianHours: 6 },
  { topic: 'meter_fault', category: 'fault_repair', zh: '计量装置故障', en: 'Meter fault', medianHours: 8 },
  { topic: 'line_hazard', category: 'fault_repair', zh: '线路/设备隐患', en: 'Line or equipment hazard', medianHours: 2 },
  { topic: 'bill_dispute', category: 'complaint', zh: '电费争议', en: 'Bill dispute', medianHours: 48 },
  { topic: 'frequent_outage', category: 'complaint', zh: '频繁停电', en: 'Frequent outages', medianHours: 72 },
  { topic: 'repair_delay', category: 'complaint', zh: '抢修不及时', en: 'Slow repair', medianHours: 24 },
  { topic: 'service_attitude', category: 'complaint', zh: '服务态度', en: 'Staff attitude', medianHours: 48 },
  { topic: 'meter_accuracy', category: 'complaint', zh: '电表计量异议', en: 'Meter accuracy dispute', medianHours: 96 },
  { topic: 'billing_error', category: 'complaint', zh: '收费差错', en: 'Billing or collection error', medianHours: 48 },
  { topic: 'power_theft', category: 'report', zh: '窃电举报', en: 'Electricity theft', medianHours: 120 },
  { topic: 'illegal_construction', category: 'report', zh: '违章施工/搭建', en: 'Illegal construction near lines', medianHours: 72 },
  { topic: 'safety_hazard', category: 'report', zh: '安全隐患举报', en: 'Safety hazard', medianHours: 48 },
  { topic: 'staff_misconduct', category: 'report', zh: '违规行为举报', en: 'Misconduct or fraud', medianHours: 168 },
  { topic: 'service_opinion', category: 'opinion', zh: '服务意见', en: 'Opinion on service', medianHours: 72 },
  { topic: 'notice_opinion', category: 'opinion', zh: '通知方式意见', en: 'Opinion on notices', medianHours: 72 },
  { topic: 'tariff_opinion', category: 'opinion', zh: '电价政策意见', en: 'Opinion on tariffs', medianHours: 96 },
  { topic: 'app_suggestion', category: 'suggestion', zh: 'APP功能建议', en: 'App suggestion', medianHours: 96 },
  { topic: 'service_suggestion', category: 'suggestion', zh: '服务改进建议', en: 'Service suggestion', medianHours: 96 },
  { topic: 'facility_suggestion', category: 'suggestion', zh: '设施建设建议', en: 'Facility suggestion', medianHours: 120 },
  { topic: 'repair_praise', category: 'praise', zh: '抢修表扬', en: 'Praise for repair crew', medianHours: 24 },
  { topic: 'staff_praise', category: 'praise', zh: '员工表扬', en: 'Praise for staff', medianHours: 24 },
  { topic: 'new_connection', category: 'service_request', zh: '新装', en: 'New connection', medianHours: 240 },
  { topic: 'capacity_change', category: 'service_request', zh: '增容/减容', en: 'Capacity change', medianHours: 360 },
  { topic: 'name_transfer', category: 'service_request', zh: '更名过户', en: 'Name transfer', medianHours: 48 },
  { topic: 'tariff_change', category: 'service_request', zh: '电价变更(峰谷电)', en: 'Tariff change (time-of-use)', medianHours: 72 },
  { topic: 'meter_check', category: 'service_request', zh: '电表校验', en: 'Meter accuracy test', medianHours: 96 },
  { topic: 'payment_issue', category: 'service_request', zh: '缴费业务', en: 'Payment arrangement', medianHours: 48 },
  { topic: 'ev_charger_install', category: 'service_request', zh: '充电桩报装', en: 'EV charger installation', medianHours: 200 },
  { topic: 'pv_grid_connection', category: 'service_request', zh: '光伏并网', en: 'Solar PV grid connection', medianHours: 500 },
];

const byTopic = new Map(ticketTopics.map((t) => [t.topic, t]));

/** The topic record; throws on an unknown topic (a programming error in the templates). */
export function topicInfo(topic: string): TicketTopic {
  const info = byTopic.get(topic);
  if (info === undefined) throw new RangeError(`unknown ticket topic ${topic}`);
  return info;
}
