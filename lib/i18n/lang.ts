/**
 * Which language Precheck's screens speak: Chinese or English, one per screen, never both. The
 * official review form is the exception (always Chinese) and asks for 'zh' itself.
 */
export type Lang = 'zh' | 'en';

export const LANGS: readonly Lang[] = ['zh', 'en'];

/** 'en', 'en-US', 'en_GB' → 'en'; anything else → 'zh', the product's default (as the manifest's default_locale). */
export function langOf(tag: string | null | undefined): Lang {
  return /^en(?:$|[-_])/i.test(tag?.trim() ?? '') ? 'en' : 'zh';
}

interface I18nApi {
  getUILanguage?(): string;
}

function browserUiLocale(): string | undefined {
  const g = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  for (const api of [g.browser?.i18n, g.chrome?.i18n]) {
    try {
      const locale = api?.getUILanguage?.();
      if (locale) return locale;
    } catch {
      // A stand-in without the API (a test's fake browser): try the next.
    }
  }
  return undefined;
}

/**
 * The browser's language: the first of the user's preferred languages (the browser's language
 * setting; Chromium's --accept-lang), else the UI locale. Preferred languages come first because
 * Debian's Chromium ships only its en-US UI pack: its i18n.getUILanguage() answers en-US whatever
 * language the user chose. Works in extension pages, content scripts and the service worker.
 */
export function uiLang(): Lang {
  const nav = (globalThis as { navigator?: Partial<Pick<Navigator, 'languages' | 'language'>> }).navigator;
  return langOf(nav?.languages?.[0] ?? nav?.language ?? browserUiLocale());
}

/** The value for <html lang>, so screen readers and fonts pick the right language. */
export function htmlLang(lang: Lang): string {
  return lang === 'en' ? 'en' : 'zh-CN';
}

/** One of a pair of texts (a problem, a rule's title) in the language asked for. */
export function pick<T>(text: { zh: T; en: T }, lang: Lang = uiLang()): T {
  return lang === 'en' ? text.en : text.zh;
}
