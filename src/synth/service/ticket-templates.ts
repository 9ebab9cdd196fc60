import type { TicketCategory } from '../../core/schemas/service.js';
import type { Rng } from '../rng.js';
import { enTemplates } from './en-templates.js';
import type { Audience, Language, TicketTemplate } from './template-text.js';
import { zhFeedbackTemplates } from './zh-feedback-templates.js';
import { zhProblemTemplates } from './zh-problem-templates.js';
import { zhRequestTemplates } from './zh-request-templates.js';

/** Every ticket phrasing by language and category. */
export const ticketTemplates: Readonly<Record<Language, Readonly<Record<TicketCategory, readonly TicketTemplate[]>>>> = {
  'zh-CN': { ...zhProblemTemplates, ...zhRequestTemplates, ...zhFeedbackTemplates },
  en: enTemplates,
};

/**
 * A template of the category said by this audience, on the topic when one exists in the language
 * (English has fewer phrasings: it falls back to any topic of the category).
 */
export function pickTemplate(rng: Rng, language: Language, category: TicketCategory, audience: Audience, topic?: string): TicketTemplate {
  const all = ticketTemplates[language][category].filter((t) => t.audience === undefined || t.audience === audience);
  const onTopic = topic === undefined ? [] : all.filter((t) => t.topic === topic);
  return rng.pick(onTopic.length > 0 ? onTopic : all);
}
