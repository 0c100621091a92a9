/**
 * What a page says on screen, for "one language per screen" checks: the text of every rendered text
 * node and the labels a screen reader or tooltip speaks (aria-label, title, placeholder, alt). Data is
 * left out: form values, and anything inside [translate="no"] (names, addresses, CMS values, codes),
 * which the pages mark as not theirs to translate. Reusable for the panel and checklist later.
 */
import type { Frame, Page } from 'playwright-core';

export interface ShownText {
  text: string;
  /** A short CSS-ish path of the element, for messages. */
  where: string;
  /**
   * The text cites words of the other language as they appear in drafts ([data-cites-draft-text]: a
   * rule's description quoting 身份证号 in English, or [bookmark: _GoBack] in Chinese). Such a text
   * must still be a sentence of the page's language; the cited words are not held against it.
   */
  cites: boolean;
}

export function shownTexts(target: Page | Frame): Promise<ShownText[]> {
  return target.evaluate<ShownText[]>(`(() => {
    const out = [];
    const skip = (el) => !el || el.closest('[translate="no"], script, style, noscript, textarea') !== null;
    // An <option> is not rendered until its menu opens; it is shown when its <select> is.
    const shown = (el) => { const box = el.tagName === 'OPTION' ? el.closest('select') : el; return !box || !box.checkVisibility || box.checkVisibility({ visibilityProperty: true }); };
    const where = (el) => {
      const parts = [];
      for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
        parts.unshift(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.dataset && e.dataset.tab ? '[data-tab=' + e.dataset.tab + ']' : ''));
      }
      return parts.join(' > ');
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = (node.textContent || '').trim();
      if (text && !skip(el) && shown(el)) out.push({ text, where: where(el), cites: !!el.closest('[data-cites-draft-text]') });
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      if (skip(el) || !shown(el)) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const text = (el.getAttribute(name) || '').trim();
        if (text) out.push({ text, where: where(el) + '@' + name, cites: !!el.closest('[data-cites-draft-text]') });
      }
    }
    return out;
  })()`);
}

const CJK = /[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e]+/g;
const HAS_CJK = /[\u3400-\u9fff]/;
const LATIN_WORD = /[A-Za-z][A-Za-z'’-]*/g;

/**
 * Latin words in Chinese text, except the names a Chinese screen uses as they are (PIN, CSV, JSON,
 * Word …), URLs and codes (anything with a digit in it: a version, a masked number). Returns
 * "word — where" lines, empty when the screen is Chinese only.
 */
export function englishIn(texts: readonly ShownText[], allowed: readonly string[]): string[] {
  const allow = new Set(allowed.map((w) => w.toLowerCase()));
  return texts.flatMap(({ text, where, cites }) => {
    const words = (text.replace(/\b(?:https?|chrome-extension):\/\/\S*/g, '').replace(/[0-9A-Za-z]*\d[0-9A-Za-z]*/g, ' ').match(LATIN_WORD) ?? []).filter(
      (w) => w.length > 1 && !allow.has(w.toLowerCase()),
    );
    const sentence = cites ? HAS_CJK.test(text) : true;
    return [...(cites ? [] : words), ...(sentence ? [] : ['(not a Chinese sentence)'])].map((w) => `${w} — ${where} «${text.slice(0, 60)}»`);
  });
}

/** Chinese characters and punctuation in English text: "run — where" lines, empty when English only. */
export function chineseIn(texts: readonly ShownText[]): string[] {
  return texts.flatMap(({ text, where, cites }) => {
    const runs = cites ? [] : (text.match(CJK) ?? []);
    const sentence = cites ? (text.replace(CJK, ' ').match(LATIN_WORD) ?? []).length >= 3 : true;
    return [...runs, ...(sentence ? [] : ['(not an English sentence)'])].map((run) => `${run} — ${where} «${text.slice(0, 60)}»`);
  });
}
