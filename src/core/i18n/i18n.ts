export type Lang = 'zh-CN' | 'en';

export type Catalog = Readonly<Record<string, { readonly 'zh-CN': string; readonly en: string }>>;

/** Formats a message from a catalog, substituting `{name}` placeholders. Unknown keys show the key. */
export function translate(catalog: Catalog, lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  const entry = catalog[key];
  const template = entry ? entry[lang] : key;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

/** Number formatting for each language (zh-CN groups with commas too, but uses 万 for large counts in prose). */
export function formatCount(value: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'zh-CN' ? 'zh-CN' : 'en-US').format(value);
}
