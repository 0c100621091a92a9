/**
 * A screen's own sentences, as two tables (zh, en) of the same shape: plain strings, or functions for
 * sentences with values in them. The English table is typed as the Chinese one, so a missing key or a
 * different set of values is a type error, not a key showing through on screen.
 */
import { LANGS, uiLang, type Lang } from './lang';

export type Message = string | ((...args: never[]) => string);
export type Messages = Record<string, Message>;
type Args<M> = M extends (...args: infer A) => string ? A : [];

export interface Translate<T extends Messages> {
  /** The sentence in the browser's language. */
  <K extends keyof T>(key: K, ...args: Args<T[K]>): string;
  /** The sentence in both languages, for what is shown later in whichever one (a policy problem). */
  both<K extends keyof T>(key: K, ...args: Args<T[K]>): Record<Lang, string>;
}

function render(message: Message, args: unknown[]): string {
  return typeof message === 'function' ? (message as (...values: unknown[]) => string)(...args) : message;
}

/** `t(key, ...values)` in the browser's language (or the one `lang` gives). */
export function translator<T extends Messages>(tables: Readonly<Record<Lang, T>>, lang: () => Lang = uiLang): Translate<T> {
  const t = (<K extends keyof T>(key: K, ...args: Args<T[K]>) => render(tables[lang()][key]!, args)) as Translate<T>;
  t.both = (key, ...args) => Object.fromEntries(LANGS.map((l) => [l, render(tables[l][key]!, args)])) as Record<Lang, string>;
  return t;
}
