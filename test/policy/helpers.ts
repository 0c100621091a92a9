/** Shared fixtures for the policy tests: a valid policy to break one way at a time. */
import { expect } from 'vitest';
import { toBase64 } from '../../lib/policy/base64';
import { DEFAULT_POLICY } from '../../lib/policy/defaults';
import type { Policy, PinRecord, Reviewer } from '../../lib/policy/schema';
import { parsePolicy, type Problem } from '../../lib/policy/validate';

/** Looks like a real record to the schema (sizes, iterations); it verifies no PIN. */
export const FAKE_PIN: PinRecord = {
  algorithm: 'PBKDF2-SHA256',
  iterations: 210_000,
  salt: toBase64(new Uint8Array(16).fill(7)),
  hash: toBase64(new Uint8Array(32).fill(9)),
};

export function reviewer(id: string, role: Reviewer['role'] = 'reviewer'): Reviewer {
  return { id, name: `审核人${id}`, unit: '示例县人民政府办公室', role, pin: { ...FAKE_PIN } };
}

/** A policy with a roster and an adapter, so every part has something to break. */
export function fullPolicy(): Policy {
  const p = structuredClone(DEFAULT_POLICY);
  p.origins = ['https://cms.example.gov.cn/*', 'http://10.1.2.3:8080/*'];
  p.adapters = [
    {
      id: 'cms',
      name: '示例 CMS',
      match: ['https://cms.example.gov.cn/admin/*'],
      editor: { kind: 'ueditor' },
      fields: { title: '#title', category: 'select[name="category"]' },
      publishButtons: ['#publish'],
      publishRequests: [{ method: 'POST', urlPattern: '/article/publish' }],
    },
  ];
  p.reviewers = [reviewer('a'), reviewer('b'), reviewer('c', 'principal')];
  return p;
}

// Untyped JSON: the cases write what the Policy type forbids.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyJson = Record<string, any>;

/** Applies `change` to a copy of a valid policy and parses it. */
export function problemsAfter(change: (p: AnyJson) => void): Problem[] {
  const p = structuredClone(fullPolicy()) as AnyJson;
  change(p);
  const result = parsePolicy(p);
  expect(result.ok, 'the changed policy should be rejected').toBe(false);
  return result.ok ? [] : result.problems;
}

export const CHINESE = /[\u4e00-\u9fff]/;

/** The one problem at `path`, checked for a Chinese and an English message that name it. */
export function problemAt(problems: Problem[], path: string): Problem {
  const found = problems.find((p) => p.path === path);
  expect(found, `no problem at ${path}; got ${problems.map((p) => p.path).join(', ')}`).toBeDefined();
  const problem = found as Problem;
  expect(problem.zh).toMatch(CHINESE);
  expect(problem.en.startsWith(`${path}: `)).toBe(true);
  return problem;
}
