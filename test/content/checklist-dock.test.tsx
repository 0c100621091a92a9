// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { ChecklistDock, type ChecklistActions, type ChecklistDockProps } from '../../components/checklist/ChecklistDock';
import { mountChecklist } from '../../lib/content/checklist-host';
import type { Finding } from '../../lib/scan/types';
import { NO_CONFIRMATIONS, type ChecklistProblem, type ChecklistResult, type SectionId } from '../../lib/signoff/types';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const PIN = '246810';

function result(problems: Partial<Record<SectionId, ChecklistProblem[]>> = {}, extra: Partial<ChecklistResult> = {}): ChecklistResult {
  const sections = Object.fromEntries(
    (['findings', 'fields', 'confirm', 'signoff'] as const).map((id) => [id, { id, complete: (problems[id] ?? []).length === 0, problems: problems[id] ?? [] }]),
  ) as ChecklistResult['sections'];
  const complete = Object.values(sections).every((s) => s.complete);
  return { sections, important: false, needs: { reviewer: false, principal: false }, complete, ...extra };
}

const finding = (severity: Finding['severity'], excerpt: string): Finding => ({
  ruleId: severity === 'block' ? 'cn-id' : 'mobile',
  kind: severity === 'block' ? 'cn-id' : 'phone',
  severity,
  start: 0,
  end: 11,
  excerpt,
  message: '',
});

const msg = (zh: string) => ({ zh, en: zh });

type Spies = { [K in keyof ChecklistActions]: Mock<ChecklistActions[K]> };

function actions(): Spies {
  return {
    goToField: vi.fn(),
    setOwnField: vi.fn(),
    goToFinding: vi.fn(),
    maskGroup: vi.fn(),
    undoMask: vi.fn(),
    setConfirmations: vi.fn(),
    setMarkedImportant: vi.fn(),
    override: vi.fn(),
    signOff: vi.fn(),
    publish: vi.fn(),
    close: vi.fn(),
  };
}

const dock = { collapsed: false, toggle: () => undefined, resize: () => undefined };

function props(over: Partial<Omit<ChecklistDockProps, 'actions'>> = {}): Omit<ChecklistDockProps, 'actions'> & { actions: Spies } {
  return {
    dock,
    masked: null,
    pinError: null,
    result: result(),
    findings: [],
    fields: {},
    catalogue: [{ id: '03', name: '人事管理' }],
    roster: [
      { id: 'r1', name: '李四', unit: '县政府办', role: 'reviewer' },
      { id: 'r2', name: '张三', unit: '县政府办', role: 'reviewer' },
      { id: 'p1', name: '王主任', unit: '县政府办', role: 'principal' },
    ],
    confirmations: NO_CONFIRMATIONS,
    markedImportant: false,
    editor: '张三',
    signoffs: [],
    voided: false,
    busy: false,
    message: null,
    ...over,
    // Each finding its own group, unless the test groups them.
    groups: over.groups ?? (over.findings ?? []).map((f) => ({ id: f.key, kind: f.finding.kind, count: 1, keys: [f.key], maskable: false, preview: null })),
    actions: actions(),
  };
}

let root: Root | undefined;
let container: HTMLElement | undefined;

async function show(p: ChecklistDockProps): Promise<HTMLElement> {
  if (!container) {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  }
  await act(async () => {
    root!.render(<ChecklistDock {...p} />);
    await Promise.resolve();
  });
  return container;
}

const $ = <T extends Element = HTMLElement>(sel: string, from: ParentNode = container!) => from.querySelector<T>(sel);

async function click(el: Element | null): Promise<void> {
  if (!(el instanceof HTMLElement)) throw new Error('nothing to click');
  await act(async () => {
    el.click();
    await Promise.resolve();
  });
}

/** Types the way a user does: React tracks the value through the prototype's setter. */
async function type(el: Element | null, value: string): Promise<void> {
  if (!(el instanceof HTMLInputElement)) throw new Error('not an input');
  await act(async () => {
    Reflect.set(HTMLInputElement.prototype, 'value', value, el);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    await Promise.resolve();
  });
}

async function choose(el: Element | null, value: string): Promise<void> {
  if (!(el instanceof HTMLSelectElement)) throw new Error('not a select');
  await act(async () => {
    el.value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
    await Promise.resolve();
  });
}

async function key(el: Element | null, k: string): Promise<void> {
  await act(async () => {
    el!.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
    await Promise.resolve();
  });
}

beforeEach(() => {
  // A Chinese browser: the checklist speaks only Chinese.
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['zh-CN', 'zh']);
});

afterEach(() => {
  vi.restoreAllMocks();
  if (root) act(() => root!.unmount());
  container?.remove();
  root = undefined;
  container = undefined;
  document.body.innerHTML = '';
});

describe('ChecklistDock', () => {
  it('is a non-modal dialog in Chinese only, with every section and its state', async () => {
    const p = props({ result: result({ fields: [{ code: 'field-missing', field: 'category', message: { zh: '请填写「信息类别」', en: 'The category is required' } }] }) });
    const view = await show(p);
    const dialog = $('[role=dialog]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('false');
    expect(dialog.textContent).not.toMatch(/[A-Za-z]{4,}/);
    expect(dialog.textContent).toContain('发布前检查');
    const sections = [...view.querySelectorAll('[data-section]')].map((s) => [s.getAttribute('data-section'), s.getAttribute('data-complete')]);
    expect(sections).toEqual([
      ['findings', 'true'],
      ['fields', 'false'],
      ['confirm', 'true'],
      ['signoff', 'true'],
    ]);
    expect($('[data-section=findings] h3')!.textContent).toContain('✓');
    expect($('[data-section=fields] h3')!.textContent).toContain('1');
    expect($('[data-problem=field-missing]')!.textContent).toContain('请填写「信息类别」');
  });

  it('keeps 发布 disabled until the checklist is complete', async () => {
    const p = props({ result: result({ signoff: [{ code: 'needs-reviewer', message: msg('尚需审核人签发') }] }, { needs: { reviewer: true, principal: false } }) });
    await show(p);
    const publish = $<HTMLButtonElement>('[data-action=publish]')!;
    expect(publish.disabled).toBe(true);
    await click(publish);
    expect(p.actions.publish).not.toHaveBeenCalled();

    await show({ ...p, result: result() });
    expect(publish.disabled).toBe(false);
    await click(publish);
    expect(p.actions.publish).toHaveBeenCalledTimes(1);

    // A request in flight: nothing is sent twice.
    await show({ ...p, result: result(), busy: true });
    expect($<HTMLButtonElement>('[data-action=publish]')!.disabled).toBe(true);
  });

  it('closes with 关闭 and with Escape', async () => {
    const p = props();
    await show(p);
    await click($('[data-action=close]'));
    await key($('[role=dialog]'), 'Escape');
    expect(p.actions.close).toHaveBeenCalledTimes(2);
  });

  it('goes to a field and to a finding', async () => {
    const block = finding('block', '640221********1234');
    const p = props({
      findings: [{ key: 'cn-id|640221********1234|0', finding: block, where: '正文', overridable: false }],
      result: result({
        findings: [{ code: 'finding-block', findingKey: 'cn-id|640221********1234|0', severity: 'block', message: msg('身份证号必须删除或修改后才能发布') }],
        fields: [{ code: 'disclosure-not-public', field: 'disclosure', message: msg('公开方式为「不予公开」') }],
      }),
    });
    await show(p);
    const row = $('[data-finding]')!;
    expect(row.getAttribute('data-problem')).toBe('finding-block');
    expect(row.textContent).toContain('必须修改');
    // A block finding can never be overridden.
    expect($('[data-action=override]', row)).toBeNull();
    await click($('[data-action=goto-finding]', row));
    expect(p.actions.goToFinding).toHaveBeenCalledWith('cn-id|640221********1234|0');
    await click($('[data-problem=disclosure-not-public] [data-action=goto-field]'));
    expect(p.actions.goToField).toHaveBeenCalledWith('disclosure');
  });

  it("asks for category and disclosure itself when the CMS form has neither (Precheck's own fields)", async () => {
    const p = props({ fields: { title: { present: true, value: 'x', text: 'x' }, category: { present: true, value: '', text: '', own: true }, disclosure: { present: true, value: '', text: '', own: true } } });
    await show(p);
    expect($('[data-own-field=category] select')).not.toBeNull();
    await choose($('[data-own-field=category] select'), '03');
    expect(p.actions.setOwnField).toHaveBeenCalledWith('category', '03');
    await choose($('[data-own-field=disclosure] select'), '主动公开');
    expect(p.actions.setOwnField).toHaveBeenCalledWith('disclosure', '主动公开');
    // A CMS that has the field gets no second one from Precheck.
    await show(props({ fields: { category: { present: true, value: '03', text: '人事管理' } } }));
    expect($('[data-own-field=category]')).toBeNull();
  });

  it('asks for the 栏目 itself where the CMS form has none, as typed; 转到该项 goes to its own control, not the CMS form', async () => {
    const own = { present: true, value: '', text: '', own: true };
    const p = props({
      fields: { title: { present: true, value: 'x', text: 'x' }, channel: own, category: own, disclosure: own },
      result: result({ fields: [{ code: 'field-missing', field: 'channel', message: msg('请填写「栏目」') }] }),
    });
    await show(p);
    const input = $<HTMLInputElement>('[data-own-field=channel] input')!;
    act(() => {
      input.value = '通知公告';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(p.actions.setOwnField).toHaveBeenLastCalledWith('channel', '通知公告');
    await click($('[data-problem=field-missing] [data-action=goto-field]'));
    expect(p.actions.goToField).not.toHaveBeenCalled();
    expect(input.getRootNode()).toHaveProperty('activeElement', input);
  });

  it('sets the confirmations, the other unit and 重要信息', async () => {
    const p = props();
    await show(p);
    await click($('[data-confirm=secrecy]'));
    expect(p.actions.setConfirmations).toHaveBeenLastCalledWith({ ...NO_CONFIRMATIONS, secrecy: true });
    expect($('[data-input=other-unit-name]')).toBeNull();
    await click($('[data-confirm=other-unit]'));
    expect(p.actions.setConfirmations).toHaveBeenLastCalledWith({ ...NO_CONFIRMATIONS, otherUnit: { involved: true, name: '', confirmed: false } });
    await click($('[data-confirm=important]'));
    expect(p.actions.setMarkedImportant).toHaveBeenCalledWith(true);

    const involved = { ...NO_CONFIRMATIONS, accuracy: true, otherUnit: { involved: true, name: '', confirmed: false } };
    await show({ ...p, confirmations: involved });
    expect($<HTMLInputElement>('[data-confirm=accuracy]')!.checked).toBe(true);
    await type($('[data-input=other-unit-name]'), '县财政局');
    expect(p.actions.setConfirmations).toHaveBeenLastCalledWith({ ...involved, otherUnit: { involved: true, name: '县财政局', confirmed: false } });
    await click($('[data-confirm=other-unit-confirmed]'));
    expect(p.actions.setConfirmations).toHaveBeenLastCalledWith({ ...involved, otherUnit: { involved: true, name: '', confirmed: true } });
  });

  it('shows 重要信息 ticked and fixed when the category makes the item important', async () => {
    await show(props({ result: result({}, { important: true }) }));
    const box = $<HTMLInputElement>('[data-confirm=important]')!;
    expect(box.checked).toBe(true);
    expect(box.disabled).toBe(true);
  });

  it('overrides an overridable warn finding with reason, reviewer and PIN, then clears the PIN', async () => {
    const key1 = 'mobile|139****5678|0';
    const p = props({
      findings: [
        { key: key1, finding: finding('warn', '139****5678'), where: '正文', overridable: true },
        {
          key: 'mobile|138****0000|0',
          finding: finding('warn', '138****0000'),
          where: '标题',
          overridable: true,
          override: { key: 'mobile|138****0000|0', ruleId: 'mobile', excerpt: '138****0000', reason: '单位办公电话', reviewerId: 'r1', reviewerName: '李四', at: Date.UTC(2026, 0, 5, 8) },
        },
      ],
      result: result({ findings: [{ code: 'finding-needs-override', findingKey: key1, severity: 'warn', message: msg('电话号码需要核实') }] }),
    });
    await show(p);
    const rows = [...container!.querySelectorAll('[data-finding]')];
    expect(rows).toHaveLength(2);
    const [open, done] = rows as [HTMLElement, HTMLElement];
    expect(done.textContent).toContain('单位办公电话');
    expect(done.textContent).toContain('李四');
    expect($('[data-action=override]', done)).toBeNull();

    const submit = $<HTMLButtonElement>('[data-action=override]', open)!;
    expect(submit.disabled).toBe(true);
    await type($('[data-input=reason]', open), '本人同意公开');
    await choose($('[data-input=override-reviewer]', open), 'r1');
    const pin = $<HTMLInputElement>('[data-input=pin-override]', open)!;
    expect(pin.type).toBe('password');
    expect(pin.getAttribute('autocomplete')).toBe('off');
    await type(pin, PIN);
    expect(submit.disabled).toBe(false);
    await click(submit);
    expect(p.actions.override).toHaveBeenCalledWith(key1, '本人同意公开', 'r1', PIN);
    expect(pin.value).toBe('');
    expect(submit.disabled).toBe(true);
  });

  it('groups a table column under its header with one 全部打码 and a preview, folds its rows, and offers 撤销 after', async () => {
    const ids = Array.from({ length: 25 }, (_, i) => ({ key: `cn-id|k${i}`, finding: finding('block', '640221********1234'), where: '正文', overridable: false }));
    const p = props({
      findings: ids,
      groups: [{ id: 'body|0|cn-id|0:2', kind: 'cn-id', column: { table: 0, index: 2, header: '身份证号码' }, count: 25, keys: ids.map((f) => f.key), maskable: true, preview: '640221********1234' }],
      result: result({ findings: ids.map((f) => ({ code: 'finding-block', findingKey: f.key, severity: 'block' as const, message: msg('身份证号必须删除或打码后才能发布') })) }),
    });
    await show(p);
    const group = $('[data-group]')!;
    expect($('[data-group-label]', group)!.textContent).toBe('身份证号码 列：25 项');
    expect(group.textContent).toContain('打码后：640221********1234');
    expect(group.querySelectorAll('details [data-finding]')).toHaveLength(25);
    await click($('[data-action=mask-group]', group));
    expect(p.actions.maskGroup).toHaveBeenCalledWith('body|0|cn-id|0:2');
    expect($('[data-action=undo-mask]')).toBeNull();

    await show({ ...p, masked: { count: 25 } });
    expect($('[data-masked]')!.textContent).toContain('已将 25 项打码');
    await click($('[data-action=undo-mask]'));
    expect(p.actions.undoMask).toHaveBeenCalledTimes(1);
  });

  it('lays out only part of a long list (a 1 MB 公示 table): a big group folds, opens, and scrolling reaches its last row and the group after it', async () => {
    const ids = Array.from({ length: 300 }, (_, i) => ({ key: `cn-id|k${i}`, finding: finding('block', '640221********1234'), where: '正文', overridable: false }));
    const phones = [0, 1].map((i) => ({ key: `phone|p${i}`, finding: finding('warn', '139****5678'), where: '正文', overridable: false }));
    const all = [...ids, ...phones];
    const p = props({
      findings: all,
      groups: [
        { id: 'ids', kind: 'cn-id', column: { table: 0, index: 2, header: '身份证号码' }, count: 300, keys: ids.map((f) => f.key), maskable: true, preview: null },
        { id: 'phones', kind: 'phone', count: 2, keys: phones.map((f) => f.key), maskable: true, preview: null },
      ],
      result: result({ findings: all.map((f) => ({ code: f.finding.severity === 'block' ? 'finding-block' : 'finding-warn', findingKey: f.key, severity: f.finding.severity, message: msg('须处理') })) }),
    });
    // happy-dom lays nothing out: the list's box is 400 px high, each line 64 px (as a browser would say)
    const height = (el: Element) => (el.hasAttribute('data-findings-scroll') ? 400 : 64);
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return height(this);
    });
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return height(this);
    });
    await show(p);
    const box = $('[data-findings-scroll]')!;
    expect($('[data-findings-count]')!.getAttribute('data-findings-count')).toBe('302');
    // folded: the big group's head, then the small group open under it
    expect([...container!.querySelectorAll('[data-group]')].map((g) => g.getAttribute('data-group'))).toEqual(['ids', 'phones']);
    expect([...container!.querySelectorAll('[data-finding]')].map((r) => r.getAttribute('data-finding'))).toEqual(['phone|p0', 'phone|p1']);

    await click($('[data-group=ids] [data-action=toggle-group]'));
    const laidOut = container!.querySelectorAll('[data-finding]');
    expect(laidOut.length).toBeGreaterThan(0);
    expect(laidOut.length).toBeLessThan(100);
    expect(laidOut[0]!.getAttribute('data-finding')).toBe('cn-id|k0');

    // scrolled to the end: the column's last row and the phones are laid out, its first row no longer
    await act(async () => {
      box.scrollTop = 300 * 64;
      box.dispatchEvent(new Event('scroll'));
      await new Promise((r) => setTimeout(r, 50));
    });
    const keys = [...container!.querySelectorAll('[data-finding]')].map((r) => r.getAttribute('data-finding'));
    expect(keys).toContain('cn-id|k299');
    expect(keys).toContain('phone|p1');
    expect(keys).not.toContain('cn-id|k0');
    await click($('[data-finding="cn-id|k299"] [data-action=goto-finding]'));
    expect(p.actions.goToFinding).toHaveBeenCalledWith('cn-id|k299');
  });

  it('says a refused PIN next to the PIN box it came from, with a countdown that moves and a locked 签发', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    try {
      const p = props({
        result: result({ signoff: [{ code: 'needs-reviewer', message: msg('尚需审核人签发') }] }, { needs: { reviewer: true, principal: false } }),
        pinError: { at: 'sign-reviewer', code: 'locked', text: 'PIN 错误次数过多，请 30 秒后再试', until: Date.now() + 30_000 },
      });
      await show(p);
      const row = $('[data-sign-row=reviewer]')!;
      const error = $('[data-pin-error=sign-reviewer]', row)!;
      expect(error.getAttribute('role')).toBe('alert');
      expect($('[data-input=pin-reviewer]', row)!.getAttribute('aria-describedby')).toBe(error.id);
      expect(error.textContent).toBe('PIN 已暂时锁定，请 30 秒后再试');
      await act(async () => {
        vi.advanceTimersByTime(5_000);
        await Promise.resolve();
      });
      expect(error.textContent).toBe('PIN 已暂时锁定，请 25 秒后再试');
      await choose($('[data-input=reviewer-select]'), 'r1');
      await type($('[data-input=pin-reviewer]'), PIN);
      expect($<HTMLButtonElement>('[data-action=sign-reviewer]')!.disabled).toBe(true);
      await act(async () => {
        vi.advanceTimersByTime(25_000);
        await Promise.resolve();
      });
      expect(error.textContent).toBe('现在可以重新输入 PIN');
      expect($<HTMLButtonElement>('[data-action=sign-reviewer]')!.disabled).toBe(false);
      // Not at the top of the checklist.
      expect($('[data-message]:not([data-pin-error])')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not offer an override the policy does not allow', async () => {
    const k = 'mobile|139****5678|0';
    await show(
      props({
        findings: [{ key: k, finding: finding('warn', '139****5678'), where: '正文', overridable: false }],
        result: result({ findings: [{ code: 'finding-warn', findingKey: k, severity: 'warn', message: msg('电话号码须修改后才能发布') }] }),
      }),
    );
    expect($('[data-finding]')!.textContent).toContain('必须修改');
    expect($('[data-action=override]')).toBeNull();
  });

  it('signs off as the reviewer; the PIN is cleared after each submit and never reaches the markup', async () => {
    const p = props({
      fields: { reviewer: { present: true, value: '李四', text: '李四' } },
      result: result({ signoff: [{ code: 'needs-reviewer', message: msg('尚需审核人签发') }] }, { needs: { reviewer: true, principal: false } }),
    });
    const view = await show(p);
    // The form's 审核人 is preselected; the editor cannot pick themself.
    const who = $<HTMLSelectElement>('[data-input=reviewer-select]')!;
    expect(who.value).toBe('r1');
    expect([...who.options].find((o) => o.value === 'r2')!.disabled).toBe(true);
    expect(view.textContent).toContain('审核人不能与编辑（张三）为同一人');

    const pin = $<HTMLInputElement>('[data-input=pin-reviewer]')!;
    expect(pin.type).toBe('password');
    expect(pin.getAttribute('autocomplete')).toBe('off');
    await type(pin, PIN);
    expect(view.innerHTML).not.toContain(PIN);
    await click($('[data-action=sign-reviewer]'));
    expect(p.actions.signOff).toHaveBeenCalledWith('reviewer', 'r1', PIN);
    expect(pin.value).toBe('');

    // Enter in the PIN field signs too.
    await type(pin, '135790');
    await key(pin, 'Enter');
    expect(p.actions.signOff).toHaveBeenLastCalledWith('reviewer', 'r1', '135790');
    expect(pin.value).toBe('');
  });

  it('asks for the principal only for important items, from the principals on the roster', async () => {
    const p = props({ result: result({ signoff: [{ code: 'needs-reviewer', message: msg('尚需审核人签发') }] }, { needs: { reviewer: true, principal: false } }) });
    await show(p);
    expect($('[data-input=principal-select]')).toBeNull();
    expect($('[data-action=sign-principal]')).toBeNull();

    const signed = { digest: 'd', reviewerId: 'r1', reviewerName: '李四', role: 'reviewer' as const, at: Date.UTC(2026, 0, 5, 9, 30), expiresAt: Date.UTC(2026, 0, 5, 10) };
    await show({
      ...p,
      signoffs: [signed],
      result: result({ signoff: [{ code: 'needs-principal', message: msg('尚需主要负责人') }] }, { important: true, needs: { reviewer: false, principal: true } }),
    });
    // The reviewer has signed: shown with name and time, their row gone.
    expect($('[data-input=reviewer-select]')).toBeNull();
    expect($('[data-signoff=reviewer]')!.textContent).toContain('李四');
    expect($('[data-signoff=reviewer]')!.textContent).toMatch(/2026-01-05 \d\d:30/);
    const principals = $<HTMLSelectElement>('[data-input=principal-select]')!;
    expect([...principals.options].map((o) => o.value)).toEqual(['', 'p1']);
    await choose(principals, 'p1');
    const pin = $<HTMLInputElement>('[data-input=pin-principal]')!;
    await type(pin, PIN);
    await click($('[data-action=sign-principal]'));
    expect(p.actions.signOff).toHaveBeenCalledWith('principal', 'p1', PIN);
    expect(pin.value).toBe('');
  });

  it('shows the voided banner only when the draft changed after sign-off, and the message', async () => {
    const p = props();
    await show(p);
    expect($('[data-voided]')).toBeNull();
    expect($('[data-message]')).toBeNull();
    await show({ ...p, voided: true, message: { kind: 'error', text: 'PIN 错误，还可尝试 2 次' } });
    expect($('[data-voided]')!.textContent).toContain('内容已修改，需重新签发');
    expect($('[data-message]')!.textContent).toBe('PIN 错误，还可尝试 2 次');
    expect($('[data-message]')!.getAttribute('role')).toBe('alert');
  });
});

describe('mountChecklist', () => {
  it('renders the checklist in a shadow root docked on the right, narrows the page by its width, and hides it', async () => {
    const host = mountChecklist(document);
    // Nothing on the page until the checklist is first shown.
    expect(document.querySelector('precheck-checklist')).toBeNull();
    const p = props();
    await act(async () => {
      host.render(p);
      await Promise.resolve();
    });
    const el = document.querySelector<HTMLElement>('precheck-checklist')!;
    expect(el.hasAttribute('data-precheck')).toBe(true);
    expect(el.style.getPropertyValue('position')).toBe('fixed');
    expect(el.style.getPropertyPriority('position')).toBe('important');
    expect(el.style.getPropertyValue('right')).toBe('0px');
    expect(el.style.getPropertyValue('width')).toBe('420px');
    expect(document.documentElement.style.getPropertyValue('margin-right')).toBe('420px');
    expect(el.shadowRoot!.querySelectorAll('[data-section]')).toHaveLength(4);

    // Keys typed in the dialog do not reach the page's own handlers.
    const pageKeys = vi.fn();
    document.addEventListener('keydown', pageKeys);
    await key(el.shadowRoot!.querySelector('[data-confirm=accuracy]'), 'a');
    expect(pageKeys).not.toHaveBeenCalled();
    document.removeEventListener('keydown', pageKeys);

    await act(async () => {
      host.hide();
      await Promise.resolve();
    });
    expect(el.shadowRoot!.querySelector('[role=dialog]')).toBeNull();
    // The page gets its width back.
    expect(document.documentElement.style.getPropertyValue('margin-right')).toBe('');
    await act(async () => {
      host.render(p);
      await Promise.resolve();
    });
    expect(el.shadowRoot!.querySelector('[role=dialog]')).not.toBeNull();
    await act(async () => {
      host.unmount();
      await Promise.resolve();
    });
    expect(document.querySelector('precheck-checklist')).toBeNull();
  });

  it('lies over the page without narrowing it while the draft is large, and docks again once it is not', async () => {
    let large = true;
    const host = mountChecklist(document, () => large);
    const shown = async () =>
      act(async () => {
        host.render(props());
        await Promise.resolve();
      });
    await shown();
    const el = document.querySelector<HTMLElement>('precheck-checklist')!;
    expect(el.style.getPropertyValue('width')).toBe('420px');
    expect(document.documentElement.style.getPropertyValue('margin-right')).toBe('');
    large = false;
    await shown();
    expect(document.documentElement.style.getPropertyValue('margin-right')).toBe('420px');
    large = true;
    await shown();
    expect(document.documentElement.style.getPropertyValue('margin-right')).toBe('');
    await act(async () => {
      host.unmount();
      await Promise.resolve();
    });
  });
});
