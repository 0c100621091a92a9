/**
 * Leaf schemas of the policy and the helpers that attach plain-language messages to them. Every
 * custom problem carries `params: { zh, en }`; problems.ts turns zod's own issue codes into text.
 */
import { z } from 'zod';
import type { Localized } from '../scan/types';
import { emailProblem, phoneProblem } from './allow-list';
import { fromBase64 } from './base64';
import { parseMatchPattern } from './match-pattern';
import { MAX_PIN_ITERATIONS, MIN_PIN_ITERATIONS } from './limits';
import { selectorProblem } from './selector';

type Ctx = z.core.$RefinementCtx;
type Path = (string | number)[];

export function report(ctx: Ctx, problem: Localized, path: Path = []): void {
  ctx.addIssue({ code: 'custom', params: { ...problem }, path, input: undefined });
}

/** A string checked by `fn`; the check only runs once the value is known to be a string. */
export function checkedString(fn: (value: string) => Localized | null): z.ZodString {
  return z.string().superRefine((value, ctx) => {
    const problem = fn(value);
    if (problem) report(ctx, problem);
  });
}

/**
 * Container checks (uniqueness, cross-field) run even when an item failed, so that one bad item does
 * not hide a duplicate elsewhere: the caller sees every problem at once. They read `unknown` input.
 */
export const ALWAYS = { when: () => true } as const;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reports every later duplicate of a string (the item itself, or its `field`) in an array. */
export function uniqueBy(field?: string) {
  return (items: unknown, ctx: Ctx): void => {
    if (!Array.isArray(items)) return;
    const seen = new Map<string, number>();
    items.forEach((item: unknown, i) => {
      const key = field === undefined ? item : isRecord(item) ? item[field] : undefined;
      if (typeof key !== 'string') return;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else report(ctx, { zh: `与第 ${first + 1} 项重复`, en: `duplicates item [${first}]` }, field === undefined ? [i] : [i, field]);
    });
  };
}

export const nonBlank = (max: number) =>
  z
    .string()
    .max(max)
    .superRefine((value, ctx) => {
      if (value.trim() === '') report(ctx, { zh: '不能为空', en: 'must not be empty' });
    });

const ID = /^[A-Za-z0-9_-]{1,64}$/;
export const idString = checkedString((v) =>
  ID.test(v) ? null : { zh: '只能由 1–64 个字母、数字、下划线或连字符组成', en: 'must be 1–64 letters, digits, underscores or hyphens' },
);

export const originPattern = checkedString((v) => {
  const r = parseMatchPattern(v, true);
  return r.ok ? null : r.problem;
});

export const urlPattern = checkedString((v) => {
  const r = parseMatchPattern(v, false);
  return r.ok ? null : r.problem;
});

export const selector = checkedString(selectorProblem);

/** Iframe selectors from the top document down to the one that holds the target. */
export const framePath = z.array(selector).min(1).max(5);

/** The RegExp a policy string compiles to, or what is wrong with it. */
function compiled(v: string): RegExp | Localized {
  try {
    return new RegExp(v);
  } catch {
    return { zh: '不是有效的正则表达式', en: 'is not a valid regular expression' };
  }
}

export const publishUrlPattern = checkedString((v) => {
  if (v === '') return { zh: '不能为空', en: 'must not be empty' };
  const re = compiled(v);
  if (!(re instanceof RegExp)) return re;
  // A pattern that matches an empty URL matches every request: every save would count as a publish.
  if (re.test('')) return { zh: '会匹配任何请求地址，请写得更具体', en: 'matches every request URL; make it more specific' };
  return null;
});

/** A RegExp source tested against a request field's value (any valid RegExp). */
export const fieldPattern = checkedString((v) => {
  const re = compiled(v);
  return re instanceof RegExp ? null : re;
});

/** A RegExp source with a capturing group: its first group is an item id. */
export const idPattern = checkedString((v) => {
  const re = compiled(v);
  if (!(re instanceof RegExp)) return re;
  // `source|` matches the empty string, and its match array has one slot per capturing group.
  if (new RegExp(`${re.source}|`).exec('')!.length < 2) {
    return { zh: '需要一个捕获组 (…) 来取出编号', en: 'needs a capturing group (…) that holds the id' };
  }
  return null;
});

export const phone = checkedString(phoneProblem);
export const email = checkedString(emailProblem);

export const severity = z.enum(['block', 'warn', 'info']);

function base64Bytes(check: (n: number) => boolean, need: Localized) {
  return checkedString((v) => {
    const bytes = fromBase64(v);
    if (!bytes) return { zh: '不是有效的 Base64', en: 'is not valid base64' };
    return check(bytes.length) ? null : need;
  });
}

export { MIN_PIN_ITERATIONS, MAX_PIN_ITERATIONS } from './limits';

/** A stored PIN: never the PIN, only PBKDF2-SHA256 over it with its own salt. Messages never show values. */
export const pinRecord = z.strictObject({
  algorithm: z.literal('PBKDF2-SHA256'),
  iterations: z.int().min(MIN_PIN_ITERATIONS).max(MAX_PIN_ITERATIONS),
  salt: base64Bytes((n) => n >= 16, { zh: '至少需要 16 字节', en: 'must be at least 16 bytes' }),
  hash: base64Bytes((n) => n === 32, { zh: '必须是 32 字节', en: 'must be exactly 32 bytes' }),
});

export const collectorUrl = checkedString((v) => {
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return { zh: '不是有效的网址', en: 'is not a valid URL' };
  }
  if (url.username || url.password) return { zh: '网址中不能包含用户名或密码', en: 'must not contain a user name or password' };
  if (url.protocol === 'https:') return null;
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol === 'http:' && local) return null;
  // Audit records name people and drafts: they cross the network only encrypted.
  return { zh: '必须使用 https（http 仅限 localhost 或 127.0.0.1）', en: 'must use https (http only for localhost or 127.0.0.1)' };
});

/** The unit's token for the collector (printed by `npm run collector -- add-unit`); a secret, so only its shape is checked. */
export const collectorToken = checkedString((v) =>
  /^[A-Za-z0-9_-]{20,200}$/.test(v) ? null : { zh: '必须是汇总服务 add-unit 命令给出的令牌（20 至 200 个字母、数字、_ 或 -）', en: 'must be the token the collector’s add-unit command printed (20–200 letters, digits, _ or -)' },
);
