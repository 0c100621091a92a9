// @vitest-environment happy-dom
/**
 * The popup's page parts: 当前页面 (the tab's state), 「扫描此页面」 (Readability text scanned in the
 * popup, compared with the sign-off), 编辑身份, and the plumbing that aims them all at one tab.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EditorIdentity, type IdentityApi } from '../../components/popup/EditorIdentity';
import { PageScan } from '../../components/popup/PageScan';
import { popupApis, tabIdFromSearch } from '../../components/popup/popup-api';
import { classifyError, NoTabError, scanPage, type PageScanDeps } from '../../components/popup/scan-page';
import { TabStateView } from '../../components/popup/TabStateView';
import type { DraftFindings, PostPublishResult, TabState } from '../../lib/messaging/protocol';
import { scan } from '../../lib/scan/engine';
import { pagePolicy } from '../../lib/messaging/page-policy';
import { DEFAULT_POLICY } from '../../lib/policy/defaults';
import type { ExtractedPage } from '../../lib/page/extract-main';
import { rules } from '../../rules';
import { click, render, settle, type, until, useLocale, type Rendered } from './helpers';

/**
 * The background, for popupApis: the fake browser's runtime.sendMessage ignores the callback the
 * messaging library waits on, so the library's sendMessage is replaced by these handlers.
 */
type Handler = (data: unknown) => unknown;
const background = vi.hoisted((): { handlers: Record<string, Handler> } => ({ handlers: {} }));
vi.mock('../../lib/messaging/protocol', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/messaging/protocol')>()),
  sendMessage: (type: string, data: unknown) => {
    const handler = background.handlers[type];
    return handler ? Promise.resolve(handler(data)) : Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
  },
}));

const RAW_ID = '11010519491231002X';
const LEAK: ExtractedPage = {
  url: 'http://portal.example.gov.cn/art/1.html',
  title: '关于最低生活保障新增对象的公示',
  text: `序号\t户主姓名\t身份证号\n1\t李某某\t${RAW_ID}\n公示期为5个工作日。`,
  sections: [],
};
const CLEAN: ExtractedPage = { url: 'http://portal.example.gov.cn/art/2.html', title: '关于做好汛期安全防范工作的通知', text: '各乡镇要压实防汛责任。', sections: [] };

let view: Rendered | undefined;

beforeEach(() => {
  fakeBrowser.reset();
  useLocale('zh_CN');
});

afterEach(() => {
  view?.unmount();
  view = undefined;
  vi.restoreAllMocks();
});

function deps(
  page: ExtractedPage | Error,
  check: PostPublishResult | Error = { found: false },
  draft: DraftFindings | Error | null = null,
): PageScanDeps & { checked: unknown[]; extracted: number } {
  const d = {
    checked: [] as unknown[],
    extracted: 0,
    draft: () => (draft instanceof Error ? Promise.reject(draft) : Promise.resolve(draft)),
    extract: () => {
      d.extracted++;
      return page instanceof Error ? Promise.reject(page) : Promise.resolve(page);
    },
    scanOptions: () => Promise.resolve({ rules }),
    candidates: (p: ExtractedPage) => Promise.resolve({ titles: [p.title], bodyDigests: [`digest-of-${p.text.length}`] }),
    postPublishCheck: (p: unknown) => {
      d.checked.push(p);
      return check instanceof Error ? Promise.reject(check) : Promise.resolve(check);
    },
  };
  return d;
}

describe('TabStateView', () => {
  const state: TabState = {
    findings: { block: 2, warn: 1, info: 0 },
    fields: [
      { name: 'title', label: '标题', ok: true, text: '关于春耕的通知' },
      { name: 'category', label: '信息类别', ok: false, text: '' },
    ],
    signoff: 'void',
    blocked: true,
    editor: '张三',
  };

  it('says Precheck is not active when no content script answers', async () => {
    view = await render(<TabStateView api={{ tabState: () => Promise.resolve(null) }} />);
    await settle();
    const el = view.container.querySelector('[data-tab-state]');
    expect(el?.getAttribute('data-tab-state')).toBe('inactive');
    expect(el?.textContent).toContain('此页面未启用发布前预检');
  });

  it('also when asking fails', async () => {
    view = await render(<TabStateView api={{ tabState: () => Promise.reject(new Error('x')) }} />);
    await settle();
    expect(view.container.textContent).toContain('此页面未启用发布前预检');
  });

  it('shows counts, fields with ✓/✗, the sign-off and the stopped publish', async () => {
    view = await render(<TabStateView api={{ tabState: () => Promise.resolve(state) }} />);
    await settle();
    const el = view.container.querySelector('[data-tab-state="active"]');
    expect(el?.querySelector('[data-severity="block"]')?.textContent).toBe('阻止 2');
    expect(el?.querySelector('[data-severity="warn"]')?.textContent).toBe('警告 1');
    expect(el?.querySelector('[data-severity="info"]')?.textContent).toBe('提示 0');
    expect(el?.querySelector('[data-field="title"]')?.textContent).toBe('✓ 标题：关于春耕的通知');
    expect(el?.querySelector('[data-field="category"]')?.textContent).toBe('✗ 信息类别');
    expect(el?.querySelector('[data-signoff]')?.textContent).toBe('签发状态：内容已修改，需重新签发');
    expect(el?.querySelector('[data-blocked]')).not.toBeNull();
  });

  it.each([
    ['none', '未签发'],
    ['partial', '部分签发'],
    ['signed', '已签发'],
  ] as const)('names the sign-off state %s', async (signoff, label) => {
    view = await render(<TabStateView api={{ tabState: () => Promise.resolve({ ...state, signoff, blocked: false }) }} />);
    await settle();
    expect(view.container.querySelector('[data-signoff]')?.textContent).toBe(`签发状态：${label}`);
    expect(view.container.querySelector('[data-blocked]')).toBeNull();
  });
});

describe('scanPage', () => {
  it('scans title and text, and checks the body digest against the sign-off', async () => {
    const d = deps(LEAK, { found: true, result: 'matches', recordSeq: 3, title: 'x', publishedAt: '2024-06-03' });
    const outcome = await scanPage(d);
    expect(outcome.ok && outcome.findings.map((f) => [f.kind, f.severity, f.excerpt])).toEqual([['cn-id', 'block', '110*************2X']]);
    expect(outcome.ok && outcome.check).toMatchObject({ found: true, result: 'matches' });
    // Only the digest of the body travels, never the text.
    expect(d.checked).toEqual([{ url: LEAK.url, titles: [LEAK.title], bodyDigests: [`digest-of-${LEAK.text.length}`] }]);
  });

  it("on an edit page, reports the draft's findings as the tab has them, worst first, and reads nothing of the page", async () => {
    const body = scan(`邮箱 wangli@163.com；身份证号 ${RAW_ID}`, { rules });
    expect(body.map((f) => f.severity)).toEqual(['info', 'block']);
    const d = deps(CLEAN, { found: false }, { ok: true, url: 'http://cms.example/edit?id=3', title: '编辑文章', findings: body });
    const outcome = await scanPage(d);
    expect(outcome).toMatchObject({ ok: true, source: 'draft', url: 'http://cms.example/edit?id=3', check: null });
    expect(outcome.ok && outcome.findings.map((f) => [f.kind, f.excerpt])).toEqual([
      ['cn-id', '110*************2X'],
      ['email', 'w***@163.com'],
    ]);
    // The draft answered: Readability's view of the edit page (which misses the editor's frame) is not asked.
    expect(d.extracted).toBe(0);
    expect(d.checked).toEqual([]);
  });

  it('scans the page itself when no content script answers, and fails when the draft could not be scanned', async () => {
    const fallback = await scanPage(deps(LEAK, { found: false }, new Error('Receiving end does not exist.')));
    expect(fallback).toMatchObject({ ok: true, source: 'page' });
    expect(fallback.ok && fallback.findings.map((f) => f.kind)).toEqual(['cn-id']);
    const d = deps(CLEAN, { found: false }, { ok: false, error: 'editor gone' });
    expect(await scanPage(d)).toEqual({ ok: false, error: 'failed', detail: 'editor gone' });
    // Falling back to the page here would say 未发现 for a draft that could not be read.
    expect(d.extracted).toBe(0);
  });

  it('still reports the findings when the background cannot compare', async () => {
    const outcome = await scanPage(deps(LEAK, new Error('Could not establish connection')));
    expect(outcome).toMatchObject({ ok: true, check: null });
  });

  it('names pages the browser will not let it read', async () => {
    for (const message of [
      'Cannot access a chrome:// URL',
      'Cannot access contents of the page. Extension manifest must request permission to access the respective host.',
      'The extensions gallery cannot be scripted.',
      'Frame with ID 0 is showing error page',
      'No tab with id: 12.',
    ])
      expect(classifyError(new Error(message)), message).toBe('no-access');
    expect(classifyError(new NoTabError())).toBe('no-tab');
    expect(classifyError(new Error('something else'))).toBe('failed');
    expect(await scanPage(deps(new Error('Cannot access a chrome:// URL')))).toMatchObject({ ok: false, error: 'no-access' });
  });
});

describe('PageScan', () => {
  it('lists the ID found on a published page, masked, never raw', async () => {
    view = await render(<PageScan api={{ scanPage: () => scanPage(deps(LEAK)) }} />);
    expect(view.container.querySelector('[data-scan-page]')?.textContent).toBe('扫描此页面');
    await click(view.container.querySelector('[data-scan-page]'));
    await until(() => view!.container.querySelector('[data-scan-result]') !== null);
    const result = view.container.querySelector('[data-scan-result]')!;
    expect(result.getAttribute('data-count')).toBe('1');
    const row = result.querySelector('li[data-kind="cn-id"]');
    expect(row?.getAttribute('data-severity')).toBe('block');
    expect(row?.textContent).toContain('阻止');
    expect(row?.textContent).toContain('身份证号');
    expect(row?.querySelector('code')?.textContent).toBe('110*************2X');
    expect(result.textContent).toContain('发现 1 处敏感信息');
    expect(result.querySelector('[data-signoff-check="none"]')?.textContent).toBe('未找到此页面的签发记录');
    expect(view.container.textContent).not.toContain(RAW_ID);
    expect(view.container.textContent).not.toContain(LEAK.title);
  });

  it('says nothing was found on a clean page, and that it matches what was signed', async () => {
    const check: PostPublishResult = { found: true, result: 'matches', recordSeq: 1, title: 't', publishedAt: '2024-05-20' };
    view = await render(<PageScan api={{ scanPage: () => scanPage(deps(CLEAN, check)) }} />);
    await click(view.container.querySelector('[data-scan-page]'));
    await until(() => view!.container.querySelector('[data-scan-result]') !== null);
    const result = view.container.querySelector('[data-scan-result]')!;
    expect(result.getAttribute('data-count')).toBe('0');
    expect(result.querySelectorAll('li')).toHaveLength(0);
    expect(result.textContent).toContain('未发现敏感信息');
    expect(result.querySelector('[data-signoff-check="matches"]')?.textContent).toBe('与签发内容一致');
  });

  it('says the draft was scanned when the findings are the tab’s own', async () => {
    const findings = scan(`身份证号 ${RAW_ID}`, { rules });
    view = await render(<PageScan api={{ scanPage: () => scanPage(deps(CLEAN, { found: false }, { ok: true, url: 'u', title: 't', findings })) }} />);
    await click(view.container.querySelector('[data-scan-page]'));
    await until(() => view!.container.querySelector('[data-scan-result]') !== null);
    const result = view.container.querySelector('[data-scan-result]')!;
    expect(result.getAttribute('data-scan-source')).toBe('draft');
    expect(result.getAttribute('data-count')).toBe('1');
    expect(result.textContent).toContain('已扫描编辑器中的草稿');
    expect(result.querySelector('[data-signoff-check]')).toBeNull();
  });

  it('says when the published page differs from what was signed', async () => {
    const check: PostPublishResult = { found: true, result: 'differs', recordSeq: 1, title: 't', publishedAt: '2024-05-20' };
    view = await render(<PageScan api={{ scanPage: () => scanPage(deps(CLEAN, check)) }} />);
    await click(view.container.querySelector('[data-scan-page]'));
    await until(() => view!.container.querySelector('[data-signoff-check]') !== null);
    expect(view.container.querySelector('[data-signoff-check="differs"]')?.textContent).toBe('与签发内容不一致（发布后被修改）');
  });

  it('explains in Chinese why a page cannot be scanned', async () => {
    view = await render(<PageScan api={{ scanPage: () => scanPage(deps(new Error('Cannot access a chrome:// URL'))) }} />);
    await click(view.container.querySelector('[data-scan-page]'));
    await until(() => view!.container.querySelector('[data-scan-error]') !== null);
    expect(view.container.querySelector('[data-scan-error="no-access"]')?.textContent).toContain('无法读取此页面');
    expect(view.container.querySelector('[data-scan-result]')).toBeNull();
  });

  it('shows a failure with its reason', async () => {
    view = await render(<PageScan api={{ scanPage: () => Promise.reject(new Error('boom')) }} />);
    await click(view.container.querySelector('[data-scan-page]'));
    await until(() => view!.container.querySelector('[data-scan-error]') !== null);
    expect(view.container.querySelector('[data-scan-error="failed"]')?.textContent).toContain('扫描失败');
  });
});

describe('EditorIdentity', () => {
  function identity(initial: string | null, fail = false): IdentityApi & { saved: string[] } {
    const a = {
      saved: [] as string[],
      get: () => Promise.resolve(initial),
      set: (name: string) => {
        if (fail) return Promise.reject(new Error('no'));
        a.saved.push(name);
        return Promise.resolve();
      },
    };
    return a;
  }

  it('asks for the name once, saves it and then shows it', async () => {
    const a = identity(null);
    view = await render(<EditorIdentity api={a} />);
    await settle();
    expect(view.container.textContent).toContain('审核人不能与编辑为同一人');
    await type(view.container.querySelector('[data-identity-input]'), '  张三 ');
    await click(view.container.querySelector('[data-identity-save]'));
    await settle();
    expect(a.saved).toEqual(['张三']);
    expect(view.container.querySelector('[data-identity-name]')?.textContent).toBe('张三');
    expect(view.container.querySelector('[data-identity-input]')).toBeNull();
  });

  it('shows a name already set, which can be changed', async () => {
    const a = identity('李四');
    view = await render(<EditorIdentity api={a} />);
    await settle();
    expect(view.container.querySelector('[data-identity-name]')?.textContent).toBe('李四');
    expect(view.container.querySelector('[data-identity-input]')).toBeNull();
    await click(view.container.querySelector('[data-identity-change]'));
    await type(view.container.querySelector('[data-identity-input]'), '王五');
    await click(view.container.querySelector('[data-identity-save]'));
    await settle();
    expect(a.saved).toEqual(['王五']);
  });

  it('keeps the form and says so when saving fails', async () => {
    view = await render(<EditorIdentity api={identity(null, true)} />);
    await settle();
    await type(view.container.querySelector('[data-identity-input]'), '张三');
    await click(view.container.querySelector('[data-identity-save]'));
    await settle();
    expect(view.container.querySelector('[role="alert"]')?.textContent).toBe('无法保存编辑身份，请重试。');
    expect(view.container.querySelector('[data-identity-input]')).not.toBeNull();
  });
});

describe('popupApis', () => {
  /** The background's answer to getPolicyForPage, over the fake browser's messaging. */
  let cnIdEnabled = true;
  beforeEach(() => {
    cnIdEnabled = true;
    background.handlers = {
      getPolicyForPage: (url) =>
        pagePolicy({ ...DEFAULT_POLICY, rules: { ...DEFAULT_POLICY.rules, 'cn-id': { enabled: cnIdEnabled } } }, [], url as string),
    };
  });

  it('reads ?tab=<id>', () => {
    expect(tabIdFromSearch('?tab=42')).toBe(42);
    expect(tabIdFromSearch('')).toBeUndefined();
    expect(tabIdFromSearch('?tab=abc')).toBeUndefined();
  });

  it('injects the extractor into the tab named by ?tab= and scans what it returns', async () => {
    const tab = await fakeBrowser.tabs.create({ url: LEAK.url });
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([{ frameId: 0, result: LEAK, documentId: 'd' }]);
    const apis = popupApis(`?tab=${tab.id}`, () => undefined);
    const outcome = await apis.pageScan.scanPage();
    expect(inject).toHaveBeenCalledWith({ target: { tabId: tab.id }, files: ['/page-extract.js'] });
    expect(outcome.ok && outcome.findings.map((f) => f.kind)).toEqual(['cn-id']);
    expect(await apis.header.activeTabUrl()).toBe(LEAK.url);
    // No postPublishCheck handler: the scan stands, without a comparison.
    expect(outcome.ok && outcome.check).toBeNull();
  });

  it('asks the background to compare the page with the sign-off, by digest', async () => {
    const asked: unknown[] = [];
    background.handlers.postPublishCheck = (page) => {
      asked.push(page);
      return { found: true, result: 'differs', recordSeq: 7, title: 't', publishedAt: '2024-06-03' };
    };
    const tab = await fakeBrowser.tabs.create({ url: CLEAN.url });
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([{ frameId: 0, result: CLEAN, documentId: 'd' }]);
    const outcome = await popupApis(`?tab=${tab.id}`, () => undefined).pageScan.scanPage();
    expect(outcome).toMatchObject({ ok: true, findings: [], check: { found: true, result: 'differs' } });
    expect(asked).toEqual([{ url: CLEAN.url, titles: [CLEAN.title], bodyDigests: [expect.stringMatching(/^[0-9a-f]{64}$/) as string] }]);
  });

  it("asks the tab's top-frame content script for the draft's findings before reading the page", async () => {
    const tab = await fakeBrowser.tabs.create({ url: LEAK.url });
    const findings = scan(`身份证号 ${RAW_ID}`, { rules });
    const ask = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, url: LEAK.url, title: 't', findings });
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([{ frameId: 0, result: CLEAN, documentId: 'd' }]);
    const outcome = await popupApis(`?tab=${tab.id}`, () => undefined).pageScan.scanPage();
    expect(ask).toHaveBeenCalledWith(tab.id, { type: 'precheck:draft-findings' }, { frameId: 0 });
    expect(outcome).toMatchObject({ ok: true, source: 'draft', findings });
    expect(inject).not.toHaveBeenCalled();
    // An answer that is not a DraftFindings is no answer.
    ask.mockResolvedValue({ block: 1 });
    expect(await popupApis(`?tab=${tab.id}`, () => undefined).pageScan.scanPage()).toMatchObject({ ok: true, source: 'page', findings: [] });
  });

  it("asks the tab's top-frame content script for its state, and takes no answer as not active", async () => {
    const tab = await fakeBrowser.tabs.create({ url: LEAK.url });
    const state: TabState = { findings: { block: 1, warn: 0, info: 0 }, fields: [], signoff: 'none', blocked: false, editor: null };
    const ask = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValueOnce(state).mockRejectedValueOnce(new Error('Receiving end does not exist.'));
    const apis = popupApis(`?tab=${tab.id}`, () => undefined);
    expect(await apis.tabState.tabState()).toEqual(state);
    expect(ask).toHaveBeenCalledWith(tab.id, { type: 'precheck:tab-state' }, { frameId: 0 });
    expect(await apis.tabState.tabState()).toBeNull();
  });

  it('gets and sets the editor identity through the background', async () => {
    let stored: string | null = null;
    background.handlers.getEditorIdentity = () => stored;
    background.handlers.setEditorIdentity = (name) => void (stored = name as string);
    const { identity } = popupApis('', () => undefined);
    expect(await identity.get()).toBeNull();
    await identity.set('张三');
    expect(await identity.get()).toBe('张三');
  });

  it("scans with the page's policy", async () => {
    cnIdEnabled = false;
    const tab = await fakeBrowser.tabs.create({ url: LEAK.url });
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([{ frameId: 0, result: LEAK, documentId: 'd' }]);
    expect(await popupApis(`?tab=${tab.id}`, () => undefined).pageScan.scanPage()).toMatchObject({ ok: true, findings: [] });
  });

  it('turns the browser refusing the injection into no-access', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'chrome://settings/' });
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access a chrome:// URL'));
    expect(await popupApis(`?tab=${tab.id}`, () => undefined).pageScan.scanPage()).toMatchObject({ ok: false, error: 'no-access' });
  });

  it('has no tab to scan when ?tab= names none', async () => {
    expect(await popupApis('?tab=9999', () => undefined).pageScan.scanPage()).toMatchObject({ ok: false, error: 'no-tab' });
  });

  it('opens the audit log section of the options page in a tab', async () => {
    let closed = 0;
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation(((path: string) => `chrome-extension://id${path}`));
    await popupApis('', () => closed++).header.openAudit();
    expect(create).toHaveBeenCalledWith({ url: 'chrome-extension://id/options.html#audit' });
    expect(closed).toBe(1);
  });
});
