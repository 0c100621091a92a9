import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPolicyHandlers } from '../../lib/messaging/handlers';
import { LOCAL_POLICY_KEY, createPolicyStore } from '../../lib/policy/store';
import { fullPolicy } from '../policy/helpers';

describe('getPolicyForPage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('gives a covered page its adapter and settings, and never a PIN record', async () => {
    await fakeBrowser.storage.local.set({ [LOCAL_POLICY_KEY]: fullPolicy() });
    const store = createPolicyStore(fakeBrowser.storage);
    const page = await createPolicyHandlers(store).getPolicyForPage('https://cms.example.gov.cn/admin/edit.do');
    expect(page.covered).toBe(true);
    expect(page.adapter?.id).toBe('cms');
    expect(page.rules.mobile).toEqual({ enabled: true, severity: 'warn', overridable: true });
    expect(page.reviewers.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(JSON.stringify(page)).not.toContain('PBKDF2');
    expect(JSON.stringify(page)).not.toContain(fullPolicy().reviewers[0]?.pin.hash);
    store.dispose();
  });

  it('tells an uncovered page nothing but that', async () => {
    await fakeBrowser.storage.local.set({ [LOCAL_POLICY_KEY]: fullPolicy() });
    const store = createPolicyStore(fakeBrowser.storage);
    const page = await createPolicyHandlers(store).getPolicyForPage('https://news.example.com/');
    expect(page).toMatchObject({ covered: false, adapter: null, reviewers: [], catalogue: [], customWords: [] });
    store.dispose();
  });

  it('holds an origin with a port to that port: another port of the same host is not covered', async () => {
    // On Firefox the scripts run on every port of 10.1.2.3 (lib/policy/host-access.ts); only 8080 is the CMS.
    await fakeBrowser.storage.local.set({ [LOCAL_POLICY_KEY]: fullPolicy() });
    const store = createPolicyStore(fakeBrowser.storage);
    const h = createPolicyHandlers(store);
    expect((await h.getPolicyForPage('http://10.1.2.3:8080/wcm/edit.do')).covered).toBe(true);
    expect(await h.getPolicyForPage('http://10.1.2.3:9090/wcm/edit.do')).toMatchObject({ covered: false, reviewers: [], catalogue: [] });
    expect((await h.getPolicyForPage('http://10.1.2.3/wcm/edit.do')).covered).toBe(false);
    store.dispose();
  });
});
