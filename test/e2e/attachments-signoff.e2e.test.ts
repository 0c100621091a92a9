/**
 * A reviewer's sign-off of attachments that would otherwise be a dead end (issue 12), in real
 * Chromium with the built extension and the recording server (lib/demo/pages/attachments.html):
 *
 * - a file the draft links to on the CMS's origin that holds IDs: the reviewer signs off exactly
 *   that file's bytes, the publish then goes out once; other bytes put at the same URL are not covered;
 * - an encrypted upload and a corrupt linked file: reported unreadable, confirmed unchecked by name
 *   and reason before the PIN sign-off, logged with that reason.
 *
 * The files are the attachment corpus's (ExcelJS, officecrypto-tool): the 低保名单 with IDs on a
 * hidden sheet, another list with IDs in a hidden column, an encrypted and a truncated workbook.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checklistView, confirmAll, pressChecklistPublish, signAs, waitForView } from '../../lib/demo/checklist-drive.ts';
import { demoPerson, demoPolicy } from '../../lib/demo/demo-policy.ts';
import type { CmsServer } from '../../lib/demo/server.ts';
import { IDS } from '../attachments/labelled';
import { arrivedFiles, corpusFiles, LIST, sha } from './attachment-files.ts';
import { AttachmentPage, signFile, XLSX } from './attachment-page.ts';

/** Another list with IDs: what the CMS holds at the same URL after the file was replaced. */
const OTHER = '临时救助-隐藏列.xlsx';
const ENCRYPTED = '加密名单.xlsx';
const CORRUPT = '损坏名单.xlsx';
/** How long a refused publish is watched for a request that should not come. */
const SETTLE_MS = 2_500;
const LINK = '/uploads/2026/signoff/名单.xlsx';
const HREF = encodeURI(LINK);

let server: CmsServer;
let page: Page;
let files: Map<string, Buffer>;
let ui: AttachmentPage;
const reviewer = demoPerson('lisi');

beforeAll(async () => {
  files = await corpusFiles([LIST, OTHER, ENCRYPTED, CORRUPT]);
  ui = await AttachmentPage.start(files, await demoPolicy());
  ({ server, page } = ui);
}, 120_000);

afterAll(() => ui?.close());

const publishes = (since: number) => server.requests({ path: '/api/publish', since });

/** The CMS's own 发布 is pressed: Precheck stops it and opens the checklist. */
async function pressCmsPublish(): Promise<void> {
  await page.locator('#btn-publish').click({ noWaitAfter: true });
}

describe('a linked attachment with IDs: the reviewer signs off exactly its bytes, for one publish', () => {
  test('listed with its cells and what to do; signed, the publish goes out once; other bytes at the URL are not covered; the log names the file', async () => {
    server.host(LINK, files.get(LIST)!, XLSX);
    await ui.open();
    await ui.writeLinkedDraft(HREF);
    const since = server.mark();
    await pressCmsPublish();
    let row = await ui.heldRow('名单.xlsx');
    expect(await row.innerText()).toContain('隐藏工作表「原始」C2');
    expect(await row.locator('[data-linked-note]').innerText()).toContain('替换为已处理（打码）的文件');
    for (const id of IDS) expect(await row.innerText(), 'masked excerpts only').not.toContain(id);
    expect((await checklistView(page)).complete.findings).toBe(false);

    await signFile(row, reviewer);
    await waitForView(page, (v) => v.complete.findings, "the signed file's findings no longer block", 10_000);
    await confirmAll(page);
    await signAs(page, 'reviewer', reviewer.id, reviewer.pin);
    await waitForView(page, (v) => v.publishEnabled, 'signed, ready to publish', 15_000);

    // The file on the server is replaced before the publish: the sign-off was for the other bytes.
    server.host(LINK, files.get(OTHER)!, XLSX);
    await pressChecklistPublish(page);
    await waitForView(page, (v) => !v.complete.findings, 'the replaced file blocks again', 15_000);
    await page.waitForTimeout(SETTLE_MS);
    expect(publishes(since), 'nothing published with the replaced file').toEqual([]);

    row = await ui.heldRow('名单.xlsx');
    expect(await row.locator('[data-upload-signed]').count(), 'the new bytes are not signed').toBe(0);
    await signFile(row, reviewer);
    await waitForView(page, (v) => v.publishEnabled, 'the new file signed', 15_000);
    await pressChecklistPublish(page);
    await server.waitForRequests({ path: '/api/publish', since }, { timeout: 15_000 });

    // Once: the next publish of the same draft asks the reviewer again.
    await pressCmsPublish();
    row = await ui.heldRow('名单.xlsx');
    await waitForView(page, (v) => !v.complete.findings, 'the linked file blocks the next publish', 15_000);
    await page.waitForTimeout(SETTLE_MS);
    expect(publishes(since)).toHaveLength(1);

    const signed = (await ui.auditRecords('attachment-signed')).filter((r) => (r.detail as { linked?: boolean }).linked);
    expect(signed.map((r) => (r.detail as { sha256: string }).sha256)).toEqual([sha(files.get(LIST)!), sha(files.get(OTHER)!)]);
    expect(signed[0]).toMatchObject({ detail: { file: '名单.xlsx', reason: 'block', linked: true }, signers: [expect.objectContaining({ name: reviewer.name })] });
    expect((signed[0]!.findings as { excerpts: string[] }).excerpts.join('\n')).toContain('附件 名单.xlsx · 隐藏工作表「原始」C2');
    for (const id of IDS) expect(JSON.stringify(signed), 'the log holds masked excerpts only').not.toContain(id);
  });
});

describe('an encrypted or corrupt attachment: confirmed unchecked, by name and reason', () => {
  test('an encrypted upload is refused, confirmed and signed, then arrives once; the log says encrypted', async () => {
    await ui.open();
    const since = server.mark();
    expect(await ui.dialogUpload(ENCRYPTED)).toEqual([{ ok: false, name: ENCRYPTED, error: 'network' }]);
    const row = await ui.heldRow(ENCRYPTED);
    expect(await row.locator('label:has([data-upload-confirm])').innerText()).toContain(`「${ENCRYPTED}」`);
    expect(await row.locator('label:has([data-upload-confirm])').innerText()).toContain('已加密），无法读取，未经预检检查，同意上传');
    expect(arrivedFiles(server, files, ENCRYPTED, since)).toEqual([]);

    await signFile(row, reviewer, true);
    expect(await ui.dialogUpload(ENCRYPTED)).toEqual([{ ok: true, name: ENCRYPTED }]);
    expect(await ui.dialogUpload(ENCRYPTED), 'confirmed for one upload').toEqual([{ ok: false, name: ENCRYPTED, error: 'network' }]);
    expect(arrivedFiles(server, files, ENCRYPTED, since).map((r) => r.files.map((f) => f.sha256))).toEqual([[sha(files.get(ENCRYPTED)!)]]);
    const signed = (await ui.auditRecords('attachment-signed')).filter((r) => (r.detail as { file: string }).file === ENCRYPTED);
    expect(signed).toMatchObject([{ detail: { reason: 'encrypted', sha256: sha(files.get(ENCRYPTED)!) } }]);
  });

  test('a corrupt linked file blocks the checklist as unreadable until confirmed and signed; the log says corrupt', async () => {
    server.host('/uploads/2026/signoff/损坏.xlsx', files.get(CORRUPT)!, XLSX);
    await ui.open();
    await ui.writeLinkedDraft(encodeURI('/uploads/2026/signoff/损坏.xlsx'));
    await pressCmsPublish();
    const row = await ui.heldRow('损坏.xlsx');
    expect(await row.locator('label:has([data-upload-confirm])').innerText()).toContain('正文链接的「损坏.xlsx」');
    expect(await row.locator('label:has([data-upload-confirm])').innerText()).toContain('已损坏');
    expect((await checklistView(page)).problems).toContain('scan-incomplete');
    await signFile(row, reviewer, true);
    await waitForView(page, (v) => v.complete.findings, 'the confirmed file no longer blocks the draft', 10_000);
    const signed = (await ui.auditRecords('attachment-signed')).filter((r) => (r.detail as { file: string }).file === '损坏.xlsx');
    expect(signed).toMatchObject([{ detail: { reason: 'corrupt', linked: true, sha256: sha(files.get(CORRUPT)!) } }]);
  });
});
