import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPolicyHandlers } from '../../lib/messaging/handlers';
import { OPAQUE_UNNAMED } from '../../lib/messaging/page-policy';
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

  it('an opaque frame that cannot name its page is answered for its tab, and covered even when the tab is not the policy\'s', async () => {
    // a data: frame in a data: frame, a frame behind referrerpolicy=no-referrer, an <embed>'s document:
    // its script was injected only because its maker's origin is registered (lib/content/gate/policy-url.ts)
    await fakeBrowser.storage.local.set({ [LOCAL_POLICY_KEY]: fullPolicy() });
    const store = createPolicyStore(fakeBrowser.storage);
    const h = createPolicyHandlers(store);
    const inCms = await h.getPolicyForPage(OPAQUE_UNNAMED, 'https://cms.example.gov.cn/admin/edit.do');
    expect(inCms.covered).toBe(true);
    expect(inCms.reviewers.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect((await h.getPolicyForPage(OPAQUE_UNNAMED, 'https://news.example.com/'))).toMatchObject({ covered: true, adapter: null });
    expect((await h.getPolicyForPage(OPAQUE_UNNAMED)).covered).toBe(true);
    // its own address stays uncovered where it names an uncovered page
    expect((await h.getPolicyForPage('about:srcdoc', 'https://cms.example.gov.cn/admin/edit.do')).covered).toBe(false);
    store.dispose();
  });
});
