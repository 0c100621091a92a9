import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_POLICY } from '../../lib/policy/defaults';
import { createPolicyStore, LAST_GOOD_MANAGED_KEY, LOCAL_POLICY_KEY, type PolicyStore, type StorageLike } from '../../lib/policy/store';
import { CHINESE, fullPolicy, reviewer } from './helpers';

const MANAGED_ORIGINS = ['https://cms.county.gov.cn/*'];

let stores: PolicyStore[] = [];

function open(storage: StorageLike = fakeBrowser.storage): PolicyStore {
  const store = createPolicyStore(storage);
  stores.push(store);
  return store;
}

async function localPolicy(): Promise<unknown> {
  return (await fakeBrowser.storage.local.get(LOCAL_POLICY_KEY))[LOCAL_POLICY_KEY];
}

beforeEach(() => {
  fakeBrowser.reset();
  stores = [];
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  stores.forEach((s) => s.dispose());
  vi.restoreAllMocks();
});

describe('policy in force', () => {
  it('is the built-in default on a fresh install', async () => {
    const store = open();
    await store.ready;
    expect(store.state()).toEqual({ policy: DEFAULT_POLICY, locked: [], problems: [], source: 'default' });
  });

  it('is the stored local policy when it validates', async () => {
    await fakeBrowser.storage.local.set({ [LOCAL_POLICY_KEY]: fullPolicy() });
    const store = open();
    await store.ready;
    expect(store.state().policy.origins).toEqual(fullPolicy().origins);
    expect(store.state().source).toBe('local');
  });

  it('keeps the defaults and reports the problems when the stored local policy is broken', async () => {
    await fakeBrowser.storage.local.set({ [LOCAL_POLICY_KEY]: { ...fullPolicy(), signoff: { validMinutes: 0 } } });
    const store = open();
    await store.ready;
    expect(store.state().policy).toEqual(DEFAULT_POLICY);
    expect(store.state().problems.map((p) => [p.source, p.path])).toEqual([['local', 'signoff.validMinutes']]);
  });
});

describe('managed policy', () => {
  it('overrides and locks exactly the keys it sets', async () => {
    await fakeBrowser.storage.local.set({ [LOCAL_POLICY_KEY]: { ...fullPolicy(), adapters: [] } });
    await fakeBrowser.storage.managed.set({ origins: MANAGED_ORIGINS, signoff: { validMinutes: 10 } });
    const store = open();
    await store.ready;
    const { policy, locked, source, problems } = store.state();
    expect(locked).toEqual(['origins', 'signoff']);
    expect(policy.origins).toEqual(MANAGED_ORIGINS);
    expect(policy.signoff.validMinutes).toBe(10);
    expect(policy.reviewers).toEqual(fullPolicy().reviewers);
    expect(source).toBe('managed');
    expect(problems).toEqual([]);
  });

  it('applies a change pushed while running (storage.onChanged, area managed)', async () => {
    const store = open();
    await store.ready;
    const seen = vi.fn();
    store.subscribe(seen);
    await fakeBrowser.storage.managed.set({ origins: MANAGED_ORIGINS });
    await vi.waitFor(() => expect(store.state().locked).toEqual(['origins']));
    expect(seen).toHaveBeenCalled();
  });

  it('keeps the previous policy and its locks when a broken payload arrives, and records every problem', async () => {
    await fakeBrowser.storage.managed.set({ origins: MANAGED_ORIGINS });
    const store = open();
    await store.ready;
    const before = store.state();
    await fakeBrowser.storage.managed.set({ origins: ['<all_urls>'], signoff: { validMinutes: 'soon' } });
    await vi.waitFor(() => expect(store.state().problems.length).toBeGreaterThan(0));
    const after = store.state();
    expect(after.policy).toEqual(before.policy);
    expect(after.locked).toEqual(['origins']);
    expect(after.problems.every((p) => p.source === 'managed')).toBe(true);
    expect(after.problems.map((p) => p.path).sort()).toEqual(['origins[0]', 'signoff.validMinutes']);
    for (const p of after.problems) expect(p.zh).toMatch(CHINESE);
  });

  it('still keeps the last accepted payload after a restart (the service worker forgets, storage does not)', async () => {
    await fakeBrowser.storage.managed.set({ origins: MANAGED_ORIGINS });
    const first = open();
    await first.ready;
    first.dispose();
    expect((await fakeBrowser.storage.local.get(LAST_GOOD_MANAGED_KEY))[LAST_GOOD_MANAGED_KEY]).toEqual({ origins: MANAGED_ORIGINS });
    await fakeBrowser.storage.managed.set({ origins: 'not a list' });
    const second = open();
    await second.ready;
    expect(second.state().policy.origins).toEqual(MANAGED_ORIGINS);
    expect(second.state().locked).toEqual(['origins']);
    expect(second.state().problems.map((p) => p.path)).toEqual(['origins']);
  });

  it('falls back to the local policy, unlocked, when the first payload ever seen is broken', async () => {
    await fakeBrowser.storage.managed.set({ reviewers: [{ ...reviewer('x'), pin: { algorithm: 'MD5' } }], colour: 'red' });
    const store = open();
    await store.ready;
    expect(store.state().policy).toEqual(DEFAULT_POLICY);
    expect(store.state().locked).toEqual([]);
    const paths = store.state().problems.map((p) => p.path);
    expect(paths).toContain('colour');
    expect(paths.some((p) => p.startsWith('reviewers[0].pin'))).toBe(true);
  });

  it('unlocks everything when the administrator removes the payload', async () => {
    await fakeBrowser.storage.managed.set({ origins: MANAGED_ORIGINS });
    const store = open();
    await store.ready;
    await fakeBrowser.storage.managed.clear();
    await vi.waitFor(() => expect(store.state().locked).toEqual([]));
    expect(store.state().policy.origins).toEqual(DEFAULT_POLICY.origins);
    expect((await fakeBrowser.storage.local.get(LAST_GOOD_MANAGED_KEY))[LAST_GOOD_MANAGED_KEY]).toBeUndefined();
  });

  it('treats a throwing storage.managed (Firefox without policies.json) as no managed policy', async () => {
    const storage: StorageLike = {
      local: fakeBrowser.storage.local,
      managed: { get: () => Promise.reject(new Error('Managed storage manifest not found')) },
      onChanged: fakeBrowser.storage.onChanged,
    };
    const store = open(storage);
    await store.ready;
    expect(store.state()).toMatchObject({ locked: [], problems: [], source: 'default' });
  });
});

describe('savePolicy', () => {
  it('stores a valid candidate whole and puts it in force', async () => {
    const store = open();
    await store.ready;
    const result = await store.save(fullPolicy());
    expect(result.accepted).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.state.policy.origins).toEqual(fullPolicy().origins);
    expect(await localPolicy()).toEqual(fullPolicy());
  });

  it('rejects an invalid candidate with every problem and changes nothing', async () => {
    const store = open();
    await store.ready;
    const result = await store.save({ ...fullPolicy(), origins: ['ftp://x/*'], signoff: { validMinutes: 0 } });
    expect(result.accepted).toBe(false);
    expect(result.problems.map((p) => p.path).sort()).toEqual(['origins[0]', 'signoff.validMinutes']);
    expect(store.state().policy).toEqual(DEFAULT_POLICY);
    expect(await localPolicy()).toBeUndefined();
  });

  it('refuses to change a key the administrator locked, saying so by path in Chinese and English', async () => {
    await fakeBrowser.storage.managed.set({ origins: MANAGED_ORIGINS });
    const store = open();
    await store.ready;
    const candidate = { ...store.state().policy, origins: ['https://elsewhere.gov.cn/*'], customWords: [{ word: '内部', severity: 'warn' }] };
    const result = await store.save(candidate);
    expect(result.accepted).toBe(false);
    expect(result.problems).toEqual([
      { path: 'origins', zh: expect.stringContaining('由管理员设定') as string, en: 'origins: is set by your administrator and cannot be changed here' },
    ]);
    expect(store.state().policy.customWords).toEqual([]);
    expect(await localPolicy()).toBeUndefined();
  });

  it('accepts changes to unlocked keys while locked keys keep the managed value', async () => {
    await fakeBrowser.storage.managed.set({ origins: MANAGED_ORIGINS });
    const store = open();
    await store.ready;
    const result = await store.save({ ...store.state().policy, customWords: [{ word: '内部', severity: 'warn' }] });
    expect(result.accepted).toBe(true);
    expect(store.state().policy.customWords).toEqual([{ word: '内部', severity: 'warn' }]);
    expect(store.state().policy.origins).toEqual(MANAGED_ORIGINS);
  });

  it('rejects a candidate that does not hold together with the managed keys', async () => {
    await fakeBrowser.storage.managed.set({ origins: MANAGED_ORIGINS });
    const store = open();
    await store.ready;
    // The adapter lies outside the administrator's origins.
    const result = await store.save({ ...store.state().policy, adapters: fullPolicy().adapters });
    expect(result.accepted).toBe(false);
    expect(result.problems.map((p) => p.path)).toEqual(['adapters[0].match[0]']);
  });
});

describe('importPolicyJson', () => {
  it('keeps the previous policy when the file is not JSON', async () => {
    await fakeBrowser.storage.local.set({ [LOCAL_POLICY_KEY]: fullPolicy() });
    const store = open();
    await store.ready;
    const result = await store.importJson('{ "version": 2,\n  "origins": [');
    expect(result.accepted).toBe(false);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.zh).toContain('不是有效的 JSON');
    expect(store.state().policy).toEqual(fullPolicy());
  });

  it('keeps the previous policy when the file does not validate, listing every problem', async () => {
    const store = open();
    await store.ready;
    const broken = { ...fullPolicy(), signoff: { validMinutes: 0 }, requiredFields: ['title', 'colour'] };
    const result = await store.importJson(JSON.stringify(broken));
    expect(result.accepted).toBe(false);
    expect(result.problems.map((p) => p.path).sort()).toEqual(['requiredFields[1]', 'signoff.validMinutes']);
    expect(store.state().policy).toEqual(DEFAULT_POLICY);
  });

  it('applies a valid file (byte-order mark and all); locked keys keep the administrator values and are named', async () => {
    await fakeBrowser.storage.managed.set({ origins: ['https://cms.example.gov.cn/*'] });
    const store = open();
    await store.ready;
    const result = await store.importJson(`\uFEFF${JSON.stringify(fullPolicy())}`);
    expect(result.accepted).toBe(true);
    expect(result.ignoredLocked).toEqual(['origins']);
    expect(store.state().policy.origins).toEqual(['https://cms.example.gov.cn/*']);
    expect(store.state().policy.reviewers).toEqual(fullPolicy().reviewers);
  });
});
