/**
 * Words that say what a control or an endpoint is for. They may decide WHEN the checklist opens and
 * how a refusal is worded; they never let anything out — only the site adapter declares a draft save
 * (lib/gate/verdict.ts).
 */
import { pairsOf } from './pairs';

const PUBLISH = /发布|签发|上线|提交|送审|发稿|审核通过|通过审核|publish|release|submit/i;
const NOT_PUBLISH = /草稿|预览|暂存|取消|关闭|返回|撤回|撤销|删除|draft|preview|cancel/i;
const DRAFT = /草稿|暂存|autosave|auto_save|draft|caogao|zancun/i;

/** A control whose label says it publishes (opens the checklist early). */
export function isPublishLabel(label: string): boolean {
  const text = label.replace(/\s+/g, '');
  return text.length > 0 && text.length <= 30 && PUBLISH.test(text) && !NOT_PUBLISH.test(text);
}

/** A control whose label says it saves a draft. */
export function isDraftLabel(label: string | undefined): boolean {
  return !!label && DRAFT.test(label.replace(/\s+/g, ''));
}

const PUBLISH_URL = /publish|release|fabu|issue|audit|shenhe|check_?pass|checkarchives?|\bpass\b|online|上线|发布|审核|签发/i;

/** A URL whose path or query says it publishes or approves (list pages: publish.do?id=42, a=pass). */
export function isPublishUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return PUBLISH_URL.test(url);
  }
  let query = u.search;
  try {
    query = decodeURIComponent(query);
  } catch {
    // As it is.
  }
  return PUBLISH_URL.test(u.pathname) || pairsOf(new URLSearchParams(query)).some(([, v]) => v.length <= 30 && PUBLISH_URL.test(v));
}

/** A URL that says it stores a draft (autosave, 草稿). */
export function isDraftUrl(url: string): boolean {
  let text = url;
  try {
    text = decodeURIComponent(url);
  } catch {
    // As it is.
  }
  return DRAFT.test(text);
}
