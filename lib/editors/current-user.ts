/**
 * The CMS's logged-in user, the editor of article 4's 「谁发布」: by the adapter's selector, else
 * from the header text CMSs print, e.g. 「当前用户：信息员 张三 ｜ 退出」 → 张三.
 */

// 「超级管理员：林十八」 (SiteServer's header menu) names the role as the label; not inside a word (联系管理员：…)
const LABEL = /(?:当前登录用户|当前用户|登录用户|当前登录|登录人|登录名|用户名|用户)\s*[:：]\s*|(?:欢迎(?:您|你)?|您好|你好)\s*[,，:：!！]\s*|(?<![\u4e00-\u9fa5A-Za-z])(?:系统管理员|超级管理员|站点管理员|管理员)\s*[:：]\s*/;
/** Role words printed before the name; stripped only when a separator follows (「管理员」 alone may be the account). */
const ROLE = /^(?:系统管理员|超级管理员|站点管理员|管理员|信息员|编辑|录入员|采编员|审核员)(?:\s+|[:：]\s*)/;
/** A name: letters (any script), digits, and the dots of transliterated names (阿依古丽·买买提); no spaces. */
const NAME = /^[\p{L}\p{N}_.·•@-]{1,30}/u;

/** 「当前用户：信息员 张三 ｜ 稿件列表」 → 张三; text without a label is taken as role + name. */
export function userNameFrom(text: string): string | null {
  const label = LABEL.exec(text);
  const rest = (label ? text.slice(label.index + label[0].length) : text).trim().replace(ROLE, '');
  return NAME.exec(rest)?.[0] ?? null;
}

/** Nothing typed by the editor (drafts, form values) and nothing of Precheck's own. */
const NOT_HEADER = 'script, style, noscript, template, textarea, select, [contenteditable], [data-precheck]';
// NodeFilter values, by number so that no page global is needed.
const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;
const FILTER_SKIP = 3;

function fromHeaderText(doc: Document): string | null {
  const root = doc.body;
  if (!root) return null;
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT, {
    acceptNode: (n) => (n.nodeType === 1 ? ((n as Element).matches(NOT_HEADER) ? FILTER_REJECT : FILTER_SKIP) : FILTER_ACCEPT),
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!LABEL.test(n.textContent ?? '')) continue;
    // The name is often in its own element after the label: 当前用户：<span>张三</span>. Widen to the
    // parent, then its parent, until the text after the label holds a name.
    let el = n.parentElement;
    for (let depth = 0; el && depth < 3; depth++, el = el.parentElement) {
      const name = userNameFrom(el.textContent ?? '');
      if (name) return name;
    }
  }
  return null;
}

/**
 * Headers that print the bare name in an element named for it (Z-Blog `.username`, WordPress
 * `.display-name`, PbootCMS `#user-realname`, PHPCMS `#admin_username`).
 */
const NAME_HOLDER = [
  '[class~="username"]', '[class~="user-name"]', '[class~="user_name"]', '[class~="display-name"]', '[class~="admin-name"]',
  '[class~="realname"]', '[class~="nickname"]', '[class~="loginname"]',
  '[id="username"]', '[id="user-name"]', '[id="admin_username"]', '[id="admin_name"]', '[id="user-realname"]', '[id="realname"]', '[id="loginname"]',
].join(', ');

function fromNamedElement(doc: Document): string | null {
  for (const el of doc.querySelectorAll(NAME_HOLDER)) {
    if (el.closest(NOT_HEADER) || el.matches('input, select, textarea')) continue;
    const name = userNameFrom(el.textContent ?? '');
    if (name) return name;
  }
  return null;
}

function fromSelector(doc: Document, selector: string): string | null {
  let el: Element | null;
  try {
    el = doc.querySelector(selector);
  } catch {
    return null;
  }
  if (!el) return null;
  const text = 'value' in el && typeof el.value === 'string' ? el.value : (el.textContent ?? '');
  return userNameFrom(text);
}

/**
 * The logged-in user's name, or null. `docs`: the top document first, then its same-origin frames
 * (the header is usually in the top frame, the form in a frame below it).
 */
export function readCurrentUser(docs: Document | readonly Document[], selector?: string | null): string | null {
  const list: readonly Document[] = Array.isArray(docs) ? docs : [docs as Document];
  for (const doc of list) {
    const name = selector ? fromSelector(doc, selector) : (fromHeaderText(doc) ?? fromNamedElement(doc));
    if (name) return name;
  }
  // A selector that finds nothing (the CMS changed its header) falls back to the text patterns.
  if (selector) return readCurrentUser(list);
  return null;
}
