/**
 * UI strings through browser.i18n (public/_locales: zh_CN is the default locale, en the other).
 * A missing message shows its key, which the i18n test catches before a user does.
 */
import { browser } from 'wxt/browser';
import type { Localized } from '../../lib/scan/types';

type GetMessage = (key: string, substitutions?: string | string[]) => string;

export function t(key: string, ...substitutions: string[]): string {
  try {
    const message = (browser.i18n.getMessage as GetMessage)(key, substitutions.length > 0 ? substitutions : undefined);
    if (message) return message;
  } catch {
    // No i18n API (a test without a fake): fall through to the key.
  }
  return key;
}

/** The language of the messages in use: 'en' only when the English file answered. */
export function uiLang(): 'zh' | 'en' {
  return t('locale_code') === 'en' ? 'en' : 'zh';
}

export function pick(text: Localized): string {
  return uiLang() === 'en' ? text.en : text.zh;
}
