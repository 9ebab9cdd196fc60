import type { CustomerType } from '../../core/schemas/customer.js';
import type { Ticket } from '../../core/schemas/service.js';
import { MS_PER_HOUR } from '../../core/time/index.js';
import { findDistrict } from '../people/hangzhou-districts.js';
import type { Rng } from '../rng.js';
import { fillTemplate, type Language } from './template-text.js';
import { drawResolutionHours, drawSatisfaction, drawTicketChannel } from './ticket-resolution.js';
import { drawTicketSeeds, type TicketSeed } from './ticket-seeds.js';
import { slotFiller } from './ticket-slots.js';
import { pickTemplate } from './ticket-templates.js';

export interface TicketGenerationInput {
  readonly customerId: string;
  readonly customerType: CustomerType;
  /** Archetype family of a business (restaurant, school, manufacturing...): shapes the wording. */
  readonly archetypeFamily?: string;
  /** Hangzhou district code or name. */
  readonly district: string;
  readonly openMs: number;
  readonly endMs: number;
  /** Start (local midnight, as UTC ms) of each day with an outage in the customer's area. */
  readonly outageDaysMs?: readonly number[];
  /** Billing months (YYYY-MM) whose bill was a shock; reactions follow the issue early next month. */
  readonly billShockMonths?: readonly string[];
  /** 0..1, default 0.2: raises complaints and opinions, lowers praise and scores. */
  readonly complaintProneness?: number;
  /** Probability that a ticket is written in English (default 0.05; 0 or 1 for a fixed language). */
  readonly englishShare?: number;
}

/** 95598 work orders of one customer over [openMs, endMs), sorted by creation time. */
export function generateTickets(input: TicketGenerationInput, rng: Rng): Ticket[] {
  const districtCode = findDistrict(input.district)?.code;
  if (districtCode === undefined) throw new RangeError(`unknown Hangzhou district: ${input.district}`);
  const proneness = input.complaintProneness ?? 0.2;
  const seeds = drawTicketSeeds({
    customerType: input.customerType, openMs: input.openMs, endMs: input.endMs,
    outageDaysMs: input.outageDaysMs ?? [], billShockMonths: input.billShockMonths ?? [], complaintProneness: proneness,
  }, rng).sort((a, b) => a.createdMs - b.createdMs);
  return seeds.map((seed, i) => realizeTicket(seed, i, { ...input, districtCode, proneness }, rng));
}

interface RealizeContext extends TicketGenerationInput {
  readonly districtCode: string;
  readonly proneness: number;
}

function realizeTicket(seed: TicketSeed, index: number, ctx: RealizeContext, rng: Rng): Ticket {
  const language: Language = rng.chance(ctx.englishShare ?? 0.05) ? 'en' : 'zh-CN';
  const audience = ctx.customerType === 'residential' ? 'residential' : 'business';
  const template = pickTemplate(rng, language, seed.category, audience, seed.topic);
  const filler = slotFiller({
    customerId: ctx.customerId, customerType: ctx.customerType, archetypeFamily: ctx.archetypeFamily,
    districtCode: ctx.districtCode, createdMs: seed.createdMs, lagHours: seed.lagHours, billShock: seed.billShock,
  }, rng, language);
  const text = decorate(fillTemplate(template.text, filler), language, rng);
  const hours = drawResolutionHours(rng, seed.category, template.topic);
  const resolvedMs = seed.createdMs + hours * MS_PER_HOUR;
  const resolved = resolvedMs <= ctx.endMs;
  const satisfaction = resolved ? drawSatisfaction(rng, seed.category, template.topic, hours, ctx.proneness) : null;
  return {
    ticketId: `${ctx.customerId}-T${String(index + 1).padStart(4, '0')}`,
    customerId: ctx.customerId,
    createdAt: new Date(seed.createdMs),
    channel: drawTicketChannel(rng, seed.category),
    category: seed.category,
    topic: template.topic,
    language,
    text,
    status: resolved ? (satisfaction !== null || rng.chance(0.5) ? 'closed' : 'resolved') : ctx.endMs - seed.createdMs > MS_PER_HOUR ? 'in_progress' : 'open',
    resolvedAt: resolved ? new Date(resolvedMs) : null,
    satisfaction,
  };
}

const ZH_OPENERS = ['', '', '', '您好，', '你好，', '喂，你好，', '麻烦一下，'];
const ZH_CLOSERS = ['', '', '', '谢谢。', '麻烦了。', '谢谢！', '我的电话是{phone}。'];
const EN_OPENERS = ['', '', 'Hello, ', 'Hi, ', 'Hello there, '];
const EN_CLOSERS = ['', '', ' Thanks.', ' Thank you.', ' My phone number is {phone}.'];

/** Greetings and sign-offs that every category shares: they vary the text, not its meaning. */
function decorate(text: string, language: Language, rng: Rng): string {
  const zh = language === 'zh-CN';
  const opener = rng.pick(zh ? ZH_OPENERS : EN_OPENERS);
  const closer = rng.pick(zh ? ZH_CLOSERS : EN_CLOSERS).replace('{phone}', () => maskedPhone(rng));
  const body = !zh && opener !== '' && !/^I\b/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
  return `${opener}${body}${closer}`;
}

/** Callers leave a number; the record keeps it masked, as 95598 transcripts do. */
function maskedPhone(rng: Rng): string {
  return `1${rng.pick(['38', '39', '58', '59', '86', '89', '77'])}****${String(rng.int(0, 9999)).padStart(4, '0')}`;
}
