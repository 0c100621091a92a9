import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../lib/policy/defaults';
import { applyCandidate, parsePolicyJson } from '../../lib/policy/validate';
import { fullPolicy } from './helpers';

describe('parsePolicyJson', () => {
  it('accepts a policy file, with or without a byte-order mark', () => {
    const text = JSON.stringify(fullPolicy(), null, 2);
    expect(parsePolicyJson(text)).toMatchObject({ ok: true });
    expect(parsePolicyJson(`\uFEFF${text}`)).toMatchObject({ ok: true });
  });

  it('reports broken JSON as one problem with its line and column, without quoting the file', () => {
    const text = '{\n  "version": 2,\n  "origins": ["http://localhost/*"\n  "salt": "c2VjcmV0c2FsdHZhbHVlMTIzNA=="\n}';
    const result = parsePolicyJson(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    const [problem] = result.problems;
    expect(problem?.path).toBe('');
    expect(problem?.zh).toMatch(/^策略：不是有效的 JSON（第 4 行第 \d+ 列附近）$/);
    expect(problem?.en).toMatch(/^policy: is not valid JSON \(near line 4, column \d+\)$/);
    expect(problem?.zh).not.toContain('c2VjcmV0');
    expect(problem?.en).not.toContain('c2VjcmV0');
  });

  it('reports an empty file', () => {
    const result = parsePolicyJson('');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.zh).toContain('不是有效的 JSON');
  });

  it('validates what parses', () => {
    const result = parsePolicyJson('{"version": 2}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toContain('origins');
  });
});

describe('applyCandidate: bad input never wins', () => {
  it('keeps the current policy, untouched, when the candidate is invalid', () => {
    const current = fullPolicy();
    const snapshot = structuredClone(current);
    const candidate = { ...fullPolicy(), origins: ['<all_urls>'] };
    const applied = applyCandidate(current, candidate);
    expect(applied.accepted).toBe(false);
    expect(applied.policy).toBe(current);
    expect(current).toEqual(snapshot);
    expect(applied.problems.map((p) => p.path)).toEqual(['origins[0]']);
  });

  it('keeps the current policy for input that is not a policy at all', () => {
    const current = fullPolicy();
    for (const input of [undefined, null, 'x', { version: 9 }]) {
      const applied = applyCandidate(current, input);
      expect(applied).toMatchObject({ accepted: false });
      expect(applied.policy).toBe(current);
      expect(applied.problems.length).toBeGreaterThan(0);
    }
  });

  it('takes a valid candidate, and reports a migration', () => {
    const applied = applyCandidate(DEFAULT_POLICY, fullPolicy());
    expect(applied).toEqual({ policy: fullPolicy(), accepted: true, problems: [] });
    const migrated = applyCandidate(DEFAULT_POLICY, { version: 1, sites: ['http://cms.example.gov.cn'], words: [], reviewers: [] });
    expect(migrated).toMatchObject({ accepted: true, migratedFrom: 1 });
  });

  it('fills defaults the file may leave out', () => {
    const p: Record<string, unknown> = { ...fullPolicy() };
    delete p.meta;
    delete p.unit;
    p.allowList = {};
    p.adapters = [{ id: 'x', name: 'x', match: ['https://cms.example.gov.cn/*'], editor: { kind: 'textarea' }, fields: {} }];
    const applied = applyCandidate(DEFAULT_POLICY, p);
    expect(applied.accepted).toBe(true);
    expect(applied.policy.meta).toEqual({});
    // A policy written before the unit's name existed still applies, with no name yet.
    expect(applied.policy.unit).toEqual({ name: '' });
    expect(applied.policy.allowList).toEqual({ phones: [], emails: [] });
    expect(applied.policy.adapters[0]).toMatchObject({ publishButtons: [], publishRequests: [] });
  });
});

describe('unit name', () => {
  it('is trimmed, and refused past 100 characters with the path named', () => {
    const ok = applyCandidate(DEFAULT_POLICY, { ...fullPolicy(), unit: { name: '  示例县人民政府办公室 ' } });
    expect(ok.policy.unit).toEqual({ name: '示例县人民政府办公室' });
    const long = applyCandidate(DEFAULT_POLICY, { ...fullPolicy(), unit: { name: '办'.repeat(101) } });
    expect(long.accepted).toBe(false);
    expect(long.problems.map((p) => p.path)).toEqual(['unit.name']);
    expect(long.problems[0]!.zh).toContain('单位');
  });
});
