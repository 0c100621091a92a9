/**
 * "Teach Precheck this CMS": turns the elements an administrator picked on a CMS page into a site
 * adapter. Pure functions over a DOM (no extension APIs), so they run in the content script and in
 * unit tests on happy-dom documents alike.
 *
 * A selector is chosen to survive the next page load: a unique id that does not look generated,
 * else a unique name attribute, else a unique descriptive attribute (data-*, title, aria-label),
 * else the shortest unique path of tag, stable classes and :nth-of-type steps up from the element
 * (anchored at the nearest ancestor with a usable id).
 */
import type { EditorKind } from '../editors/types';
import type { TaughtSaves } from './draft-save-from-requests';
import { selectorProblem } from './selector';
import type { ListPublishRule, SiteAdapter } from './schema';

/** Ids and classes that frameworks generate per load (ext-gen123, yui_3_..., :r1:, long digit runs). */
const GENERATED = /^(?:ext-gen|ext-comp|yui_|ember\d|react-|:r|mui-|x-auto-|gwt-)|\d{5,}|[0-9a-f]{8}-[0-9a-f]{4}/i;
/** Classes that describe state, not identity. */
const STATE_CLASS = /^(?:is-|has-)|(?:^|-)(?:active|hover|focus|focused|selected|disabled|checked|open|hidden|show|on|cur|current)$/i;
const DESCRIPTIVE_ATTRS = ['title', 'aria-label'];
const MAX_DEPTH = 8;

/** CSS.escape for identifiers (not every test DOM has CSS.escape). */
export function cssIdent(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charAt(i);
    const code = value.charCodeAt(i);
    if (code === 0) out += '\uFFFD';
    else if ((code >= 1 && code <= 0x1f) || code === 0x7f || (/\d/.test(c) && (i === 0 || (i === 1 && value.charAt(0) === '-')))) {
      out += `\\${code.toString(16)} `;
    } else if (i === 0 && c === '-' && value.length === 1) out += '\\-';
    else if (code >= 0x80 || /[\w-]/.test(c)) out += c;
    else out += `\\${c}`;
  }
  return out;
}

/** A quoted attribute value. */
export function cssString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\a ')}"`;
}

function selects(doc: Document | Element, selector: string, el: Element): boolean {
  try {
    const hits = doc.querySelectorAll(selector);
    return hits.length === 1 && hits[0] === el;
  } catch {
    return false;
  }
}

function usableId(id: string): boolean {
  return id.trim() !== '' && id.length <= 80 && !GENERATED.test(id);
}

function stableClasses(el: Element): string[] {
  return [...el.classList].filter((c) => c.length <= 40 && !GENERATED.test(c) && !STATE_CLASS.test(c)).slice(0, 2);
}

function tagOf(el: Element): string {
  return el.localName.toLowerCase();
}

/** One path step: tag, stable classes, and :nth-of-type when same-tag siblings make it ambiguous. */
function step(el: Element): string {
  const tag = tagOf(el);
  let s = tag + stableClasses(el).map((c) => `.${cssIdent(c)}`).join('');
  const parent = el.parentElement;
  if (parent) {
    const same = [...parent.children].filter((c) => tagOf(c) === tag);
    if (same.length > 1) s += `:nth-of-type(${same.indexOf(el) + 1})`;
  }
  return s;
}

/** The attribute-based candidates for one element, most robust first. */
function attributeCandidates(el: Element): string[] {
  const tag = tagOf(el);
  const out: string[] = [];
  if (usableId(el.id)) out.push(`#${cssIdent(el.id)}`);
  const name = el.getAttribute('name');
  if (name) out.push(`${tag}[name=${cssString(name)}]`);
  for (const attr of [...el.attributes]) {
    if (attr.name.startsWith('data-') && attr.value.length <= 80 && !GENERATED.test(attr.value)) out.push(`${tag}[${attr.name}=${cssString(attr.value)}]`);
  }
  for (const attr of DESCRIPTIVE_ATTRS) {
    const v = el.getAttribute(attr);
    if (v && v.length <= 80) out.push(`${tag}[${attr}=${cssString(v)}]`);
  }
  // A button input's label is its value attribute (a text input's value attribute is only a default).
  const type = (el.getAttribute('type') ?? '').toLowerCase();
  const value = el.getAttribute('value');
  if (tag === 'input' && ['button', 'submit', 'image'].includes(type) && value && value.length <= 80) out.push(`input[value=${cssString(value)}]`);
  const classes = stableClasses(el);
  if (classes.length > 0) out.push(tag + classes.map((c) => `.${cssIdent(c)}`).join(''));
  return out;
}

/**
 * A selector that picks exactly this element in its own document, or null when none could be built
 * (an element outside any document).
 */
export function selectorFor(el: Element): string | null {
  const doc = el.ownerDocument;
  if (!doc || !el.isConnected) return null;
  for (const candidate of attributeCandidates(el)) {
    if (selectorProblem(candidate) === null && selects(doc, candidate, el)) return candidate;
  }
  // A path upwards, stopped as soon as it is unique or anchored at an ancestor with a usable id.
  const steps: string[] = [];
  let node: Element | null = el;
  for (let depth = 0; node && depth < MAX_DEPTH; depth++) {
    const tag = tagOf(node);
    if (depth > 0 && usableId(node.id) && selects(doc, `#${cssIdent(node.id)}`, node)) {
      const anchored = [`#${cssIdent(node.id)}`, ...steps].join(' > ');
      if (selects(doc, anchored, el)) return anchored;
    }
    if (tag === 'body' || tag === 'html') {
      const rooted = ['body', ...steps].join(' > ');
      if (selects(doc, rooted, el)) return rooted;
      break;
    }
    steps.unshift(step(node));
    const candidate = steps.join(' > ');
    if (selects(doc, candidate, el)) return candidate;
    node = node.parentElement;
  }
  // Deep elements: a full path from body always works.
  const full: string[] = [];
  for (let n: Element | null = el; n && tagOf(n) !== 'body' && tagOf(n) !== 'html'; n = n.parentElement) full.unshift(step(n));
  const rooted = ['body', ...full].join(' > ');
  return selects(doc, rooted, el) ? rooted : null;
}

/**
 * The iframe selectors from the top document down to the document holding `el` (empty in the top
 * document), or null when a frame on the way is cross-origin or cannot be described.
 */
export function framePathFor(el: Element, top: Window): string[] | null {
  const path: string[] = [];
  let win: Window | null = el.ownerDocument.defaultView;
  while (win && win !== top) {
    let frameEl: Element | null;
    try {
      frameEl = win.frameElement;
    } catch {
      return null;
    }
    if (!frameEl) return null;
    const sel = selectorFor(frameEl);
    if (!sel) return null;
    path.unshift(sel);
    win = frameEl.ownerDocument.defaultView;
  }
  return path;
}

export type PickField = 'title' | 'channel' | 'category' | 'disclosure' | 'reviewer';
/** In the order teach mode asks for them. */
export const PICK_FIELDS: readonly PickField[] = ['title', 'channel', 'category', 'disclosure', 'reviewer'];

export interface Pick {
  selector: string;
  /** Iframe selectors from the top document; empty in the top document. */
  framePath: string[];
}

export type Picks = Partial<Record<PickField, Pick>> & { publish: Pick };

/** `https://cms.example.gov.cn/admin/edit.jsp?id=3` → `https://cms.example.gov.cn/admin/edit.jsp*`. */
export function matchPatternFor(pageUrl: string): string {
  const u = new URL(pageUrl);
  return `${u.protocol}//${u.host}${u.pathname}*`;
}

/** A stable adapter id for a page: `taught-` and the host and path, reduced to the id alphabet. */
export function adapterIdFor(pageUrl: string): string {
  const u = new URL(pageUrl);
  const raw = `taught-${u.hostname}-${u.port}-${u.pathname}`.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/-+/g, '-').replace(/-$/, '');
  return raw.slice(0, 64);
}

/** Are all picked fields in one frame? The adapter has one fields.framePath for all of them. */
export function sameFrame(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/**
 * The site adapter for the picks. Fields picked in a frame other than the first picked field's are
 * left out (the adapter has one form frame); publish controls are found in every frame by selector.
 */
export function adapterFromPicks(
  pageUrl: string,
  picks: Picks,
  editor: { kind: EditorKind; framePath?: string[] } = { kind: 'contenteditable' },
  title = '',
  saves?: TaughtSaves & { sharesControl?: boolean },
): SiteAdapter {
  const u = new URL(pageUrl);
  const fieldPicks = PICK_FIELDS.filter((k) => picks[k]);
  const formFrame = fieldPicks.length > 0 ? picks[fieldPicks[0]!]!.framePath : [];
  const fields: SiteAdapter['fields'] = {};
  if (formFrame.length > 0) fields.framePath = [...formFrame];
  for (const k of fieldPicks) {
    const p = picks[k]!;
    if (sameFrame(p.framePath, formFrame)) fields[k] = p.selector;
  }
  const name = `${title.trim() || u.host + u.pathname}`.slice(0, 100);
  return {
    id: adapterIdFor(pageUrl),
    name: `${name}（教学生成 / taught）`.slice(0, 100),
    match: [matchPatternFor(pageUrl)],
    editor: editor.framePath && editor.framePath.length > 0 ? { kind: editor.kind, framePath: [...editor.framePath] } : { kind: editor.kind },
    fields,
    // A control that saves drafts too (PublicCMS's 保存 with 草稿 ticked, SSCMS's 确定 at level -99)
    // would have every draft save stopped at the click: the gate judges its requests instead.
    publishButtons: saves?.sharesControl ? [] : [picks.publish.selector],
    // shown by the administrator (teach/save-demonstration.ts): the 保存草稿 that may go out unsigned, and the 发布 that never does
    publishRequests: saves ? [saves.publish, ...saves.otherStates] : [],
    ...(saves && { draftRequests: [saves.draft] }),
  };
}

/**
 * The site adapter for an article list page taught its publish control: the rule read from the
 * control's markup (list-publish-from-control.ts); no fields and no publish buttons (a list has no
 * draft to sign, its publish is held by item ids).
 */
export function listAdapterFromPick(pageUrl: string, rule: ListPublishRule, title = ''): SiteAdapter {
  const u = new URL(pageUrl);
  const name = `${title.trim() || u.host + u.pathname}`.slice(0, 100);
  return {
    id: adapterIdFor(pageUrl),
    name: `${name}（教学生成·列表 / taught list）`.slice(0, 100),
    match: [matchPatternFor(pageUrl)],
    editor: { kind: 'contenteditable' },
    fields: {},
    publishButtons: [],
    publishRequests: [],
    listPublish: [rule],
  };
}

/** The policy with the adapter added, replacing one with the same id or the same match. */
export function withAdapter<P extends { adapters: readonly SiteAdapter[] }>(policy: P, adapter: SiteAdapter): P {
  const rest = policy.adapters.filter((a) => a.id !== adapter.id && !(a.match.length === adapter.match.length && a.match.every((m, i) => m === adapter.match[i])));
  // First: page-policy takes the first adapter that matches, so the taught one wins for its page.
  return { ...policy, adapters: [adapter, ...rest] };
}
