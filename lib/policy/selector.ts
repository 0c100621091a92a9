/**
 * A syntax check for CSS selectors that runs without a DOM (Node tests, the background worker).
 * It cannot prove a selector valid — querySelector in the page has the last word — but it catches
 * what breaks a hand-typed policy: empty parts, unbalanced brackets or quotes, a dangling combinator,
 * and CSS rule text (`{`, `;`) pasted in by mistake.
 */
import type { Localized } from '../scan/types';

const MAX_LENGTH = 500;
const CLOSING: Record<string, string> = { '(': ')', '[': ']' };

/** Splits on top-level commas, or returns a problem when brackets or quotes do not balance. */
function topLevelParts(selector: string): string[] | Localized {
  const parts: string[] = [];
  const stack: string[] = [];
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < selector.length; i++) {
    const c = selector.charAt(i);
    if (c === '\\') {
      i++;
      continue;
    }
    if (quote) {
      if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '{' || c === '}' || c === ';') return { zh: '包含 { } 或 ;，这是样式规则而不是选择器', en: 'contains { } or ;, which belong to a style rule, not a selector' };
    else if (c === '(' || c === '[') stack.push(CLOSING[c] ?? '');
    else if (c === ')' || c === ']') {
      if (stack.pop() !== c) return { zh: '括号不配对', en: 'has unbalanced brackets' };
    } else if (c === ',' && stack.length === 0) {
      parts.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  if (quote) return { zh: '引号没有闭合', en: 'has an unclosed quote' };
  if (stack.length > 0) return { zh: '括号不配对', en: 'has unbalanced brackets' };
  parts.push(selector.slice(start));
  return parts;
}

/** Null when the selector looks well-formed, else what is wrong with it. */
export function selectorProblem(selector: string): Localized | null {
  if (selector.trim() === '') return { zh: '不能为空', en: 'must not be empty' };
  if (selector.length > MAX_LENGTH) return { zh: `不能超过 ${MAX_LENGTH} 个字符`, en: `must be at most ${MAX_LENGTH} characters` };
  const parts = topLevelParts(selector);
  if (!Array.isArray(parts)) return parts;
  for (const raw of parts) {
    const part = raw.trim();
    if (part === '') return { zh: '逗号之间缺少选择器', en: 'has an empty selector between commas' };
    if (/^[>+~]/.test(part) || /[>+~]$/.test(part)) return { zh: '组合符（> + ~）两侧都要有选择器', en: 'has a combinator (> + ~) without a selector on both sides' };
  }
  return null;
}
