// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp, tabFromHash } from '../../components/options/OptionsApp';
import { createAdminService } from '../../lib/policy/admin-password';
import { DEFAULT_POLICY } from '../../lib/policy/defaults';
import { hashPin, verifyPin } from '../../lib/policy/pin';
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

/** Clicks the section's tab (as a user does) and returns the section. */
async function show(id: string): Promise<HTMLElement> {
  await click(view?.container.querySelector(`nav a[data-tab="${id}"]`));
  const el = view?.container.querySelector<HTMLElement>(`section#${id}`);
  if (!el) throw new Error(`no section ${id}`);
  return el;
}

function group(section: HTMLElement, legend: string): HTMLFieldSetElement {
  const fs = [...section.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent?.includes(legend));
  if (!fs) throw new Error(`no group ${legend}`);
  return fs;
}

/** What is on screen: text of everything not hidden. */
function visibleText(root: HTMLElement): string {
  return [...root.querySelectorAll<HTMLElement>('[data-panel]')].filter((p) => !p.hidden).map((p) => p.textContent ?? '').join('\n');
}

beforeEach(() => {
  fakeBrowser.reset();
  useLocale('zh_CN');
  history.replaceState(null, '', '#');
});

afterEach(() => {
  view?.unmount();
  view = undefined;
  store.dispose();
  vi.restoreAllMocks();
});

describe('options page', () => {
  it('has one tab per part, the log among them, and shows one part at a time', async () => {
    await open();
    const tabs = [...view!.container.querySelectorAll('nav a')].map((a) => a.textContent);
    expect(tabs).toEqual(['站点', '规则', '必填项与目录', '审核人', '单位与记录', '审计日志', '导入/导出']);
    expect(view!.container.querySelectorAll('section')).toHaveLength(1);
    const audit = await show('audit');
    expect(location.hash).toBe('#audit');
    expect(view!.container.querySelector('nav a[aria-current="page"]')?.textContent).toBe('审计日志');
    // The sites part stays mounted (unsaved edits survive) but hidden: only the log is on screen.
    expect(view!.container.querySelector<HTMLElement>('[data-panel="sites"]')?.hidden).toBe(true);
    expect(visibleText(view!.container)).not.toContain('适用网址');
    // happy-dom has no IndexedDB: the section says so in Chinese instead of breaking the page.
    await vi.waitFor(() => expect(audit.querySelector('[data-audit-error]')?.textContent).toContain('无法打开审计日志'));
  });

  it('opens the tab the address names (the popup links to #audit)', () => {
    expect(tabFromHash('#audit')).toBe('audit');
    expect(tabFromHash('#import-export')).toBe('import-export');
    expect(tabFromHash('')).toBe('sites');
    expect(tabFromHash('#nonsense')).toBe('sites');
  });

  it('switches to English with the browser language, with no Chinese words of its own', async () => {
    useLocale('en');
    await open();
    const tabs = [...view!.container.querySelectorAll('nav a')].map((a) => a.textContent);
    expect(tabs).toEqual(['Sites', 'Rules', 'Required fields and catalogue', 'Reviewers', 'Unit and records', 'Audit log', 'Import / export']);
    const rules = await show('rules');
    expect(rules.textContent).toContain('Mobile phone number');
    expect(rules.querySelector('select')?.textContent).toBe('BlockWarningInfo');
  });

  it('disables what managed policy sets and labels it 由管理员设定; the rest stays editable', async () => {
    await fakeBrowser.storage.managed.set({ reviewers: fullPolicy().reviewers, origins: ['https://cms.example.gov.cn/*'] });
    await open();
    expect(view!.container.querySelector('header')?.textContent).toContain('由管理员设定：适用网址、审核人名单');
    const reviewers = await show('reviewers');
    const roster = group(reviewers, '审核人名单');
    expect(roster.disabled).toBe(true);
    expect(roster.querySelector('legend')?.textContent).toContain('由管理员设定');
    // IT is in control: no administrator password to set or type.
    expect(reviewers.querySelector('[data-admin]')).toBeNull();
    expect(reviewers.textContent).toContain('托管策略');
    const sites = await show('sites');
    // Origins: the list is locked field by field (granting access stays possible).
    const origins = group(sites, '适用网址');
    expect(origins.querySelector('legend [data-locked]')?.textContent).toBe('由管理员设定');
    expect(byText(origins, 'button', '删除')?.hasAttribute('disabled')).toBe(true);
    expect(origins.querySelector('input')?.disabled).toBe(true);
    expect(byText(origins, 'button', '授权访问')?.hasAttribute('disabled')).toBe(false);
    expect(group(sites, '站点适配').disabled).toBe(false);
    const rules = await show('rules');
    expect(group(rules, '检查规则').disabled).toBe(false);
    expect(group(rules, '检查规则').querySelector('[data-locked]')).toBeNull();
  });

  it('shows a broken managed policy in a banner, each problem by path in Chinese only, while the previous policy stays', async () => {
    await fakeBrowser.storage.managed.set({ origins: ['<all_urls>'], signoff: { validMinutes: 0 } });
    await open();
    const banner = view!.container.querySelector('.banner');
    expect(banner?.textContent).toContain('托管策略未通过校验');
    const items = [...(banner?.querySelectorAll('li') ?? [])].map((li) => li.textContent ?? '');
    expect(items).toHaveLength(2);
    expect(items.some((t) => t.startsWith('origins[0] — ') && t.includes('<all_urls>'))).toBe(true);
    expect(items.some((t) => t.startsWith('signoff.validMinutes — '))).toBe(true);
    for (const item of items) expect(item.split(' — ')[1]?.replace('<all_urls>', '')).not.toMatch(/[A-Za-z]{4,}/);
    expect(store.state().policy).toEqual(DEFAULT_POLICY);
  });

  it('lists every problem of a broken import and keeps the policy in force', async () => {
    await open();
    const io = await show('import-export');
    const broken = { ...DEFAULT_POLICY, origins: ['ftp://cms/*'], signoff: { validMinutes: 0 }, colour: 'red' };
    await type(io.querySelector('textarea'), JSON.stringify(broken));
    await click(byText(io, 'button', '导入'));
    await settle();
    const items = [...io.querySelectorAll('.problems li')].map((li) => li.textContent ?? '');
    expect(items.map((t) => t.split(' — ')[0]).sort()).toEqual(['colour', 'origins[0]', 'signoff.validMinutes']);
    for (const item of items) expect(item).toMatch(/ — .*[\u4e00-\u9fff]/);
    expect(io.textContent).toContain('未导入');
    expect(store.state().policy).toEqual(DEFAULT_POLICY);
  });

  it('applies a valid import and says 已应用', async () => {
    await open();
    const io = await show('import-export');
    const policy = { ...fullPolicy(), reviewers: [] };
    await type(io.querySelector('textarea'), JSON.stringify(policy));
    await click(byText(io, 'button', '导入'));
    await settle();
    expect(io.querySelector('[role=status]')?.textContent).toContain('已应用');
    expect(store.state().policy.origins).toEqual(fullPolicy().origins);
    // The page follows the new policy.
    expect((await show('sites')).textContent).toContain('https://cms.example.gov.cn/*');
  });

  it('adds an origin only after the browser grants access, asked from the click', async () => {
    const { client } = await open();
    const origins = group(await show('sites'), '适用网址');
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

  it('on Firefox asks for the port-less host of an origin with a port, keeps the port in the policy and says so', async () => {
    const { client } = await open();
    client.browser = 'firefox';
    const origins = group(await show('sites'), '适用网址');
    await type(origins.querySelector('input'), 'http://10.12.3.4:8080');
    await click(byText(origins, 'button', '添加并授权'));
    await settle();
    // Firefox never matches a pattern with a port: the host is what can be granted …
    expect(client.requested).toEqual([['http://10.12.3.4/*']]);
    // … while the policy keeps the exact origin, which decides where Precheck checks.
    expect(store.state().policy.origins).toEqual([...DEFAULT_POLICY.origins, 'http://10.12.3.4:8080/*']);
    await until(() => origins.textContent?.includes('已授权') ?? false);
    const notes = [...origins.querySelectorAll('[data-port-note]')].map((n) => n.textContent);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('http://10.12.3.4/*');
    expect(notes[0]).toContain('http://10.12.3.4:8080/*');

    // Revoked: 授权访问 asks for the host again, never for the pattern with the port.
    client.granted.delete('http://10.12.3.4/*');
    client.requested.length = 0;
    view!.unmount();
    view = await render(<OptionsApp client={client} />);
    await settle();
    const again = group(await show('sites'), '适用网址');
    const row = () => byText(again, 'li', 'http://10.12.3.4:8080/*')!;
    await until(() => byText(row(), 'button', '授权访问') !== undefined);
    await click(byText(row(), 'button', '授权访问'));
    await settle();
    expect(client.requested[0]).toEqual(['http://10.12.3.4/*']);
  });

  it('on Chromium asks for the origin with its port as written, without a note', async () => {
    const { client } = await open();
    const origins = group(await show('sites'), '适用网址');
    await type(origins.querySelector('input'), 'http://10.12.3.4:8080');
    await click(byText(origins, 'button', '添加并授权'));
    await settle();
    expect(client.requested).toEqual([['http://10.12.3.4:8080/*']]);
    expect(origins.querySelectorAll('[data-port-note]')).toHaveLength(0);
  });

  it('refuses an origin pattern before asking the browser', async () => {
    const { client } = await open();
    const origins = group(await show('sites'), '适用网址');
    await type(origins.querySelector('input'), '<all_urls>');
    await click(byText(origins, 'button', '添加并授权'));
    await settle();
    expect(client.requested).toEqual([]);
    expect(origins.querySelector('.problems')?.textContent).toContain('<all_urls>');
  });

  it('shows adapter JSON problems inline and saves nothing', async () => {
    await fakeBrowser.storage.local.set({ [LOCAL_POLICY_KEY]: fullPolicy() });
    await open();
    const adapters = group(await show('sites'), '站点适配');
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
    const rulesSection = await show('rules');
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
    const rulesSection = await show('rules');
    await select(rulesSection.querySelector('select[aria-label="手机号码 级别"]'), 'block');
    await type(group(rulesSection, '允许公开').querySelector('textarea'), '0952-601 2345\n');
    await type(rulesSection.querySelector('input[aria-label="新敏感词"]'), '内部传阅');
    await click(byText(group(rulesSection, '自定义敏感词'), 'button', '添加'));
    await click(byText(rulesSection, '.save-bar button', '保存'));
    await settle();
    const policy = store.state().policy;
    expect(policy.rules.mobile?.severity).toBe('block');
    expect(policy.allowList.phones).toEqual(['09526012345']);
    expect(policy.customWords).toEqual([{ word: '内部传阅', severity: 'warn' }]);
  });

  it('keeps required fields and catalogue edits all-or-nothing', async () => {
    await open();
    const req = await show('required');
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

  it('sets the unit name, sign-off window, retention and collector; a bad value is named and nothing is saved', async () => {
    await open();
    const box = await show('records');
    await type(box.querySelector('input[name=unitName]'), '示例县人民政府办公室');
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
    expect(store.state().policy.unit).toEqual({ name: '示例县人民政府办公室' });
    expect(store.state().policy.signoff).toEqual({ validMinutes: 60 });
    expect(store.state().policy.audit).toEqual({ retentionDays: 730, collectorUrl: 'https://collector.example.gov.cn/audit' });
  });
});

describe('records settings', () => {
  it('keeps the collector token IT set when the retention is changed here', async () => {
    const token = 'pcu_' + 'k'.repeat(43);
    await open();
    expect(await store.save({ ...DEFAULT_POLICY, audit: { retentionDays: 365, collectorUrl: 'https://collector.example.gov.cn/audit', collectorToken: token } })).toMatchObject({ accepted: true });
    await settle();
    const box = await show('records');
    await type(box.querySelector('input[name=retentionDays]'), '400');
    await click(byText(box, '.save-bar button', '保存'));
    await settle();
    expect(store.state().policy.audit).toEqual({ retentionDays: 400, collectorUrl: 'https://collector.example.gov.cn/audit', collectorToken: token });
  });
});

describe('reviewers and the administrator password (local policy)', () => {
  const adminForm = (rev: HTMLElement, name: string) => rev.querySelector<HTMLFormElement>(`[data-admin-form="${name}"]`)!;
  const passwords = (form: Element) => form.querySelectorAll<HTMLInputElement>('input[type=password]');

  const setAdminPassword = () => createAdminService(fakeBrowser.storage.local).setPassword({ next: 'county-2025' });

  /** Submits and waits for the form's answer (the background hashes the password: it takes a moment). */
  async function submit(form: HTMLFormElement): Promise<void> {
    const message = form.querySelector('[data-admin-message]');
    if (message) message.textContent = '';
    await click(form.querySelector('button[type=submit]'));
    await until(() => !form.isConnected || (form.querySelector('[data-admin-message]')?.textContent ?? '') !== '' || form.closest('[data-admin="unlocked"]') !== null);
  }

  it('asks for an administrator password at first run, and only then lets the roster change', async () => {
    await open();
    expect(view!.container.querySelector('[data-first-run]')?.textContent).toContain('首次使用');
    const rev = await show('reviewers');
    expect(rev.querySelector('[data-admin]')?.getAttribute('data-admin')).toBe('unset');
    expect(rev.querySelector<HTMLFieldSetElement>('.add-form')?.disabled).toBe(true);
    const first = adminForm(rev, 'first-run');
    await type(passwords(first)[0]!, 'county-2025');
    await type(passwords(first)[1]!, 'county-2026');
    await submit(first);
    // The message stands next to the boxes it is about.
    expect(first.querySelector('[data-admin-message]')?.textContent).toBe('两次输入的密码不一致');
    await type(passwords(first)[0]!, 'short');
    await type(passwords(first)[1]!, 'short');
    await submit(first);
    expect(first.querySelector('[data-admin-message]')?.textContent).toContain('至少需要 8 个字符');
    await type(passwords(first)[0]!, 'county-2025');
    await type(passwords(first)[1]!, 'county-2025');
    await submit(first);
    await until(() => rev.querySelector('[data-admin]')?.getAttribute('data-admin') === 'unlocked');
    expect(view!.container.querySelector('[data-first-run]')).toBeNull();
    const stored = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(stored).not.toContain('county-2025');
  });

  it('adds a reviewer with a PIN typed twice, stored only as a hash, once unlocked', async () => {
    await setAdminPassword();
    await open();
    const rev = await show('reviewers');
    expect(rev.querySelector('[data-admin]')?.getAttribute('data-admin')).toBe('locked');
    expect(rev.querySelector<HTMLFieldSetElement>('.add-form')?.disabled).toBe(true);
    const unlock = adminForm(rev, 'unlock');
    await type(passwords(unlock)[0]!, 'wrong-password');
    await submit(unlock);
    expect(unlock.querySelector('[data-admin-message]')?.textContent).toContain('管理员密码不正确，还可再试 4 次');
    await type(passwords(unlock)[0]!, 'county-2025');
    await submit(unlock);
    await until(() => rev.querySelector('[data-admin]')?.getAttribute('data-admin') === 'unlocked');

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

  it("resets a PIN with the reviewer's current PIN; a wrong one changes nothing", async () => {
    const policy = fullPolicy();
    policy.reviewers[0]!.pin = await hashPin('2468', { iterations: 100_000 });
    await fakeBrowser.storage.local.set({ [LOCAL_POLICY_KEY]: policy });
    await setAdminPassword();
    await open();
    const rev = await show('reviewers');
    const row = () => rev.querySelector('tr[data-reviewer="a"]')!;
    await click(byText(row(), 'button', '重设 PIN'));
    const form = () => row().querySelector<HTMLFormElement>('[data-reset-pin]')!;
    expect(form().textContent).toContain('该审核人当前的 PIN');
    const [current, next, again] = [...passwords(form())];
    await type(current!, '1111');
    await type(next!, '13579');
    await type(again!, '13579');
    await click(form().querySelector('button[type=submit]'));
    await until(() => (rev.querySelector('.problems')?.textContent ?? '') !== '');
    expect(rev.querySelector('.problems')?.textContent).toContain('PIN 不正确');
    expect(store.state().policy.reviewers[0]!.pin).toEqual(policy.reviewers[0]!.pin);

    await type(current!, '2468');
    await click(form().querySelector('button[type=submit]'));
    await until(() => store.state().policy.reviewers[0]!.pin.hash !== policy.reviewers[0]!.pin.hash);
    expect(await verifyPin('13579', store.state().policy.reviewers[0]!.pin)).toBe(true);
  });

  it('resets a forgotten PIN with the administrator password, and removes a reviewer', async () => {
    await fakeBrowser.storage.local.set({ [LOCAL_POLICY_KEY]: fullPolicy() });
    await setAdminPassword();
    await open();
    const rev = await show('reviewers');
    // Locked: removing needs the password, and the button says so by being off.
    expect(byText(rev.querySelector('tr[data-reviewer="a"]')!, 'button', '删除')?.hasAttribute('disabled')).toBe(true);
    const unlock = adminForm(rev, 'unlock');
    await type(passwords(unlock)[0]!, 'county-2025');
    await submit(unlock);
    await until(() => rev.querySelector('[data-admin]')?.getAttribute('data-admin') === 'unlocked');

    const row = () => rev.querySelector('tr[data-reviewer="a"]')!;
    await click(byText(row(), 'button', '重设 PIN'));
    const form = row().querySelector<HTMLFormElement>('[data-reset-pin]')!;
    expect(form.textContent).toContain('无需当前 PIN');
    const [next, again] = [...passwords(form)];
    await type(next!, '13579');
    await type(again!, '13579');
    await click(form.querySelector('button[type=submit]'));
    await until(() => store.state().policy.reviewers[0]!.pin.hash !== fullPolicy().reviewers[0]!.pin.hash);
    expect(await verifyPin('13579', store.state().policy.reviewers[0]!.pin)).toBe(true);

    await settle();
    await click(byText(row(), 'button', '删除'));
    await until(() => store.state().policy.reviewers.length === 2);
    expect(store.state().policy.reviewers.map((r) => r.id)).toEqual(['b', 'c']);
  });

  it('refuses an import that brings another roster until the page is unlocked', async () => {
    await setAdminPassword();
    await open();
    const io = await show('import-export');
    await type(io.querySelector('textarea'), JSON.stringify(fullPolicy()));
    await click(byText(io, 'button', '导入'));
    await settle(50);
    expect(io.querySelector('.problems')?.textContent).toContain('需要管理员密码');
    expect(store.state().policy.reviewers).toEqual([]);
  });
});
