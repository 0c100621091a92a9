/**
 * Teach mode on an article list: the administrator clicks the list's publish control (审核通过, 发布,
 * a row's 点击开启 link) without pressing it; this reads from the control's markup where its request
 * goes and how it names the items, as the adapter's `listPublish` rule. The address comes from the
 * control (formaction, data-action / data-url, href) or a URL written in its onclick, else its form's
 * action; the ids from the rows' checkboxes (a form post or $.ajax of the form: the body; a GET: the
 * query) or, for a link per row, from the id inside the link; and the action the control's onclick
 * writes into the form (EmpireCMS `enews`), as the rule's field condition. Null when the markup does
 * not say (a script that builds the URL): the administrator then writes the rule in Options → 站点.
 */
import type { ListPublishRule, RequestFieldRule } from './schema';
import { pairsOf } from '../gate/pairs';

const URL_IN_SCRIPT = /['"]((?:[\w./-]*\.(?:php|html?|do|action|jsp|aspx?)|[\w./-]+\/[\w./-]+)(?:\?[^'"]*)?)['"]/;
/** Query values that name the action (a=pass, dopost=checkArchives), not a category, page or token. */
const ACTION_VALUE = /^[A-Za-z][\w-]{0,40}$/;
const TOKEN_NAME = /hash|token|csrf|formcheck|_t$|^t$|timestamp|rand/i;

export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Fields that name the action when one address serves several (EmpireCMS `enews`, `act`, `dopost` …). */
const ACTION_FIELD = /^(?:enews|action|act|do|dopost|op|operation|cmd|task)$/i;

/** `enews` = `CheckNews_all` as the rule's field condition, when the name and value look like an action. */
export function actionCondition(name: string, value: string): RequestFieldRule | undefined {
  return ACTION_FIELD.test(name) && ACTION_VALUE.test(value) ? { name, pattern: `^${escapeRe(value)}$` } : undefined;
}

/** The first field among these pairs that names the request's action (`enews=CheckNews_all`), as a rule's field condition. */
export function actionField(pairs: Iterable<readonly [string, string]>): RequestFieldRule | undefined {
  for (const [k, v] of pairs) {
    const field = actionCondition(k, v);
    if (field) return field;
  }
  return undefined;
}

/**
 * The action a control's script writes into its form before it posts: EmpireCMS's list buttons
 * (`document.listform.enews.value='CheckNews_all'`) share one form and one address with 删除 and 推荐.
 */
function actionSetBy(control: Element): RequestFieldRule | undefined {
  for (const m of (control.getAttribute('onclick') ?? '').matchAll(/\.([A-Za-z_]\w*)\.value\s*=\s*['"]([^'"]*)['"]/g)) {
    const field = actionCondition(m[1]!, m[2]!);
    if (field) return field;
  }
  return undefined;
}

function addressOf(control: Element): { url: string; fromForm: boolean } | null {
  for (const attr of ['formaction', 'data-action', 'data-url', 'data-href']) {
    const v = control.getAttribute(attr);
    if (v) return { url: v, fromForm: false };
  }
  const href = control.closest('a')?.getAttribute('href');
  if (href && !/^\s*(?:javascript:|#)/i.test(href)) return { url: href, fromForm: false };
  const script = `${control.getAttribute('onclick') ?? ''} ${href ?? ''}`;
  const inScript = URL_IN_SCRIPT.exec(script)?.[1];
  if (inScript && !/^javascript:/i.test(inScript)) return { url: inScript, fromForm: /\.submit\(\)|form/i.test(script) };
  const form = control.closest('form');
  const action = form?.getAttribute('action');
  if (form && action) return { url: action, fromForm: true };
  return null;
}

/** `index.php?m=content&c=content&a=pass&catid=6` → `index\.php\?(?=.*\bm=content\b)(?=.*\bc=content\b)(?=.*\ba=pass\b)`. */
export function urlPatternOf(url: URL, idParam?: string): string {
  const path = escapeRe(url.pathname.replace(/^\/+/, ''));
  const keep = pairsOf(url.searchParams).filter(([k, v]) => k !== idParam && !TOKEN_NAME.test(k) && ACTION_VALUE.test(v));
  if (keep.length === 0) return path;
  return `${path}\\?${keep.map(([k, v]) => `(?=.*\\b${escapeRe(k)}=${escapeRe(v)}\\b)`).join('')}`;
}

function rowCheckbox(doc: Document): HTMLInputElement | null {
  return [...doc.querySelectorAll<HTMLInputElement>('tr input[type="checkbox"][name], li input[type="checkbox"][name]')].find((b) => /^[\w-]{1,40}$/.test(b.value) && b.value !== 'on') ?? null;
}

/**
 * A link per row: the row's id inside the link's own address (?id=42, or p=/Content/mod/id/42/… where
 * the rest of the value — field/status/value/1 — is what makes it a publish and is kept in `value`).
 */
function idInLink(url: URL, row: Element | null): { rule: ListPublishRule['ids']; name: string; pattern?: string; value?: string } | null {
  const id = row?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.value ?? /\b(\d{1,12})\b/.exec(row?.textContent ?? '')?.[1];
  if (!id) return null;
  for (const [name, value] of pairsOf(url.searchParams)) {
    if (value === id) return { rule: { from: 'query', name }, name };
    const at = value.search(new RegExp(`/[A-Za-z_]*id/${escapeRe(id)}(?:/|$)`, 'i'));
    if (at < 0) continue;
    const key = /\/([A-Za-z_]*id)\//i.exec(value.slice(at))![1]!;
    const pattern = `/${key}/(\\d+)`;
    const whole = escapeRe(value.slice(0, at)) + `/${key}/\\d+` + escapeRe(value.slice(at + key.length + id.length + 2));
    return { rule: { from: 'query', name, pattern }, name, pattern, value: whole };
  }
  return null;
}

export function listPublishFromControl(control: Element, pageUrl: string): ListPublishRule | null {
  const address = addressOf(control);
  if (!address) return null;
  let url: URL;
  try {
    url = new URL(address.url, pageUrl);
  } catch {
    return null;
  }
  const row = control.closest('tr, li');
  const perRow = control.closest('a') !== null && row !== null && !address.fromForm;
  if (perRow) {
    const ids = idInLink(url, row);
    if (!ids) return null;
    return { method: 'GET', urlPattern: ids.pattern ? `${escapeRe(url.pathname.replace(/^\/+/, ''))}\\?(?=.*\\b${escapeRe(ids.name)}=${ids.value})` : urlPatternOf(url, ids.name), ids: ids.rule };
  }
  const box = rowCheckbox(control.ownerDocument);
  if (!box) return null;
  const form = control.closest('form');
  const method = address.fromForm ? ((form?.getAttribute('method') ?? 'get').toUpperCase() === 'POST' ? 'POST' : 'GET') : 'POST';
  const field = actionSetBy(control);
  return {
    method,
    urlPattern: urlPatternOf(url),
    ...(field && { field }),
    ids: { from: method === 'GET' ? 'query' : 'body', name: box.name },
    rowCheckbox: `input[type="checkbox"][name="${box.name}"]`,
  };
}
