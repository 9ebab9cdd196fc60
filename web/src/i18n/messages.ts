/**
 * Every string of the dashboard, in English (`messages-en.ts`, which defines the keys) and
 * Simplified Chinese (`messages-zh-cn.ts`, typed against them, so a missing translation is a
 * compile error).
 */
import { en } from './messages-en.js';
import { zhCN } from './messages-zh-cn.js';

export type MessageKey = keyof typeof en;
export type Lang = 'zh-CN' | 'en';

export const catalogues: Record<Lang, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

export function format(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const template = catalogues[lang][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Whether a key built at run time (a column or code name) has a message. */
export function isMessageKey(key: string): key is MessageKey {
  return key in en;
}
