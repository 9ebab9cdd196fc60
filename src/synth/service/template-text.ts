/** Languages tickets are written in. */
export type Language = 'zh-CN' | 'en';

/** Who a template can be said by: household customers, businesses and institutions, or anyone. */
export type Audience = 'residential' | 'business';

/** One phrasing of a ticket; `{slot}` markers are filled per ticket (see ticket-slots.ts). */
export interface TicketTemplate {
  readonly topic: string;
  readonly text: string;
  readonly audience?: Audience;
}

export type TemplateRow = readonly [topic: string, text: string, audience?: Audience];

/** Builds templates from compact rows. */
export function rows(list: readonly TemplateRow[]): TicketTemplate[] {
  return list.map(([topic, text, audience]) => (audience === undefined ? { topic, text } : { topic, text, audience }));
}

/** Replaces every `{slot}` with the filler's value; one value per slot name within a text. */
export function fillTemplate(text: string, filler: (slot: string) => string): string {
  const cache = new Map<string, string>();
  return text.replace(/\{(\w+)\}/g, (_, slot: string) => {
    let value = cache.get(slot);
    if (value === undefined) {
      value = filler(slot);
      cache.set(slot, value);
    }
    return value;
  });
}
