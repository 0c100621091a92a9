import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../lib/policy/base64';
import { DEFAULT_POLICY } from '../../lib/policy/defaults';
import { V1_PIN_ITERATIONS, type PolicyV1 } from '../../lib/policy/legacy';
import { migrateToCurrent } from '../../lib/policy/migrate';
import { hashPin, verifyPin } from '../../lib/policy/pin';
import { parsePolicy } from '../../lib/policy/validate';
import { fullPolicy } from './helpers';

const SALT = toBase64(new Uint8Array(16).fill(1));
const HASH = toBase64(new Uint8Array(32).fill(2));

function v1(overrides: Partial<PolicyV1> = {}): PolicyV1 {
  return {
    version: 1,
    sites: ['http://cms.example.gov.cn', 'https://zwgk.example.gov.cn/', 'http://10.1.2.3:8080/wcm/index.jsp', 'http://cms.example.gov.cn/*'],
    words: ['内部讨论稿', ' 征求意见稿 ', '', '内部讨论稿'],
    unit: '示例县人民政府办公室',
    reviewers: [
      { name: '王丽', pinHash: HASH, salt: SALT },
      { name: '赵敏', pinHash: HASH, salt: SALT, principal: true },
    ],
    important: ['02', '06'],
    ...overrides,
  };
}

describe('migration from version 1 (0.1 local policies)', () => {
  it('produces a valid version-2 policy and says it migrated', () => {
    const result = parsePolicy(v1());
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(result.ok && result.migratedFrom).toBe(1);
  });

  it('turns sites into whole-site origins, without duplicates', () => {
    const result = parsePolicy(v1());
    expect(result.ok && result.policy.origins).toEqual(['http://cms.example.gov.cn/*', 'https://zwgk.example.gov.cn/*', 'http://10.1.2.3:8080/*']);
  });

  it('falls back to the default origins when 0.1 had none', () => {
    const result = parsePolicy(v1({ sites: [] }));
    expect(result.ok && result.policy.origins).toEqual(DEFAULT_POLICY.origins);
  });

  it('turns words into custom words at warn, trimmed and without blanks or duplicates', () => {
    const result = parsePolicy(v1());
    expect(result.ok && result.policy.customWords).toEqual([
      { word: '内部讨论稿', severity: 'warn' },
      { word: '征求意见稿', severity: 'warn' },
    ]);
  });

  it('keeps reviewers and their PIN records, with deterministic ids and the v1 iteration count', () => {
    const result = parsePolicy(v1());
    expect(result.ok && result.policy.reviewers).toEqual([
      { id: 'v1-reviewer-1', name: '王丽', unit: '示例县人民政府办公室', role: 'reviewer', pin: { algorithm: 'PBKDF2-SHA256', iterations: V1_PIN_ITERATIONS, salt: SALT, hash: HASH } },
      { id: 'v1-reviewer-2', name: '赵敏', unit: '示例县人民政府办公室', role: 'principal', pin: { algorithm: 'PBKDF2-SHA256', iterations: V1_PIN_ITERATIONS, salt: SALT, hash: HASH } },
    ]);
    expect(result.ok && result.policy.importantCategories).toEqual(['02', '06']);
  });

  it("keeps the unit's name for the review form", () => {
    const result = parsePolicy(v1());
    expect(result.ok && result.policy.unit).toEqual({ name: '示例县人民政府办公室' });
  });

  it('lets a reviewer sign in with the PIN set in 0.1', async () => {
    const old = await hashPin('135790', { iterations: V1_PIN_ITERATIONS });
    const result = parsePolicy(v1({ reviewers: [{ name: '王丽', pinHash: old.hash, salt: old.salt, principal: true }] }));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const pin = result.policy.reviewers[0]!.pin;
    expect(await verifyPin('135790', pin)).toBe(true);
    expect(await verifyPin('135791', pin)).toBe(false);
  });

  it('takes everything 0.1 did not have from the defaults', () => {
    const result = parsePolicy(v1({ important: undefined }));
    if (!result.ok) throw new Error('expected ok');
    const { policy } = result;
    expect(policy.rules).toEqual(DEFAULT_POLICY.rules);
    expect(policy.catalogue).toEqual(DEFAULT_POLICY.catalogue);
    expect(policy.importantCategories).toEqual(DEFAULT_POLICY.importantCategories);
    expect(policy.requiredFields).toEqual(DEFAULT_POLICY.requiredFields);
    expect(policy.adapters).toEqual([]);
  });

  it('is deterministic and idempotent', () => {
    const once = migrateToCurrent(v1());
    const again = migrateToCurrent(v1());
    expect(once).toEqual(again);
    if (!once.ok) throw new Error('expected ok');
    const twice = migrateToCurrent(once.value);
    expect(twice).toEqual({ ok: true, value: once.value, from: 2 });
  });

  it('reports v1 records that version 2 cannot accept, by their new path', () => {
    const result = parsePolicy(v1({ reviewers: [{ name: '王丽', pinHash: 'short', salt: SALT }] }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toEqual(['reviewers[0].pin.hash', 'reviewers']);
  });

  it('reports a malformed v1 policy by its v1 path', () => {
    const result = parsePolicy({ ...v1(), words: '内部讨论稿' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([{ path: 'words', zh: '策略：敏感词应为列表（[…]）', en: 'words: must be a list ([…])' }]);
  });
});

describe('version 2 and unknown versions', () => {
  it('passes version 2 through unchanged', () => {
    const p = fullPolicy();
    expect(migrateToCurrent(p)).toEqual({ ok: true, value: p, from: 2 });
    const result = parsePolicy(p);
    expect(result.ok && result.policy).toEqual(p);
    expect(result.ok && result.migratedFrom).toBeUndefined();
  });

  it.each([
    ['missing', undefined, '缺失'],
    ['newer', 3, '升级 Precheck'],
    ['a string', '2', '不是支持的版本'],
    ['zero', 0, '不是支持的版本'],
  ])('refuses a %s version with a clear message', (_, version, zh) => {
    const input: Record<string, unknown> = { ...fullPolicy(), version };
    if (version === undefined) delete input.version;
    const result = parsePolicy(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]?.path).toBe('version');
      expect(result.problems[0]?.zh).toContain(zh);
    }
  });
});
