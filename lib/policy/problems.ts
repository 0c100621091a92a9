/**
 * Turns zod issues into problems an administrator can act on: the path as written in the policy
 * file, and a sentence in Chinese and English per issue code. Messages never include the value that
 * failed (it may be a PIN hash or salt); only the limits and choices the schema allows.
 */
import type { z } from 'zod';
import { isRecord } from './fields';
import { isItem, joinZh, segmentLabel, UNITS, type Segment } from './labels';

export interface Problem {
  /** e.g. `reviewers[2].pin.iterations`; '' for the policy as a whole. */
  path: string;
  zh: string;
  en: string;
}

const ZH_TYPES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  array: '列表（[…]）',
  object: '对象（{…}）',
  record: '对象（{…}）',
};

const EN_TYPES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  array: 'a list ([…])',
  object: 'an object ({…})',
  record: 'an object ({…})',
};

export function renderPath(path: readonly Segment[]): string {
  return path.reduce<string>((acc, s) => {
    if (typeof s === 'number') return `${acc}[${s}]`;
    return acc === '' ? s : `${acc}.${s}`;
  }, '');
}

/** 「审核人列表第 3 项」 + 「PIN 迭代次数」: where the item is, then which field of it. */
function zhWhereAndField(path: readonly Segment[]): [string, string] {
  let lastItem = -1;
  path.forEach((_, i) => {
    if (isItem(path, i)) lastItem = i;
  });
  const labels = path.map((_, i) => segmentLabel(path, i));
  if (lastItem < 0) {
    return path.length > 1 ? [labels[0] ?? '', joinZh(labels.slice(1))] : ['策略', labels[0] ?? ''];
  }
  let where = '';
  labels.slice(0, lastItem + 1).forEach((label, i) => {
    // An item attaches to its list (「审核人列表第 3 项」); a field of an item takes 的.
    where += i === 0 || isItem(path, i) ? label : `的${label}`;
  });
  return [where, joinZh(labels.slice(lastItem + 1))];
}

function valueAt(root: unknown, path: readonly Segment[]): { found: boolean; value: unknown } {
  let cur: unknown = root;
  for (const s of path) {
    if (Array.isArray(cur) && typeof s === 'number') cur = cur[s];
    else if (isRecord(cur) && typeof s === 'string' && Object.hasOwn(cur, s)) cur = cur[s];
    else return { found: false, value: undefined };
  }
  return { found: true, value: cur };
}

function list(values: readonly unknown[], sep: string): string {
  return values.map((v) => String(v)).join(sep);
}

/** The sentence for one issue, without its location. */
function describe(issue: z.core.$ZodIssue, path: readonly Segment[], input: unknown): { zh: string; en: string } {
  const last = path[path.length - 1];
  const unit = (typeof last === 'string' && UNITS[last]) || { zh: '', en: '' };
  switch (issue.code) {
    case 'invalid_type': {
      if (!valueAt(input, path).found) return { zh: '为必填项', en: 'is required' };
      const zh = ZH_TYPES[issue.expected] ?? issue.expected;
      const en = EN_TYPES[issue.expected] ?? issue.expected;
      return { zh: joinZh(['应为', zh]), en: `must be ${en}` };
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'array') return { zh: `至少需要 ${min} 项`, en: `needs at least ${min} item${min === '1' ? '' : 's'}` };
      if (issue.origin === 'string') return min === '1' ? { zh: '不能为空', en: 'must not be empty' } : { zh: `至少 ${min} 个字符`, en: `must be at least ${min} characters` };
      if (issue.inclusive === false) return { zh: `必须大于 ${min}${unit.zh}`, en: `must be more than ${min}${unit.en}` };
      return { zh: `至少为 ${min}${unit.zh}`, en: `at least ${min}${unit.en}` };
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'array') return { zh: `最多 ${max} 项`, en: `at most ${max} items` };
      if (issue.origin === 'string') return { zh: `最多 ${max} 个字符`, en: `at most ${max} characters` };
      return { zh: `最多为 ${max}${unit.zh}`, en: `at most ${max}${unit.en}` };
    }
    case 'invalid_value':
      if (issue.values.length === 1) return { zh: `必须为 ${list(issue.values, '')}`, en: `must be ${list(issue.values, '')}` };
      return { zh: `必须是以下之一：${list(issue.values, '、')}`, en: `must be one of ${list(issue.values, ', ')}` };
    case 'invalid_format':
      if (issue.format === 'datetime') {
        return { zh: '应为带时区的 ISO 8601 时间，如 2025-01-31T09:00:00+08:00', en: 'must be an ISO 8601 time with offset, e.g. 2025-01-31T09:00:00+08:00' };
      }
      return { zh: '格式不正确', en: 'has the wrong format' };
    case 'custom': {
      const p: unknown = issue.params;
      if (isRecord(p) && typeof p.zh === 'string' && typeof p.en === 'string') return { zh: p.zh, en: p.en };
      return { zh: '不符合要求', en: 'is not valid' };
    }
    default:
      return { zh: '格式不正确', en: 'is not valid' };
  }
}

export function problemAt(path: readonly Segment[], text: { zh: string; en: string }): Problem {
  const [where, field] = zhWhereAndField(path);
  return { path: renderPath(path), zh: `${where}：${joinZh([field, text.zh])}`, en: `${renderPath(path) || 'policy'}: ${text.en}` };
}

const UNKNOWN_KEY = { zh: '不是可识别的字段（拼写错误，或属于其他版本？）', en: 'is not a known field (misspelt, or from another version?)' };

/** Every issue as a problem, in the order zod found them, without duplicates. */
export function toProblems(issues: readonly z.core.$ZodIssue[], input: unknown): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  const add = (p: Problem) => {
    const key = `${p.path}\n${p.en}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(p);
  };
  for (const issue of issues) {
    const path = issue.path.filter((s): s is Segment => typeof s !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add(problemAt([...path, key], UNKNOWN_KEY));
    } else {
      add(problemAt(path, describe(issue, path, input)));
    }
  }
  return out;
}
