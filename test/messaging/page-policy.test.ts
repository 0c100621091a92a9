import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPolicyHandlers } from '../../lib/messaging/handlers';
import { isCovered, urlMatches } from '../../lib/messaging/page-policy';
import { LOCAL_POLICY_KEY, createPolicyStore } from '../../lib/policy/store';
import { fullPolicy } from '../policy/helpers';

describe('urlMatches', () => {
  it.each([
    ['https://cms.example.gov.cn/*', 'https://cms.example.gov.cn/admin/edit?id=3', true],
    ['https://cms.example.gov.cn/*', 'http://cms.example.gov.cn/', false],
    ['*://cms.example.gov.cn/*', 'http://cms.example.gov.cn/', true],
    ['https://*.example.gov.cn/*', 'https://a.b.example.gov.cn/x', true],
    ['https://*.example.gov.cn/*', 'https://example.gov.cn/x', true],
    ['https://*.example.gov.cn/*', 'https://badexample.gov.cn/x', false],
    ['http://10.1.2.3:8080/*', 'http://10.1.2.3:8080/cms', true],
    ['http://10.1.2.3:8080/*', 'http://10.1.2.3/cms', false],
    ['http://localhost/*', 'http://localhost:3000/cms', true],
    ['https://cms.example.gov.cn/admin/*', 'https://cms.example.gov.cn/admin/article.do', true],
    ['https://cms.example.gov.cn/admin/*', 'https://cms.example.gov.cn/public/x', false],
    ['https://cms.example.gov.cn/*', 'about:blank', false],
    ['https://cms.example.gov.cn/*', 'not a url', false],
    ['<all_urls>', 'https://cms.example.gov.cn/', false],
  ])('%s ~ %s → %s', (pattern, url, expected) => {
    expect(urlMatches(pattern, url)).toBe(expected);
  });
});

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
    expect(isCovered(fullPolicy(), 'http://10.1.2.3:8080/x')).toBe(true);
    store.dispose();
  });
});
