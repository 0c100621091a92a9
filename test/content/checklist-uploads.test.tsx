// @vitest-environment happy-dom
/** The checklist's refused uploads: each file with its findings in place, and a sign-off of that one file. */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { UploadsSection } from '../../components/checklist/UploadsSection';
import type { HeldUpload } from '../../lib/content/attachments/held-uploads';
import type { Finding } from '../../lib/scan/types';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const cell = (n: number): Finding =>
  ({ ruleId: 'cn-id', kind: 'cn-id', severity: 'block', start: 0, end: 18, excerpt: `110105********00${n}X`, message: { zh: '', en: '' }, location: { file: '低保名单.xlsx', text: `隐藏工作表「原始」C${n}` } }) as unknown as Finding;
const LIST: HeldUpload = { name: '低保名单.xlsx', key: `sha256:${'a'.repeat(64)}:5120`, sha256: 'a'.repeat(64), size: 5120, reason: 'block', findings: [cell(2), cell(3)] };
const ROSTER = [{ id: 'li', name: '李审核', unit: '县民政局', role: 'reviewer' as const }];

async function show(items: HeldUpload[], signFile = vi.fn()) {
  const el = document.createElement('div');
  document.body.append(el);
  await act(async () => {
    createRoot(el).render(<UploadsSection uploads={{ items, signFile }} roster={ROSTER} editor="张编辑" busy={false} pinError={null} />);
    await Promise.resolve();
  });
  return { el, signFile };
}

/** Chooses 李审核 in the row's sign-off and types the PIN, as a reviewer does. */
async function pickAndType(row: Element): Promise<void> {
  await act(async () => {
    const select = row.querySelector('select')!;
    select.value = 'li';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    const pin = row.querySelector<HTMLInputElement>('input[type=password]')!;
    pin.value = '864202';
    pin.dispatchEvent(new Event('input', { bubbles: true }));
    await Promise.resolve();
  });
}

describe('UploadsSection', () => {
  // A Chinese browser: the checklist speaks Chinese (the place words come from the terms table).
  beforeEach(() => void vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['zh-CN']));

  it('is absent without refused uploads', async () => {
    expect((await show([])).el.innerHTML).toBe('');
  });

  it('names the file, its size and key, and each finding with its cell (masked)', async () => {
    const { el } = await show([LIST]);
    const row = el.querySelector(`[data-upload="${LIST.key}"]`)!;
    expect(row.textContent).toContain('低保名单.xlsx');
    expect(row.textContent).toContain('SHA-256 aaaaaaaaaaaaaaaa');
    expect([...row.querySelectorAll('[data-upload-finding]')].map((f) => f.textContent)).toEqual([
      '附件 低保名单.xlsx · 隐藏工作表「原始」C2 110105********002X',
      '附件 低保名单.xlsx · 隐藏工作表「原始」C3 110105********003X',
    ]);
  });

  it('signs off exactly that file with the chosen reviewer and PIN', async () => {
    const { el, signFile } = await show([LIST]);
    const row = el.querySelector(`[data-upload="${LIST.key}"]`)!;
    const button = row.querySelector<HTMLButtonElement>(`[data-action="sign-file:${LIST.key}"]`)!;
    expect(button.disabled).toBe(true);
    await pickAndType(row);
    await act(async () => {
      button.click();
      await Promise.resolve();
    });
    expect(signFile).toHaveBeenCalledWith(LIST.key, 'li', '864202');
    expect(row.querySelector<HTMLInputElement>('input[type=password]')!.value).toBe('');
  });

  it('a file too large to check asks the reviewer to confirm it by name and size before the sign-off', async () => {
    const big: HeldUpload = { ...LIST, name: '录像说明.pdf', size: 3 * 1024 * 1024, reason: 'too-large', findings: [], why: { zh: '文件 3.0 MB，超过策略上限 1 MB，未检查，需审核人确认', en: 'too large' } };
    const { el, signFile } = await show([big]);
    const row = el.querySelector(`[data-upload="${big.key}"]`)!;
    expect(row.textContent).toContain('超过策略上限 1 MB');
    const confirm = row.querySelector<HTMLInputElement>('[data-upload-confirm]')!;
    expect(confirm.parentElement!.textContent).toContain('「录像说明.pdf」（3.0 MB）超过检查上限');
    const button = row.querySelector<HTMLButtonElement>(`[data-action="sign-file:${big.key}"]`)!;
    await pickAndType(row);
    expect(button.disabled, 'not before the confirmation').toBe(true);
    await act(async () => {
      confirm.click();
      await Promise.resolve();
    });
    expect(button.disabled).toBe(false);
    await act(async () => {
      button.click();
      await Promise.resolve();
    });
    expect(signFile).toHaveBeenCalledWith(big.key, 'li', '864202');
  });

  it('a signed file shows who signed it instead of the sign row', async () => {
    const { el } = await show([{ ...LIST, signed: { reviewerName: '李审核', at: Date.UTC(2026, 0, 2, 3, 4) } }]);
    expect(el.querySelector('[data-upload-signed]')!.textContent).toContain('李审核');
    expect(el.querySelector('[data-action^="sign-file"]')).toBeNull();
  });

  it.each([
    ['encrypted', '「名单.xlsx」（5.0 KB）设有打开密码（已加密），无法读取，未经预检检查，同意上传'],
    ['corrupt', '「名单.xlsx」（5.0 KB）已损坏或不是其扩展名所说的格式，无法读取，未经预检检查，同意上传'],
  ] as const)('an %s file asks for a confirmation naming it and why before the sign-off', async (reason, text) => {
    const file: HeldUpload = { ...LIST, name: '名单.xlsx', reason, findings: [], why: { zh: '文件无法读取', en: 'unreadable' } };
    const { el } = await show([file]);
    const row = el.querySelector(`[data-upload="${file.key}"]`)!;
    expect(row.querySelector('[data-upload-confirm]')!.parentElement!.textContent).toContain(text);
    await pickAndType(row);
    expect(row.querySelector<HTMLButtonElement>(`[data-action="sign-file:${file.key}"]`)!.disabled, 'not before the confirmation').toBe(true);
  });

  it('a linked file with findings says what to do (replace it, or a reviewer signs for this publish); signed, it says for one publish', async () => {
    const linked: HeldUpload = { ...LIST, linked: true };
    const { el } = await show([linked]);
    expect(el.querySelector('[data-linked-note]')!.textContent).toContain('替换为已处理（打码）的文件');
    expect(el.querySelectorAll('[data-upload-finding]')).toHaveLength(2);
    const signed = await show([{ ...linked, signed: { reviewerName: '李审核', at: Date.UTC(2026, 0, 2, 3, 4) } }]);
    expect(signed.el.querySelector('[data-upload-signed]')!.textContent).toContain('可随稿件发布一次');
    expect(signed.el.querySelector('[data-linked-note]')).toBeNull();
  });
});
