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
    await act(async () => {
      const select = row.querySelector('select')!;
      select.value = 'li';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      const pin = row.querySelector<HTMLInputElement>('input[type=password]')!;
      pin.value = '864202';
      pin.dispatchEvent(new Event('input', { bubbles: true }));
      await Promise.resolve();
    });
    await act(async () => {
      button.click();
      await Promise.resolve();
    });
    expect(signFile).toHaveBeenCalledWith(LIST.key, 'li', '864202');
    expect(row.querySelector<HTMLInputElement>('input[type=password]')!.value).toBe('');
  });

  it('a signed file shows who signed it instead of the sign row', async () => {
    const { el } = await show([{ ...LIST, signed: { reviewerName: '李审核', at: Date.UTC(2026, 0, 2, 3, 4) } }]);
    expect(el.querySelector('[data-upload-signed]')!.textContent).toContain('李审核');
    expect(el.querySelector('[data-action^="sign-file"]')).toBeNull();
  });
});
