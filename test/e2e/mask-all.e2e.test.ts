/**
 * Issue 13 "fixing many at once", in every editor Precheck writes through (lib/editors/edit-appliers.ts),
 * real editors from npm at 1366×768 in Chinese, one shared browser: a pasted 25-row 低保 table's ID
 * column is one group in the checklist ("身份证号码 列：25 项"); one 全部打码 masks all 25 through the
 * editor's own API, the checklist and the panel clear; one 撤销 (the editor's own undo) brings every
 * number back byte for byte. Nothing is posted meanwhile. The editable areas no editor owns (a
 * contenteditable div, TRS WCM's body, eWebEditor's designMode frame) are edited by Precheck itself:
 * its 撤销 puts the old content back, and the CMS hears one input event for each.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { dialog, waitForChecklist, waitForView } from '../../lib/demo/checklist-drive.ts';
import { idCheckChar } from '../../lib/scan/checksums';
import { useLaptop } from './laptop-fixture.ts';
import { getContent, openEditor, publish, setContent, surfaceLocator, type EditorKind } from './harness.ts';

const pad = (n: number) => String(n).padStart(2, '0');
/** 25 valid IDs (checksums right), born on different days of 1980. */
const IDS = Array.from({ length: 25 }, (_, i) => {
  const first17 = `1101051980${pad(1 + (i % 12))}${pad(1 + i)}${String(100 + i).slice(-3)}`;
  return first17 + idCheckChar(first17);
});
const HEAD = '<p>城关镇2026年第四季度低保新增对象公示</p>';
const TABLE =
  `${HEAD}<table border="1"><tbody><tr><th>序号</th><th>姓名</th><th>身份证号码</th><th>保障人数</th></tr>` +
  IDS.map((id, i) => `<tr><td>${i + 1}</td><td>居民${i + 1}</td><td>${id}</td><td>${1 + (i % 4)}</td></tr>`).join('') +
  '</tbody></table><p>公示期七天。</p>';
/** Quill has no tables (the CMS page loads no table module): the same 25 rows as its paragraphs. */
const ROWS = `${HEAD}${IDS.map((id, i) => `<p>${i + 1}. 居民${i + 1}，身份证号码 ${id}，保障人数 ${1 + (i % 4)} 人</p>`).join('')}<p>公示期七天。</p>`;

interface Case {
  kind: EditorKind;
  content: string;
  /** The group's name in the checklist: a table column, or the kind when the editor holds no table. */
  group: string;
  /** No editor of its own: the CMS learns of the change only from input events. */
  plain?: boolean;
}

const CASES: Case[] = [
  { kind: 'ueditor', content: TABLE, group: '身份证号码 列：25 项' },
  { kind: 'tinymce', content: TABLE, group: '身份证号码 列：25 项' },
  { kind: 'ckeditor4', content: TABLE, group: '身份证号码 列：25 项' },
  { kind: 'ckeditor5', content: TABLE, group: '身份证号码 列：25 项' },
  { kind: 'kindeditor', content: TABLE, group: '身份证号码 列：25 项' },
  { kind: 'quill', content: ROWS, group: '身份证号：25 项' },
  { kind: 'wangeditor', content: TABLE, group: '身份证号码 列：25 项' },
  { kind: 'contenteditable', content: TABLE, group: '身份证号码 列：25 项', plain: true },
  { kind: 'trs-wcm', content: TABLE, group: '身份证号码 列：25 项', plain: true },
  { kind: 'ewebeditor', content: TABLE, group: '身份证号码 列：25 项', plain: true },
  // An old CMS's plain textarea holds the HTML source: no table to read a column from.
  { kind: 'textarea', content: TABLE, group: '身份证号：25 项' },
];

const laptop = useLaptop();

const panelBlock = (page: Page) => page.evaluate<number>(`Number(document.querySelector('precheck-panel')?.dataset.block ?? -1)`);
const rawIdsIn = (html: string) => IDS.filter((id) => html.includes(id)).length;
/** Counts the input events the editable area dispatches from now on (in its own frame). */
const countInputs = (page: Page, kind: EditorKind) =>
  surfaceLocator(page, kind).evaluate((el) => {
    const win = el.ownerDocument.defaultView as Window & { __inputs?: number };
    win.__inputs = 0;
    el.addEventListener('input', () => win.__inputs!++);
  });
const inputs = (page: Page, kind: EditorKind) =>
  surfaceLocator(page, kind).evaluate((el) => (el.ownerDocument.defaultView as Window & { __inputs?: number }).__inputs ?? 0);

describe.each(CASES)('$kind', ({ kind, content, group: name, plain }) => {
  test('one 全部打码 masks a 25-row ID column; one 撤销 restores it', async () => {
    laptop.server.reset();
    const { page } = await openEditor(laptop.tab, laptop.server, kind);
    await page.locator('precheck-panel').waitFor({ state: 'attached' });
    await setContent(page, content);
    await expect.poll(() => panelBlock(page), { timeout: 10_000 }).toBe(25);
    const before = await getContent(page);
    expect(rawIdsIn(before)).toBe(25);

    await publish(page, kind, 'click');
    await waitForChecklist(page);
    const group = dialog(page).locator('[data-group]', { hasText: name });
    await expect.poll(() => group.count()).toBe(1);
    // The preview is the mask a 公示 prints: region and last four, the birth date hidden.
    expect(await group.innerText()).toContain(`打码后：110105********${IDS[0]!.slice(-4)}`);
    await page.screenshot({ path: `test-output/issue13-group-${kind}.png` });

    if (plain) await countInputs(page, kind);
    await group.locator('[data-action=mask-group]').click();
    await waitForView(page, (v) => v.complete.findings, 'the column masked', 10_000);
    const after = await getContent(page);
    expect(rawIdsIn(after)).toBe(0);
    for (const id of IDS) expect(after).toContain(`${id.slice(0, 6)}********${id.slice(-4)}`);
    // The rest of the table is as it was.
    expect(after).toContain('居民25');
    await expect.poll(() => panelBlock(page)).toBe(0);
    if (plain) expect(await inputs(page, kind)).toBe(1);
    await page.screenshot({ path: `test-output/issue13-masked-${kind}.png` });

    await dialog(page).locator('[data-action=undo-mask]').click();
    await expect.poll(() => getContent(page).then(rawIdsIn), { timeout: 10_000 }).toBe(25);
    expect(await getContent(page)).toBe(before);
    if (plain) expect(await inputs(page, kind)).toBe(2);
    await waitForView(page, (v) => v.problems.filter((p) => p === 'finding-block').length === 25, 'all 25 back', 10_000);
    expect(laptop.server.posts.filter((p) => p.path === '/api/publish')).toHaveLength(0);
  });
});
