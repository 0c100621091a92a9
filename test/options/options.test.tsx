// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '../../components/options/OptionsApp';
import { DEFAULT_POLICY } from '../../lib/policy/defaults';
import { verifyPin } from '../../lib/policy/pin';
import { createPolicyStore, LOCAL_POLICY_KEY, type PolicyStore } from '../../lib/policy/store';
import { fullPolicy } from '../policy/helpers';
import { byText, click, render, select, settle, storeClient, type, until, useLocale, type Rendered } from './helpers';

let store: PolicyStore;
let view: Rendered | undefined;

async function open(): Promise<{ view: Rendered; client: ReturnType<typeof storeClient> }> {
  store = createPolicyStore(fakeBrowser.storage);
  await store.ready;
  const client = storeClient(store);
  view = await render(<OptionsApp client={client} />);
  await settle();
  return { view, client };
}

function section(id: string): HTMLElement {
  const el = view?.container.querySelector<HTMLElement>(`section#${id}`);
  if (!el) throw new Error(`no section ${id}`);
  return el;
}

function group(sectionId: string, legend: string): HTMLFieldSetElement {
  const fs = [...section(sectionId).querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent?.includes(legend));
  if (!fs) throw new Error(`no group ${legend}`);
  return fs;
}

beforeEach(() => {
  fakeBrowser.reset();
  useLocale('zh_CN');
});

afterEach(() => {
  view?.unmount();
  view = undefined;
  store.dispose();
  vi.restoreAllMocks();
});

describe('options page', () => {
  it('shows every section in Chinese by default', async () => {
    await open();
    const headings = [...view!.container.querySelectorAll('h2')].map((h) => h.textContent);
    expect(headings).toEqual(['站点', '规则', '必填项与目录', '审核人', '审计日志', '导入/导出']);
    // happy-dom has no IndexedDB: the section says so in Chinese instead of breaking the page.
    await vi.waitFor(() => expect(section('audit').querySelector('[data-audit-error]')?.textContent).toContain('无法打开审计日志'));
  });

  it('switches to English with the browser language', async () => {
    useLocale('en');
    await open();
    const headings = [...view!.container.querySelectorAll('h2')].map((h) => h.textContent);
    expect(headings).toEqual(['Sites', 'Rules', 'Required fields and catalogue', 'Reviewers', 'Audit log', 'Import / export']);
    expect(section('rules').textContent).toContain('Mobile phone number');
  });

  it('disables what managed policy sets and labels it 由管理员设定; the rest stays editable', async () => {
    await fakeBrowser.storage.managed.set({ reviewers: fullPolicy().reviewers, origins: ['https://cms.example.gov.cn/*'] });
    await open();
    const roster = group('reviewers', '审核人名单');
    expect(roster.disabled).toBe(true);
    expect(roster.querySelector('legend')?.textContent).toContain('由管理员设定');
    // Origins: the list is locked field by field (granting access stays possible).
    const origins = group('sites', '适用网址');
    expect(origins.querySelector('legend [data-locked]')?.textContent).toBe('由管理员设定');
    expect(byText(origins, 'button', '删除')?.hasAttribute('disabled')).toBe(true);
    expect(origins.querySelector('input')?.disabled).toBe(true);
    expect(byText(origins, 'button', '授权访问')?.hasAttribute('disabled')).toBe(false);
    // Not locked:
    expect(group('sites', '站点适配').disabled).toBe(false);
    expect(group('rules', '检查规则').disabled).toBe(false);
    expect(group('rules', '检查规则').querySelector('[data-locked]')).toBeNull();
  });

  it('shows a broken managed policy in a banner, with every problem by path, while the previous policy stays', async () => {
    await fakeBrowser.storage.managed.set({ origins: ['<all_urls>'], signoff: { validMinutes: 0 } });
    await open();
    const banner = view!.container.querySelector('.banner');
    expect(banner?.textContent).toContain('托管策略未通过校验');
    const items = [...(banner?.querySelectorAll('li') ?? [])].map((li) => li.textContent ?? '');
    expect(items).toHaveLength(2);
    expect(items.some((t) => t.startsWith('origins[0] — ') && t.includes('<all_urls>'))).toBe(true);
    expect(items.some((t) => t.startsWith('signoff.validMinutes — '))).toBe(true);
    expect(store.state().policy).toEqual(DEFAULT_POLICY);
  });

  it('lists every problem of a broken import and keeps the policy in force', async () => {
    await open();
    const io = section('import-export');
    const broken = { ...fullPolicy(), origins: ['ftp://cms/*'], signoff: { validMinutes: 0 }, colour: 'red' };
    await type(io.querySelector('textarea'), JSON.stringify(broken));
    await click(byText(io, 'button', '导入'));
    await settle();
    const items = [...io.querySelectorAll('.problems li')].map((li) => li.textContent ?? '');
    expect(items.map((t) => t.split(' — ')[0]).sort()).toEqual(['colour', 'origins[0]', 'signoff.validMinutes']);
    for (const item of items) expect(item).toMatch(/ — .*[\u4e00-\u9fff].* \/ .+: /);
    expect(io.textContent).toContain('未导入');
    expect(store.state().policy).toEqual(DEFAULT_POLICY);
  });

  it('applies a valid import and says 已应用', async () => {
    await open();
    const io = section('import-export');
    await type(io.querySelector('textarea'), JSON.stringify(fullPolicy()));
    await click(byText(io, 'button', '导入'));
    await settle();
    expect(io.querySelector('[role=status]')?.textContent).toContain('已应用');
    expect(store.state().policy.origins).toEqual(fullPolicy().origins);
    // The page follows the new policy.
    expect(section('sites').textContent).toContain('https://cms.example.gov.cn/*');
  });

  it('adds an origin only after the browser grants access, asked from the click', async () => {
    const { client } = await open();
    const origins = group('sites', '适用网址');
    await type(origins.querySelector('input'), 'https://cms.county.gov.cn');
    client.answer = false;
    await click(byText(origins, 'button', '添加并授权'));
    await settle();
    expect(client.requested).toEqual([['https://cms.county.gov.cn/*']]);
    expect(origins.textContent).toContain('未获得访问该网址的授权');
    expect(store.state().policy.origins).toEqual(DEFAULT_POLICY.origins);

    client.answer = true;
    await click(byText(origins, 'button', '添加并授权'));
    await settle();
    expect(store.state().policy.origins).toEqual([...DEFAULT_POLICY.origins, 'https://cms.county.gov.cn/*']);
    expect(origins.textContent).toContain('已保存');
  });

  it('refuses an origin pattern before asking the browser', async () => {
    const { client } = await open();
    const origins = group('sites', '适用网址');
    await type(origins.querySelector('input'), '<all_urls>');
    await click(byText(origins, 'button', '添加并授权'));
    await settle();
    expect(client.requested).toEqual([]);
    expect(origins.querySelector('.problems')?.textContent).toContain('<all_urls>');
  });

  it('shows adapter JSON problems inline and saves nothing', async () => {
    await fakeBrowser.storage.local.set({ [LOCAL_POLICY_KEY]: fullPolicy() });
    await open();
    const adapters = group('sites', '站点适配');
    expect(adapters.textContent).toContain('示例 CMS');
    const broken = [{ ...fullPolicy().adapters[0], editor: { kind: 'word97' } }];
    await type(adapters.querySelector('textarea'), JSON.stringify(broken));
    await click(byText(adapters, 'button', '保存'));
    await settle();
    expect(adapters.querySelector('.problems')?.textContent).toContain('adapters[0].editor.kind');
    expect(store.state().policy.adapters).toEqual(fullPolicy().adapters);
  });

  it('scans pasted text live with the rule settings on screen', async () => {
    await open();
    const rulesSection = section('rules');
    const tryBox = rulesSection.querySelector<HTMLTextAreaElement>('.try textarea');
    await type(tryBox, '联系人：张三  手机：13912345678');
    expect(rulesSection.querySelector('.try li')?.textContent).toContain('警告');
    await select(rulesSection.querySelector('select[aria-label="手机号码 级别"]'), 'block');
    expect(rulesSection.querySelector('.try li')?.textContent).toContain('阻止');
    await click(rulesSection.querySelector('input[aria-label="手机号码 启用"]'));
    expect(rulesSection.querySelector('.try')?.textContent).toContain('未发现');
  });

  it('saves rules, the allow-list (normalised) and custom words together', async () => {
    await open();
    const rulesSection = section('rules');
    await select(rulesSection.querySelector('select[aria-label="手机号码 级别"]'), 'block');
    await type(group('rules', '允许公开').querySelector('textarea'), '0952-601 2345\n');
    await type(rulesSection.querySelector('input[aria-label="新敏感词"]'), '内部传阅');
    await click(byText(group('rules', '自定义敏感词'), 'button', '添加'));
    await click(byText(rulesSection, '.save-bar button', '保存'));
    await settle();
    const policy = store.state().policy;
    expect(policy.rules.mobile?.severity).toBe('block');
    expect(policy.allowList.phones).toEqual(['09526012345']);
    expect(policy.customWords).toEqual([{ word: '内部传阅', severity: 'warn' }]);
  });

  it('keeps required fields and catalogue edits all-or-nothing', async () => {
    await open();
    const req = section('required');
    // Removing catalogue entry 02 while it is marked important is one problem; nothing is saved.
    const row = [...req.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('input')?.value === '02');
    await click(byText(row!, 'button', '删除'));
    const disclosure = byText(req, 'label', '公开方式')?.querySelector('input');
    await click(disclosure);
    await click(byText(req, '.save-bar button', '保存'));
    await settle();
    expect(req.querySelector('.problems')?.textContent).toContain('importantCategories[0]');
    expect(store.state().policy).toEqual(DEFAULT_POLICY);
  });

  it('sets the sign-off window, retention and collector; a bad value is named and nothing is saved', async () => {
    await open();
    const box = section('audit').querySelector<HTMLElement>('[data-record-settings]')!;
    await type(box.querySelector('input[name=retentionDays]'), '10');
    await type(box.querySelector('input[name=collectorUrl]'), 'http://collector.example.gov.cn/audit');
    await click(byText(box, '.save-bar button', '保存'));
    await settle();
    const problems = box.querySelector('.problems')?.textContent ?? '';
    expect(problems).toContain('audit.retentionDays');
    expect(problems).toContain('audit.collectorUrl');
    expect(store.state().policy).toEqual(DEFAULT_POLICY);

    await type(box.querySelector('input[name=validMinutes]'), '60');
    await type(box.querySelector('input[name=retentionDays]'), '730');
    await type(box.querySelector('input[name=collectorUrl]'), 'https://collector.example.gov.cn/audit');
    await click(byText(box, '.save-bar button', '保存'));
    await settle();
    expect(store.state().policy.signoff).toEqual({ validMinutes: 60 });
    expect(store.state().policy.audit).toEqual({ retentionDays: 730, collectorUrl: 'https://collector.example.gov.cn/audit' });
  });

  it('keeps the collector token IT set when the retention is changed here', async () => {
    const token = 'pcu_' + 'k'.repeat(43);
    await open();
    expect(await store.save({ ...DEFAULT_POLICY, audit: { retentionDays: 365, collectorUrl: 'https://collector.example.gov.cn/audit', collectorToken: token } })).toMatchObject({ accepted: true });
    await settle();
    const box = section('audit').querySelector<HTMLElement>('[data-record-settings]')!;
    await type(box.querySelector('input[name=retentionDays]'), '400');
    await click(byText(box, '.save-bar button', '保存'));
    await settle();
    expect(store.state().policy.audit).toEqual({ retentionDays: 400, collectorUrl: 'https://collector.example.gov.cn/audit', collectorToken: token });
  });

  it('adds a reviewer with a PIN typed twice, stored only as a hash', async () => {
    await open();
    const rev = section('reviewers');
    const inputs = () => rev.querySelectorAll<HTMLInputElement>('.add-form input');
    await type(inputs()[0]!, '王丽');
    await type(inputs()[1]!, '县政府办公室');
    await select(rev.querySelector('.add-form select'), 'principal');
    await type(inputs()[2]!, '246810');
    await type(inputs()[3]!, '246811');
    await click(byText(rev, '.add-form button', '添加'));
    await settle();
    expect(rev.querySelector('.problems')?.textContent).toContain('两次输入的 PIN 不一致');
    expect(store.state().policy.reviewers).toEqual([]);

    await type(inputs()[3]!, '246810');
    await click(byText(rev, '.add-form button', '添加'));
    await until(() => store.state().policy.reviewers.length === 1);
    const [added] = store.state().policy.reviewers;
    expect(added).toMatchObject({ name: '王丽', unit: '县政府办公室', role: 'principal' });
    expect(JSON.stringify(added)).not.toContain('246810');
    expect(await verifyPin('246810', added!.pin)).toBe(true);
    await settle();
    expect(rev.querySelector('tbody')?.textContent).toContain('主要负责人');
  });

  it('resets a PIN and removes a reviewer', async () => {
    await fakeBrowser.storage.local.set({ [LOCAL_POLICY_KEY]: fullPolicy() });
    await open();
    const rev = section('reviewers');
    const firstRow = () => rev.querySelector('tbody tr')!;
    await click(byText(firstRow(), 'button', '重设 PIN'));
    const pins = firstRow().querySelectorAll<HTMLInputElement>('input[type=password]');
    await type(pins[0]!, '13579');
    await type(pins[1]!, '13579');
    await click(byText(firstRow(), 'button', '设定 PIN'));
    const before = fullPolicy().reviewers[0]!.pin.hash;
    await until(() => store.state().policy.reviewers[0]!.pin.hash !== before);
    await settle();
    expect(await verifyPin('13579', store.state().policy.reviewers[0]!.pin)).toBe(true);

    await settle();
    await click(byText(firstRow(), 'button', '删除'));
    await settle();
    expect(store.state().policy.reviewers.map((r) => r.id)).toEqual(['b', 'c']);
  });
});
