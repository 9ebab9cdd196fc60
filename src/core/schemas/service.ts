import { z } from 'zod';

/** 95598 work-order categories (DOMAIN.md section 8). */
export const ticketCategories = [
  'consultation', 'fault_repair', 'complaint', 'report', 'opinion', 'suggestion', 'praise', 'service_request',
] as const;
export const TicketCategory = z.enum(ticketCategories);
export type TicketCategory = z.infer<typeof TicketCategory>;

export const TicketChannel = z.enum(['hotline_95598', 'app', 'wechat', 'service_hall', 'web']);
export const TicketStatus = z.enum(['open', 'in_progress', 'resolved', 'closed']);

export const Ticket = z.object({
  ticketId: z.string().min(1),
  customerId: z.string().min(1),
  createdAt: z.date(),
  channel: TicketChannel,
  category: TicketCategory,
  /** Finer topic, for example `outage`, `bill_query`, `meter_check`, `new_connection`. */
  topic: z.string().min(1),
  language: z.enum(['zh-CN', 'en']),
  text: z.string().min(1),
  status: TicketStatus,
  resolvedAt: z.date().nullable(),
  /** Customer satisfaction after closure, 1 (very unsatisfied) to 5; null if not surveyed. */
  satisfaction: z.number().int().min(1).max(5).nullable(),
});
export type Ticket = z.infer<typeof Ticket>;

export const eventTypes = ['login', 'bill_view', 'payment', 'outage_report', 'usage_view', 'offer_view', 'offer_click'] as const;
export const EventType = z.enum(eventTypes);

/** An app / WeChat / web event (网上国网 style). */
export const AppEvent = z.object({
  eventId: z.string().min(1),
  customerId: z.string().min(1),
  ts: z.date(),
  eventType: EventType,
  channel: z.enum(['app', 'wechat', 'web']),
  properties: z.record(z.string(), z.unknown()),
});
export type AppEvent = z.infer<typeof AppEvent>;
