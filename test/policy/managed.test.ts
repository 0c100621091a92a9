import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../lib/policy/defaults';
import { lockedKeys, mergeManaged } from '../../lib/policy/managed';
import { MANAGED_SCHEMA, managedSchemaJson } from '../../lib/policy/managed-schema';
import { POLICY_KEYS } from '../../lib/policy/schema';
import { schemaProblems, valueProblems } from './chrome-schema';
import { fullPolicy, reviewer } from './helpers';

const SCHEMA_FILE = new URL('../../public/managed-schema.json', import.meta.url);

describe('the managed_schema', () => {
  it('is the file in public/ (regenerate: npx tsx lib/policy/gen-managed-schema.ts)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(managedSchemaJson());
  });

  it('uses only what Chrome supports, with an object at the top and no additionalProperties there', () => {
    expect(schemaProblems(MANAGED_SCHEMA)).toEqual([]);
    expect(MANAGED_SCHEMA.type).toBe('object');
    expect(MANAGED_SCHEMA.additionalProperties).toBeUndefined();
  });

  it('declares every top-level policy key', () => {
    expect(Object.keys(MANAGED_SCHEMA.properties ?? {}).sort()).toEqual(['version', ...POLICY_KEYS].sort());
  });

  it('fits the default policy and a policy using every optional field (Chrome would not drop them)', () => {
    expect(valueProblems(DEFAULT_POLICY, MANAGED_SCHEMA)).toEqual([]);
    const p = fullPolicy();
    p.adapters[0]!.editor = { kind: 'ueditor', framePath: ['iframe#main'], selector: '#ueditor_0' };
    p.adapters[0]!.fields = { framePath: ['iframe#main'], title: '#t', channel: '#c', category: '#k', disclosure: '#d', reviewer: '#r', publisher: '#p', attachments: '.a' };
    p.customWords = [{ word: '内部讨论稿', severity: 'block', note: '未定稿' }];
    p.audit.collectorUrl = 'https://audit.example.gov.cn/';
    p.meta = { name: 'n', note: 'n', updatedAt: '2025-06-01T09:00:00+08:00', updatedBy: 'it' };
    expect(valueProblems(p, MANAGED_SCHEMA)).toEqual([]);
  });
});

describe('lockedKeys', () => {
  it('lists the policy keys the payload sets, in policy order, never version', () => {
    expect(lockedKeys({ reviewers: [], version: 2, origins: [] })).toEqual(['origins', 'reviewers']);
    expect(lockedKeys({})).toEqual([]);
    expect(lockedKeys(undefined)).toEqual([]);
    expect(lockedKeys('origins')).toEqual([]);
  });
});

describe('mergeManaged', () => {
  it('returns the local policy unlocked when nothing is managed', () => {
    const local = fullPolicy();
    expect(mergeManaged(local, undefined)).toEqual({ policy: local, locked: [], problems: [] });
    expect(mergeManaged(local, {})).toEqual({ policy: local, locked: [], problems: [] });
  });

  it('replaces and locks the keys IT sets, and keeps the rest local', () => {
    const local = fullPolicy();
    const managed = { origins: ['https://cms.example.gov.cn/*'], audit: { retentionDays: 1095 } };
    const merged = mergeManaged(local, managed);
    expect(merged.problems).toEqual([]);
    expect(merged.locked).toEqual(['origins', 'audit']);
    expect(merged.policy.origins).toEqual(managed.origins);
    expect(merged.policy.audit).toEqual({ retentionDays: 1095 });
    expect(merged.policy.reviewers).toEqual(local.reviewers);
    expect(merged.policy.adapters).toEqual(local.adapters);
  });

  it('keeps the local policy and locks nothing when the managed payload is invalid', () => {
    const local = fullPolicy();
    const merged = mergeManaged(local, { origins: ['https://cms.example.gov.cn/*'], audit: { retentionDays: 3 } });
    expect(merged.policy).toBe(local);
    expect(merged.locked).toEqual([]);
    expect(merged.problems.map((p) => p.path)).toEqual(['audit.retentionDays']);
  });

  it('checks managed keys against the local ones they meet (important categories need a principal)', () => {
    const local = fullPolicy();
    const merged = mergeManaged(local, { reviewers: [reviewer('x')] });
    expect(merged.policy).toBe(local);
    expect(merged.problems.map((p) => p.path)).toEqual(['reviewers']);
  });

  it('reports unknown keys, a wrong version and a payload that is not an object', () => {
    const local = fullPolicy();
    const unknown = mergeManaged(local, { origin: ['https://cms.example.gov.cn/*'] });
    expect(unknown.policy).toBe(local);
    expect(unknown.problems).toEqual([{ path: 'origin', zh: '策略：origin 不是可识别的策略项（拼写错误？）', en: 'origin: is not a known policy key (misspelt?)' }]);
    expect(mergeManaged(local, { version: 1, origins: ['https://cms.example.gov.cn/*'] }).problems.map((p) => p.path)).toEqual(['version']);
    expect(mergeManaged(local, 'x').problems.map((p) => p.path)).toEqual(['']);
    expect(mergeManaged(local, { version: 2, signoff: { validMinutes: 60 } })).toMatchObject({ locked: ['signoff'], problems: [] });
  });
});
