/**
 * Precheck's language module. Screens call `uiLang()` once per render and take words from
 * `terms(lang)`; their own sentences go through a `translator` over a zh and an en table.
 */
import { TERMS, type Terms } from './terms';
import { uiLang, type Lang } from './lang';

export { htmlLang, LANGS, langOf, pick, uiLang, type Lang } from './lang';
export { REASON_CODES, TERMS, type ReasonCode, type Terms, type Via } from './terms';
export { translator, type Message, type Messages, type Translate } from './translator';

/** The words in the browser's language, or in `lang`. */
export function terms(lang: Lang = uiLang()): Terms {
  return TERMS[lang];
}
