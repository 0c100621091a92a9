/**
 * Teach mode on an edit page: the administrator presses 保存草稿 once and 发布 once while Precheck
 * holds both requests (nothing is sent). This reads from the two held requests the `draftRequests`
 * rule that names the draft save and the `publishRequests` rule that names the publish — and only
 * when something tells them apart: their address, their method, or a field one sends with a value the
 * other does not (WordPress posts both to post.php, `save=保存草稿` against `publish=发布`; PublicCMS
 * sends `draft=on` only for a draft). A draft rule that also matched the publish would let the
 * publish out unsigned, so both rules are checked against both requests with the gate's own matcher
 * before they are given; when nothing tells them apart there is no rule, and 保存草稿 keeps waiting
 * for a sign-off like a publish.
 */
import { pairsOf } from '../gate/pairs';
import { actionField, escapeRe, urlPatternOf } from './list-publish-from-control';
import { compileRequestRule, scalars, type FieldCondition, type RequestParts } from './request-rule';
import type { PublishRequestRule } from './schema';

/** A request teach mode held: its address and the body fields as the gate's rules read them. */
export interface ShownRequest {
  method: string;
  url: string;
  body: Record<string, unknown>;
}

export interface TaughtSaves {
  draft: PublishRequestRule;
  publish: PublishRequestRule;
  /** Publish rules: the draft save with one of its state fields sent otherwise (`post_status=publish`). */
  otherStates: PublishRequestRule[];
}

const RULE_METHODS = new Set(['POST', 'PUT', 'PATCH']);
/** Names of fields that change by themselves between two sends (tokens, times), never the action. */
const VOLATILE_NAME = /hash|token|csrf|nonce|formcheck|captcha|verify|_t$|^t$|time|date|rand|^_$/i;
/** Names that usually say what a save does, tried first. */
const ACTION_LIKE = /^(?:enews|action|act|do|dopost|op|operation|cmd|task)$/i;
const STATE_LIKE = /status|state|draft|publish|save|submit|hide|audit|check|pub|post|type|mode|flag|step/i;
/**
 * Names of fields that hold what a save does to the item (WordPress `post_status`, emlog `ishide`,
 * SSCMS `checkedLevel`, `visibility`), narrower than STATE_LIKE: a form's other fields (`post_type`,
 * a display order) may change between two draft saves.
 */
const STATE_NAME = /status|state|draft|publish|hide|hidden|audit|checked|level|visib|release|online|^is_?pub|pubpost/i;
/** A value that names an action or a state (`publish`, `y`, `-99`, `保存草稿`), not content or a token. */
const LABEL_VALUE = /^-?[\p{L}\p{N}_ -]{1,20}$/u;
const LONG_NUMBER = /^-?\d{5,}$/;
/** Letters and digits mixed over eight characters: an id or a token, not a state. */
const MIXED_CODE = /^(?=.*\d)(?=.*[A-Za-z])[A-Za-z\d]{8,}$/;

function usableValue(v: string): boolean {
  return LABEL_VALUE.test(v) && !LONG_NUMBER.test(v) && !MIXED_CODE.test(v);
}

/**
 * Every field the request sends with its values: the body's, then the query's — those the address
 * rule does not already pin (`action=autosave` is part of emlog's URL rule).
 */
function fieldsOf(req: ShownRequest): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (name: string, values: string[]) => out.set(name, [...(out.get(name) ?? []), ...values.filter((v) => v.trim() !== '')]);
  for (const [name, raw] of Object.entries(req.body)) add(name, scalars(raw));
  const url = new URL(req.url);
  const pinned = urlPatternOf(url);
  for (const [name, value] of pairsOf(url.searchParams)) if (!pinned.includes(`${escapeRe(name)}=${escapeRe(value)}`)) add(name, [value]);
  return out;
}

function rank(name: string): number {
  return ACTION_LIKE.test(name) ? 0 : STATE_LIKE.test(name) ? 1 : 2;
}

/** The field conditions that hold for `mine` and not for `other`, best first. */
function conditionsApart(mine: Map<string, string[]>, other: Map<string, string[]>): FieldCondition[] {
  const names = [...new Set([...mine.keys(), ...other.keys()])].filter((n) => !VOLATILE_NAME.test(n));
  const sent: FieldCondition[] = [];
  const missing: FieldCondition[] = [];
  for (const name of names.sort((a, b) => rank(a) - rank(b))) {
    const own = [...new Set(mine.get(name) ?? [])];
    const theirs = other.get(name) ?? [];
    // One value, which the other request does not send under that name.
    if (own.length === 1 && usableValue(own[0]!) && !theirs.includes(own[0]!)) sent.push({ name, pattern: `^${escapeRe(own[0]!)}$` });
    // Not sent at all, where the other sends it (WordPress's publish has `publish`, its draft save not).
    else if (own.length === 0 && theirs.length > 0 && theirs.every(usableValue)) missing.push({ name, absent: true });
  }
  return [...sent, ...missing];
}

/**
 * The draft save's address: this origin and exactly this path — a path prefix would also take
 * `/article/audit` under `/article`, and a bare path another host's `/article` (a clean draft may go to
 * a draft save unsigned, so the rule names nothing it was not shown).
 */
function draftAddress(url: URL): string {
  const pattern = `^${escapeRe(url.origin)}\\/${urlPatternOf(url)}`;
  return pattern.includes('\\?') ? pattern : `${pattern}(?:[?#]|$)`;
}

function ruleOf(req: ShownRequest, kind: 'draft' | 'publish', field?: FieldCondition): PublishRequestRule {
  const method = req.method.toUpperCase();
  const url = new URL(req.url);
  return {
    ...(RULE_METHODS.has(method) && { method: method as PublishRequestRule['method'] }),
    // a publish rule as broad as the address: what it takes too waits for a sign-off
    urlPattern: kind === 'draft' ? draftAddress(url) : urlPatternOf(url),
    ...(field && { field }),
  };
}

/** The action field a request names once (EmpireCMS `enews`), to keep a rule off the address's other actions. */
function actionOf(fields: Map<string, string[]>): FieldCondition | undefined {
  return actionField([...fields].flatMap(([name, values]) => (values.length === 1 ? [[name, values[0]!] as const] : [])));
}

/** State values that say live, in any letter case: what a script could send where the draft said draft. */
const LIVE_VALUES = ['publish(?:ed)?', 'future', 'online', 'live', 'released?', '已?发布', '上线'];
/** A lower-case RegExp source that takes its letters in either case (rules' patterns carry no flags). */
const anyCase = (source: string) => source.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);

/**
 * Two requests cannot show what else the server publishes on: WordPress publishes a `save` whose
 * `post_status` says publish. So each state field the draft save sent with one value becomes a
 * publish rule at the draft's address for the values that say live — the publish's own value for it
 * (blank too: emlog's `ishide=`) and the words for live (`publish`, `发布` …) —: held for a sign-off,
 * not let out as the draft save its other field says it is (a declared publish outweighs a declared
 * draft save). Not every other value: WordPress's `original_post_status` is `auto-draft` on the first
 * draft save and `draft` on the next.
 */
function otherStates(draft: ShownRequest, fields: Map<string, string[]>, publish: ShownRequest): PublishRequestRule[] {
  const address = ruleOf(draft, 'draft');
  return [...fields].flatMap(([name, values]) => {
    const shown = [...new Set(values)];
    if (!STATE_NAME.test(name) || VOLATILE_NAME.test(name) || shown.length !== 1 || !usableValue(shown[0]!)) return [];
    const own = shown[0]!;
    const published = scalars(publish.body[name]).filter((v) => v !== own && (v === '' || usableValue(v)));
    const live = [...new Set([...published.map(escapeRe), ...LIVE_VALUES.map(anyCase)])];
    const field = { name, pattern: `^(?:${live.join('|')})$` };
    return new RegExp(field.pattern).test(own) ? [] : [{ ...address, field }];
  });
}

const partsOf = (req: ShownRequest): RequestParts => ({ method: req.method, url: req.url, body: req.body });

/** Each rule names its own request and not the other's, read as the gate reads it. */
function apart(saves: Omit<TaughtSaves, 'otherStates'>, draft: ShownRequest, publish: ShownRequest): boolean {
  const isDraft = compileRequestRule(saves.draft, { quantifier: 'every', address: 'raw' });
  const isPublish = compileRequestRule(saves.publish);
  return isDraft(partsOf(draft)) && !isDraft(partsOf(publish)) && isPublish(partsOf(publish)) && !isPublish(partsOf(draft));
}

/**
 * The two rules, or null when nothing the requests send tells the draft save from the publish. The
 * draft rule is the narrowest that works (a field that says draft, even where the address differs:
 * emlog's autosave of a published article sends `ishide=n` and updates it live); the publish rule
 * the broadest that does not take the address's other actions (its action field, if it names one).
 */
export function draftSaveFromRequests(draft: ShownRequest, publish: ShownRequest): TaughtSaves | null {
  try {
    new URL(draft.url);
    new URL(publish.url);
  } catch {
    return null;
  }
  const d = fieldsOf(draft);
  const p = fieldsOf(publish);
  const draftFields = [...conditionsApart(d, p), actionOf(d), undefined];
  const publishFields = [actionOf(p), ...conditionsApart(p, d)];
  for (const draftField of draftFields) {
    for (const publishField of publishFields) {
      const saves = { draft: ruleOf(draft, 'draft', draftField), publish: ruleOf(publish, 'publish', publishField) };
      if (apart(saves, draft, publish)) return { ...saves, otherStates: otherStates(draft, d, publish) };
    }
  }
  return null;
}
