/**
 * Stands in for `wxt/browser` in the dashboard page (vite.dashboard.config.ts): shared code that asks
 * browser.i18n (the product's name) gets it from the extension's own message files, in the language
 * the extension would choose (lib/i18n).
 */
import { uiLang, type Lang } from '../../lib/i18n';
import en from '../../public/_locales/en/messages.json';
import zh from '../../public/_locales/zh_CN/messages.json';

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

export const pageLang: Lang = uiLang();
const messages = (pageLang === 'en' ? en : zh) as Record<string, Message>;

/** chrome.i18n.getMessage's rules: $NAME$ placeholders map to $1…$9 substitutions. */
export function getMessage(key: string, substitutions?: string | string[]): string {
  const m = messages[key];
  if (!m) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const fill = (s: string) => s.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  return m.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const p = m.placeholders?.[name.toLowerCase()];
    return p ? fill(p.content) : whole;
  });
}

export const browser = { i18n: { getMessage } };
