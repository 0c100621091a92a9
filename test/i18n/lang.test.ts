// @vitest-environment happy-dom
/** Which language the screens speak, decided from the browser's preferred language. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { htmlLang, langOf, pick, terms, translator, uiLang } from '../../lib/i18n';

afterEach(() => vi.restoreAllMocks());

describe('langOf', () => {
  it.each([
    ['en', 'en'],
    ['en-US', 'en'],
    ['en_GB', 'en'],
    ['EN-au', 'en'],
    ['zh-CN', 'zh'],
    ['zh-TW', 'zh'],
    ['zh', 'zh'],
    // Not English: the product's default language (the manifest's default_locale is zh_CN too).
    ['fr-FR', 'zh'],
    ['eng', 'zh'],
    ['', 'zh'],
    [undefined, 'zh'],
    [null, 'zh'],
  ])('%s → %s', (tag, lang) => {
    expect(langOf(tag)).toBe(lang);
  });
});

describe('uiLang', () => {
  it('follows the first preferred language', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['zh-CN', 'en-US']);
    expect(uiLang()).toBe('zh');
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-US', 'zh-CN']);
    expect(uiLang()).toBe('en');
  });

  it('falls back to navigator.language, then to the browser UI locale', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue([]);
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('en-GB');
    expect(uiLang()).toBe('en');
    vi.spyOn(navigator, 'language', 'get').mockReturnValue(undefined as unknown as string);
    vi.stubGlobal('chrome', { i18n: { getUILanguage: () => 'en-US' } });
    expect(uiLang()).toBe('en');
    vi.unstubAllGlobals();
  });
});

describe('helpers', () => {
  it('picks one language of a pair and names it for <html lang>', () => {
    expect(pick({ zh: '保存', en: 'Save' }, 'en')).toBe('Save');
    expect(pick({ zh: '保存', en: 'Save' }, 'zh')).toBe('保存');
    expect(htmlLang('zh')).toBe('zh-CN');
    expect(htmlLang('en')).toBe('en');
    expect(terms('en').severity.warn).toBe('Warning');
    expect(terms('zh').severity.warn).toBe('警告');
  });

  it('fills values into sentences, in the language asked, or in both', () => {
    const zh = { hello: '你好', count: (n: number) => `共 ${n} 条` };
    const en: typeof zh = { hello: 'Hello', count: (n: number) => `${n} in all` };
    let lang: 'zh' | 'en' = 'zh';
    const t = translator({ zh, en }, () => lang);
    expect(t('count', 3)).toBe('共 3 条');
    lang = 'en';
    expect(t('hello')).toBe('Hello');
    expect(t.both('count', 2)).toEqual({ zh: '共 2 条', en: '2 in all' });
  });
});
