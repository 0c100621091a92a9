/**
 * Whether a request is one of a site adapter's request rules (publishRequests, draftRequests,
 * listPublish): its method, its URL, and — for CMSes that post every action to one address and name
 * the action in a field (EmpireCMS's `enews`, WordPress's `publish` / `save` submit names) — a field
 * it sends. Pure: the caller hands in the URL, method and decoded body fields; no DOM, no browser API.
 */

import { urlSpellings } from './url-spellings';

/** A field the request must send, in its body or its query string. */
export interface FieldCondition {
  /** the field's name as sent: `enews`, `publish`, `data.action` for a nested JSON key */
  name: string;
  /** RegExp source tested against each decoded value, blank ones too (`^`: sent at all); missing: any non-blank value */
  pattern?: string;
  /**
   * The rule holds when the request does NOT send the field (with a pattern: no value matching it):
   * PublicCMS saves to one address and sends `draft=on` only for a draft, so its publish is the save
   * without `draft`.
   */
  absent?: boolean;
}

export interface RequestRuleLike {
  method?: string;
  urlPattern: string;
  field?: FieldCondition;
}

export interface RequestParts {
  url: string;
  method: string;
  /** decoded body fields (urlencoded / multipart text parts / JSON); a repeated name is an array */
  body?: Record<string, unknown>;
}

/** A policy's RegExp source compiled, or null when it does not compile. */
export function regex(source: string): RegExp | null {
  try {
    return new RegExp(source);
  } catch {
    return null;
  }
}

/** A body field's value(s) as strings: one value or a repeated name's array; objects are left out. */
export function scalars(raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  return list.filter((v): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v)).map(String);
}

function queryValues(url: string, name: string): string[] {
  try {
    return new URL(url).searchParams.getAll(name);
  } catch {
    return [];
  }
}

/**
 * The values the request sends under `name`: the body's, then the query string's. Both count because
 * the CMSes read both (EmpireCMS: `$enews=$_POST['enews']; if(empty($enews)) $enews=$_GET['enews'];`),
 * and a GET form sends its fields in the query.
 */
export function fieldValues(req: Pick<RequestParts, 'url' | 'body'>, name: string): string[] {
  return [...scalars(req.body?.[name]), ...queryValues(req.url, name)];
}

/**
 * Which of a field's values must match. A request that sends a field twice is read by the CMS one
 * way or the other (PHP keeps the last, others the first), so each kind of rule takes the reading that
 * holds it: a publish rule holds when `some` value says publish; a draft save is one only when
 * `every` value says draft (`ishide=y&ishide=n` publishes on emlog).
 */
export type Quantifier = 'some' | 'every';

function fieldHolds(field: FieldCondition, req: RequestParts, re: RegExp | null, quantifier: Quantifier): boolean {
  const values = fieldValues(req, field.name);
  // A pattern reads every value, blank ones too (`^` holds for a field sent at all: PHP's isset);
  // without one, the field must say something.
  const sent = re ? values.length > 0 && values[quantifier]((v) => re.test(v)) : values.some((v) => v.trim() !== '');
  return field.absent === true ? !sent : sent;
}

/** One request's spellings, made once however many rules ask (lib/policy/url-spellings.ts). */
const spelled = new WeakMap<RequestParts, string[]>();
function spellingsOf(req: RequestParts): string[] {
  let out = spelled.get(req);
  if (!out) spelled.set(req, (out = urlSpellings(req.url, req.body)));
  return out;
}

export interface RuleReading {
  /** Of a field's values: one that fits is enough (`some`), or all must (`every`). */
  quantifier?: Quantifier;
  /** Every spelling the CMS reads alike, or only the address as sent. */
  address?: 'spellings' | 'raw';
}

/**
 * The rule as a test of one request: its address in any spelling the CMS reads alike, or with
 * `address: 'raw'` the address as sent (what the browser's network rules see). A pattern that does not
 * compile never matches (the policy's validation refuses it before it gets here).
 */
export function compileRequestRule(rule: RequestRuleLike, { quantifier = 'some', address = 'spellings' }: RuleReading = {}): (req: RequestParts) => boolean {
  const raw = address === 'raw';
  const url = regex(rule.urlPattern);
  const method = rule.method?.toUpperCase();
  const field = rule.field;
  const value = field?.pattern === undefined ? null : regex(field.pattern);
  if (!url || (field?.pattern !== undefined && !value)) return () => false;
  const addressed = raw ? (req: RequestParts) => url.test(req.url) : (req: RequestParts) => spellingsOf(req).some((s) => url.test(s));
  return (req) => (!method || method === req.method.toUpperCase()) && addressed(req) && (!field || fieldHolds(field, req, value, quantifier));
}

export function matchesRequestRule(rule: RequestRuleLike, req: RequestParts, quantifier: Quantifier = 'some'): boolean {
  return compileRequestRule(rule, { quantifier })(req);
}
