/**
 * Attachments in the browser (issue 12 items 3–4), in real Chromium with the built extension and the
 * recording server. The attachments page (lib/demo/pages/attachments.html) uploads by the three paths
 * county CMSs use: a file input posted natively with its form, an upload dialog that sends FormData by
 * XHR the moment a file is chosen, and a file dropped into TinyMCE and uploaded by the page's script;
 * its draft may link to an attachment on the CMS's own origin.
 *
 * The files are made here by a library that writes the format (ExcelJS, via the attachment corpus):
 * a 低保名单 whose visible sheet is masked over a hidden sheet with the full IDs, and a clean 财政预算
 * workbook as the control. What reached the server is checked by the SHA-256 of each multipart file
 * part: the list never arrives, the clean file does, and the panel names the file and the cell.
 */
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checklistView, waitForChecklist, waitForView } from '../../lib/demo/checklist-drive.ts';
import { demoPerson, demoPolicy } from '../../lib/demo/demo-policy.ts';
import type { CmsServer } from '../../lib/demo/server.ts';
import { IDS } from '../attachments/labelled';
import { arrivedFiles, arrivedPieces as arrivedPiecesOf, CLEAN, corpusFiles, LIST, pictureForms, picturesArrived, PICTURES_EXPECTED, pieceShas as pieceShasOf, PNG_BASE64, sha, syncPictureSends, SYNC_PICTURES_EXPECTED } from './attachment-files.ts';
import { AttachmentPage, signFile, XLSX } from './attachment-page.ts';
import { panelRefusals } from './gate-drive.ts';

/** Another list with an ID (in a hidden column): a sign-off of LIST must not let it out. */
const OTHER = '临时救助-隐藏列.xlsx';
/** Over this file's 1 MB policy limit: never opened, the reviewer confirms it unchecked. */
const BIG = '会议录像说明-扫描件.pdf';
const MAX_MB = 1;
/** how long a refused upload is watched for a request that should not come */
const SETTLE_MS = 2_500;

let server: CmsServer;
let page: Page;
let files: Map<string, Buffer>;
let ui: AttachmentPage;
const arrived = (name: string, since: number) => arrivedFiles(server, files, name, since);

beforeAll(async () => {
  files = await corpusFiles([LIST, CLEAN, OTHER]);
  // Its size is what matters: the bytes are never opened.
  files.set(BIG, Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(1.5 * 1024 * 1024 - 9)]));
  ui = await AttachmentPage.start(files, await demoPolicy({ attachments: { maxMB: MAX_MB } }));
  ({ server, page } = ui);
}, 120_000);

afterAll(() => ui?.close());

const filePayload = (name: string) => ui.payload(name);
const openPage = (path?: string) => ui.open(path);

/** The panel's refusals mentioning `name` (newest first). */
async function refusalsNaming(name: string, timeout = 8_000): Promise<string[]> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const texts = (await panelRefusals(page)).map((r) => r.text).filter((t) => t.includes(name));
    if (texts.length > 0 || Date.now() > deadline) return texts;
    await page.waitForTimeout(100);
  }
}

const uploadOutcomes = () => ui.uploadOutcomes();

/**
 * `name` handed to TinyMCE's editing body as the browser delivers a file dragged from the file manager
 * (dragenter, dragover, drop) or copied there and pasted (paste, with the file on the clipboard).
 */
function intoEditor(how: 'drop' | 'paste') {
  return (name: string) =>
    page.evaluate(
      `((b64, name, type, how) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], name, { type }));
        const body = tinymce.get('content').getBody();
        const events = how === 'drop'
          ? ['dragenter', 'dragover', 'drop'].map((t) => new DragEvent(t, { dataTransfer: dt, bubbles: true, cancelable: true }))
          : [new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true })];
        for (const e of events) body.dispatchEvent(e);
      })(${JSON.stringify(files.get(name)!.toString('base64'))}, ${JSON.stringify(name)}, ${JSON.stringify(XLSX)}, ${JSON.stringify(how)})`,
    );
}

function expectNamedAndPlaced(texts: string[]): void {
  expect(texts.length, 'the panel lists the refused upload').toBeGreaterThan(0);
  expect(texts[0]).toContain('附件中含有必须处理的敏感信息');
  expect(texts[0]).toContain(`附件 ${LIST} · 隐藏工作表「原始」C2`);
  for (const id of IDS) expect(texts[0], 'the panel shows masked excerpts only').not.toContain(id);
}

/** Chooses `name` in the upload form and sends it with `button`; the requests to the form's action. */
async function sendWithForm(name: string, button: string, since: number) {
  await openPage();
  await page.locator('#form-file').setInputFiles(filePayload(name));
  await page.locator(button).click({ noWaitAfter: true });
  if (name === LIST) {
    await page.waitForTimeout(SETTLE_MS);
    return server.requests({ path: '/sink/attach/form', since });
  }
  const arrivedNow = await server.waitForRequests({ path: '/sink/attach/form', since }, { timeout: 15_000 });
  await page.waitForURL('**/sink/attach/form');
  return arrivedNow;
}

describe.each([
  ['a file chosen in a file input and posted natively with its form', '#form-submit'],
  ["the same form sent by the page's script with form.submit() (no submit event)", '#form-script-submit'],
])('%s', (_what, button) => {
  test('the list with IDs never reaches the server; the panel names the file and the cell', async () => {
    const since = server.mark();
    expect(await sendWithForm(LIST, button, since)).toEqual([]);
    expect(arrived(LIST, since)).toEqual([]);
    expect(new URL(page.url()).pathname).toBe('/attachments.html');
    expectNamedAndPlaced(await refusalsNaming(LIST));
  });

  test('control: a clean workbook is posted with the form and arrives byte for byte', async () => {
    const [r] = await sendWithForm(CLEAN, button, server.mark());
    expect(r!.files.map((f) => [f.filename, f.sha256])).toEqual([[CLEAN, sha(files.get(CLEAN)!)]]);
    expect(r!.body.folder).toBe('2026-notice');
  });
});

describe('an upload dialog that sends FormData by XHR the moment a file is chosen', () => {
  test('the list is refused before it leaves: the page sees its upload fail, the panel says why', async () => {
    await openPage();
    const since = server.mark();
    await page.locator('#dialog-file').setInputFiles(filePayload(LIST));
    expect(await uploadOutcomes()).toEqual([{ ok: false, name: LIST, error: 'network' }]);
    await page.waitForTimeout(500);
    expect(arrived(LIST, since)).toEqual([]);
    expectNamedAndPlaced(await refusalsNaming(LIST));
  });

  test('control: a clean workbook uploads at once', async () => {
    await openPage();
    const since = server.mark();
    await page.locator('#dialog-file').setInputFiles(filePayload(CLEAN));
    expect(await uploadOutcomes()).toEqual([{ ok: true, name: CLEAN }]);
    expect(arrived(CLEAN, since).map((r) => r.path)).toEqual(['/sink/attach/dialog']);
  });
});

describe.each([
  ['dropped into TinyMCE', intoEditor('drop'), '/sink/attach/drop'],
  ['pasted into TinyMCE', intoEditor('paste'), '/sink/attach/paste'],
] as const)('a file %s and uploaded by the page', (_how, put, path) => {
  test('the list is refused; the clean one (control) uploads', async () => {
    await openPage();
    let since = server.mark();
    await put(LIST);
    expect(await uploadOutcomes()).toEqual([{ ok: false, name: LIST, error: 'network' }]);
    await page.waitForTimeout(500);
    expect(arrived(LIST, since)).toEqual([]);
    expectNamedAndPlaced(await refusalsNaming(LIST));

    await openPage();
    since = server.mark();
    await put(CLEAN);
    expect(await uploadOutcomes()).toEqual([{ ok: true, name: CLEAN }]);
    expect(arrived(CLEAN, since).map((r) => r.path)).toEqual([path]);
  });
});

describe('the upload dialogs of UEditor and KindEditor, and an ajaxFileUpload hidden form (lib/demo/pages/attachments-dialogs.html)', () => {
  const DIALOGS = '/attachments-dialogs.html';

  test('UEditor: 开始上传 sends upfile by XHR to controller?action=uploadfile; the list is refused, the clean file arrives', async () => {
    await openPage(DIALOGS);
    const since = server.mark();
    await page.locator('#ue-picker').setInputFiles([filePayload(LIST), filePayload(CLEAN)]);
    await page.locator('#ue-upload').click();
    expect(await uploadOutcomes()).toEqual([
      { ok: false, name: LIST, error: 'network' },
      { ok: true, name: CLEAN },
    ]);
    await page.waitForTimeout(500);
    expect(arrived(LIST, since)).toEqual([]);
    const got = arrived(CLEAN, since);
    expect(got.map((r) => [r.path, r.query.action])).toEqual([['/sink/ueditor/php/controller.php', 'uploadfile']]);
    expect(got[0]!.files.map((f) => [f.field, f.filename, f.sha256])).toEqual([['upfile', CLEAN, sha(files.get(CLEAN)!)]]);
    expectNamedAndPlaced(await refusalsNaming(LIST));
  });

  /** The requests a form aimed at a hidden iframe sent to `path`, after waiting for the clean one or watching a refused one. */
  async function framePost(input: string, name: string, path: string, send?: () => Promise<void>) {
    await openPage(DIALOGS);
    const since = server.mark();
    await page.locator(input).setInputFiles(filePayload(name));
    await send?.();
    if (name === LIST) {
      await page.waitForTimeout(SETTLE_MS);
      return { since, got: server.requests({ path, since }) };
    }
    return { since, got: await server.waitForRequests({ path, since }, { timeout: 15_000 }) };
  }

  test.each([
    ['KindEditor: choosing a file posts imgFile into the hidden iframe (form.submit())', '#ke-file', '/sink/kindeditor/php/upload_json.php', 'imgFile', undefined],
    ['ajaxFileUpload: a hidden form made on the spot, its file input moved in, form.submit() into a hidden iframe', '#fileToUpload', '/sink/ajaxfileupload/upload.do', 'fileToUpload', () => page.locator('#old-upload-btn').click()],
  ] as const)('%s', async (_what, input, path, field, send) => {
    const refused = await framePost(input, LIST, path, send);
    expect(refused.got).toEqual([]);
    expect(arrived(LIST, refused.since)).toEqual([]);
    expectNamedAndPlaced(await refusalsNaming(LIST));

    const clean = await framePost(input, CLEAN, path, send);
    expect(clean.got.map((r) => r.files.map((f) => [f.field, f.filename, f.sha256]))).toEqual([[[field, CLEAN, sha(files.get(CLEAN)!)]]]);
  });
});

const DIALOGS_PAGE = '/attachments-dialogs.html';
const pieceShas = (name: string) => pieceShasOf(files.get(name)!);
const arrivedPieces = (name: string, path: string, since: number) => arrivedPiecesOf(server, files.get(name)!, path, since);

describe('chunked uploads: a file sent in pieces is judged as the whole file (lib/demo/pages/attachments-dialogs.html)', () => {
  const DIALOGS = '/attachments-dialogs.html';

  test.each([
    ['plupload (the real library): 开始上传 sends each 2 KB piece as multipart', '/sink/plupload/upload.php', async (name: string) => {
      await page.locator('#pl-container input[type=file]').setInputFiles(filePayload(name));
      await page.locator('#pl-start').click();
    }],
    ['webuploader-style: file.slice() pieces, one FormData each, by XHR', '/sink/webuploader/chunk.php', async (name: string) => {
      await page.locator('#wu-file').setInputFiles(filePayload(name));
    }],
  ] as const)('%s: no piece of the list leaves, every piece of the clean workbook arrives in order', async (_what, path, choose) => {
    expect(pieceShas(LIST).length, 'the files go in several pieces').toBeGreaterThan(2);
    await openPage(DIALOGS);
    let since = server.mark();
    await choose(LIST);
    const [refused] = (await uploadOutcomes()) as { ok: boolean; name: string }[];
    expect(refused).toMatchObject({ ok: false, name: LIST });
    await page.waitForTimeout(500);
    expect(arrivedPieces(LIST, path, since)).toEqual([]);
    expectNamedAndPlaced(await refusalsNaming(LIST));

    await openPage(DIALOGS);
    since = server.mark();
    await choose(CLEAN);
    expect(await uploadOutcomes()).toEqual([{ ok: true, name: CLEAN }]);
    expect(arrivedPieces(CLEAN, path, since)).toEqual(pieceShas(CLEAN));
  });
});

/**
 * Ways page code sends a file's bytes, not as a Blob or FormData: raw, or as base64 text. Each was read
 * as text before, and a workbook's zip (or its base64) showed none of its cells.
 */
const RAW_BYTES: [key: string, send: string][] = [
  ['fetch-arraybuffer', `fetch('/sink/raw/fetch-arraybuffer', { method: 'POST', body: bytes })`],
  ['fetch-uint8array', `fetch('/sink/raw/fetch-uint8array', { method: 'PUT', body: new Uint8Array(bytes) })`],
  ['xhr-arraybuffer', `new Promise((ok, fail) => { const x = new XMLHttpRequest(); x.open('POST', '/sink/raw/xhr-arraybuffer'); x.onload = ok; x.onerror = () => fail(new Error('network')); x.send(bytes); })`],
  ['request-body', `fetch(new Request('/sink/raw/request-body', { method: 'POST', body: new File([bytes], 'x.xlsx') }))`],
  ['beacon', `navigator.sendBeacon('/sink/raw/beacon', bytes) ? 'queued' : Promise.reject(new Error('not queued'))`],
  // FileReader.readAsDataURL, then JSON or a form field: the file as base64 text
  ['json-data-url', `fetch('/sink/raw/json-data-url', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'x.xlsx', file: 'data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,' + base64 }) })`],
  ['form-base64', `fetch('/sink/raw/form-base64', { method: 'POST', body: new URLSearchParams({ name: 'x.xlsx', data: base64 }) })`],
];

describe('a file sent as raw bytes (ArrayBuffer, typed array, a Request body, a beacon) or as base64 (a data: URL in JSON, a form field)', () => {
  async function sendRaw(name: string): Promise<Record<string, string>> {
    server.host('/uploads/raw.xlsx', files.get(name)!, XLSX);
    await openPage(DIALOGS_PAGE);
    return page.evaluate<Record<string, string>>(`(async () => {
      const bytes = await (await fetch('/uploads/raw.xlsx', { cache: 'no-store' })).arrayBuffer();
      const base64 = btoa(String.fromCharCode(...new Uint8Array(bytes)));
      const out = {};
      for (const [key, send] of ${JSON.stringify(RAW_BYTES)}) {
        try { await eval(send); out[key] = 'sent'; } catch (e) { out[key] = 'refused'; }
      }
      return out;
    })()`);
  }

  test('the list’s bytes never reach the server by any of them; the clean workbook’s bytes do (control)', async () => {
    let since = server.mark();
    const refused = await sendRaw(LIST);
    // A beacon with bytes to read is queued at once (sendBeacon answers true) and sent only once judged.
    expect(refused).toEqual(Object.fromEntries(RAW_BYTES.map(([key]) => [key, key === 'beacon' ? 'sent' : 'refused'])));
    await page.waitForTimeout(1_000);
    expect(server.requests({ path: /^\/sink\/raw\//, since })).toEqual([]);
    expect((await panelRefusals(page)).some((r) => r.text.includes('隐藏工作表「原始」C2')), 'the panel places the finding in the file').toBe(true);

    since = server.mark();
    expect(await sendRaw(CLEAN)).toEqual(Object.fromEntries(RAW_BYTES.map(([key]) => [key, 'sent'])));
    await expect.poll(() => server.requests({ path: /^\/sink\/raw\//, since }).map((r) => r.path).sort(), { timeout: 5_000 }).toEqual(RAW_BYTES.map(([key]) => `/sink/raw/${key}`).sort());
  });
});


describe('files that say they are pictures: their bytes decide', () => {
  test('an SVG with an ID in its text and text sent as a.png (also by a sync XHR) are refused; a real PNG and a clean SVG arrive', async () => {
    await openPage(DIALOGS_PAGE);
    const since = server.mark();
    const out = await page.evaluate<Record<string, string>>(`(async () => {
      const ID = ${JSON.stringify(IDS[0])};
      const png = Uint8Array.from(atob(${JSON.stringify(PNG_BASE64)}), (c) => c.charCodeAt(0));
      const svg = (text) => '<svg xmlns="http://www.w3.org/2000/svg"><text x="0" y="15">' + text + '</text></svg>';
      const files = {
        'svg-id': new File([svg('张三 ' + ID)], '名单.svg', { type: 'image/svg+xml' }),
        'text-png': new File(['申请人 ' + ID], 'a.png', { type: 'image/png' }),
        'png': new File([png], '图表.png', { type: 'image/png' }),
        'svg-clean': new File([svg('2024年财政收入')], '图表.svg', { type: 'image/svg+xml' }),
      };
      const out = {};
      for (const [key, file] of Object.entries(files)) {
        const fd = new FormData();
        fd.append('upfile', file);
        try { await fetch('/sink/media/' + key, { method: 'POST', body: fd }); out[key] = 'sent'; } catch (e) { out[key] = 'refused'; }
      }
      return out;
    })()`);
    expect(out).toEqual({ 'svg-id': 'refused', 'text-png': 'refused', png: 'sent', 'svg-clean': 'sent' });
    expect(await page.evaluate<Record<string, string>>(syncPictureSends(IDS[0]!))).toEqual(SYNC_PICTURES_EXPECTED);
    await page.waitForTimeout(500);
    expect(server.requests({ path: /^\/sink\/media\//, since }).map((r) => r.path).sort()).toEqual(['/sink/media/png', '/sink/media/png-sync', '/sink/media/svg-clean']);
  });

  test('a form post carries its files by what their bytes are: text named a.png is refused, a real PNG arrives (form.submit() and a native submit)', async () => {
    await openPage(DIALOGS_PAGE);
    const since = server.mark();
    await page.evaluate(pictureForms(IDS[0]!));
    // the PNGs of held submissions arrive once read and sent again: waited for, then watched a while longer
    await expect.poll(() => picturesArrived(server, since), { timeout: 15_000 }).toEqual(PICTURES_EXPECTED);
    await page.waitForTimeout(SETTLE_MS);
    expect(picturesArrived(server, since)).toEqual(PICTURES_EXPECTED);
  });

  test('the same on a busy page (its task runs before the form is put back): nothing is dropped', async () => {
    await openPage(DIALOGS_PAGE);
    const since = server.mark();
    await page.evaluate(pictureForms(IDS[0]!, 400));
    await expect.poll(() => picturesArrived(server, since), { timeout: 15_000 }).toEqual(PICTURES_EXPECTED);
    await page.waitForTimeout(SETTLE_MS);
    expect(picturesArrived(server, since)).toEqual(PICTURES_EXPECTED);
  });
});

describe('an attachment the draft links to on the CMS origin', () => {
  test('its findings join the checklist and the publish does not go out; the file was fetched with the page', async () => {
    server.host('/uploads/2026/低保名单.xlsx', files.get(LIST)!, XLSX);
    await openPage();
    await ui.writeLinkedDraft('/uploads/2026/%E4%BD%8E%E4%BF%9D%E5%90%8D%E5%8D%95.xlsx');
    const since = server.mark();
    await page.locator('#btn-publish').click({ noWaitAfter: true });
    await waitForChecklist(page, 10_000);
    const view = await waitForView(page, (v) => v.text.includes('低保名单.xlsx'), 'the linked attachment’s findings in the checklist', 15_000);
    expect(view.text).toContain('附件 低保名单.xlsx · 隐藏工作表「原始」C2');
    expect(view.complete.findings).toBe(false);
    for (const id of IDS) expect(view.text).not.toContain(id);
    expect(server.requests({ path: '/uploads/2026/低保名单.xlsx', method: 'GET', since }).length).toBeGreaterThan(0);
    expect(server.requests({ path: '/api/publish', since })).toEqual([]);
  });

  test('control: a clean linked workbook adds nothing to the checklist', async () => {
    server.host('/uploads/2026/预算.xlsx', files.get(CLEAN)!, XLSX);
    await openPage();
    await ui.writeLinkedDraft('/uploads/2026/%E9%A2%84%E7%AE%97.xlsx');
    const since = server.mark();
    await page.locator('#btn-publish').click({ noWaitAfter: true });
    await waitForChecklist(page, 10_000);
    await expect.poll(() => server.requests({ path: '/uploads/2026/预算.xlsx', method: 'GET', since }).length, { timeout: 10_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(1_500);
    const view = await checklistView(page);
    expect(view.text).not.toContain('附件 预算.xlsx');
    expect(view.complete.findings).toBe(true);
  });
});

describe('a reviewer signs off the refused list: exactly that file, once', () => {
  test('refused and listed with its cells; after the PIN sign-off it arrives once byte for byte; a second upload and another list are refused; the log names the file', async () => {
    await openPage();
    const since = server.mark();
    expect(await ui.dialogUpload(LIST)).toEqual([{ ok: false, name: LIST, error: 'network' }]);
    const row = await ui.heldRow(LIST);
    expect(await row.innerText()).toContain(`附件 ${LIST} · 隐藏工作表「原始」C2`);
    for (const id of IDS) expect(await row.innerText(), 'masked excerpts only').not.toContain(id);
    expect(arrived(LIST, since), 'nothing leaves before the sign-off').toEqual([]);

    const reviewer = demoPerson('lisi');
    await signFile(row, reviewer);

    expect(await ui.dialogUpload(OTHER), 'another file with IDs is not covered').toEqual([{ ok: false, name: OTHER, error: 'network' }]);
    expect(await ui.dialogUpload(LIST)).toEqual([{ ok: true, name: LIST }]);
    const got = arrived(LIST, since);
    expect(got.map((r) => r.path)).toEqual(['/sink/attach/dialog']);
    expect(got[0]!.files.map((f) => [f.filename, f.sha256])).toEqual([[LIST, sha(files.get(LIST)!)]]);
    expect(await ui.dialogUpload(LIST), 'the sign-off was for one upload').toEqual([{ ok: false, name: LIST, error: 'network' }]);
    await page.waitForTimeout(500);
    expect(arrived(LIST, since)).toHaveLength(1);
    expect(arrived(OTHER, since)).toEqual([]);

    const signed = (await ui.auditRecords('attachment-signed')).filter((r) => (r.detail as { file: string }).file === LIST);
    expect(signed).toHaveLength(1);
    expect(signed[0]).toMatchObject({ detail: { file: LIST, sha256: sha(files.get(LIST)!), reason: 'block' }, signers: [expect.objectContaining({ name: reviewer.name })] });
    const excerpts = (signed[0]!.findings as { excerpts: string[] }).excerpts.join('\n');
    expect(excerpts).toContain(`附件 ${LIST} · 隐藏工作表「原始」C2`);
    for (const id of IDS) expect(JSON.stringify(signed[0]), 'the log holds masked excerpts only').not.toContain(id);
  });
});

describe('a file over the policy\'s size limit (this file\'s policy: 1 MB)', () => {
  test('refused as not checked; the checklist asks the reviewer to confirm it by name and size; after that it arrives once', async () => {
    await openPage();
    const since = server.mark();
    expect(await ui.dialogUpload(BIG)).toEqual([{ ok: false, name: BIG, error: 'network' }]);
    const row = await ui.heldRow(BIG);
    const confirm = row.locator('label:has([data-upload-confirm])');
    expect(await confirm.innerText()).toContain(`「${BIG}」（1.5 MB）超过检查上限`);
    expect(await row.innerText()).toContain('超过策略上限 1 MB');
    expect(arrived(BIG, since)).toEqual([]);

    await signFile(row, demoPerson('lisi'), true);

    expect(await ui.dialogUpload(BIG)).toEqual([{ ok: true, name: BIG }]);
    expect(await ui.dialogUpload(BIG), 'confirmed for one upload').toEqual([{ ok: false, name: BIG, error: 'network' }]);
    await page.waitForTimeout(500);
    const got = arrived(BIG, since);
    expect(got.map((r) => r.files.map((f) => [f.filename, f.sha256]))).toEqual([[[BIG, sha(files.get(BIG)!)]]]);
    const signed = (await ui.auditRecords('attachment-signed')).filter((r) => (r.detail as { file: string }).file === BIG);
    expect(signed).toMatchObject([{ detail: { reason: 'too-large', size: files.get(BIG)!.length } }]);
  });

  test('linked from the draft: the checklist stays blocked until the reviewer confirms that file by name and size', async () => {
    server.host('/uploads/2026/录像说明.pdf', files.get(BIG)!, 'application/pdf');
    await openPage();
    await ui.writeLinkedDraft('/uploads/2026/%E5%BD%95%E5%83%8F%E8%AF%B4%E6%98%8E.pdf');
    await page.locator('#btn-publish').click({ noWaitAfter: true });
    const row = await ui.heldRow('录像说明.pdf');
    expect(await row.locator('label:has([data-upload-confirm])').innerText()).toContain('「录像说明.pdf」（1.5 MB）超过检查上限');
    expect((await checklistView(page)).complete.findings, 'not checked: blocked').toBe(false);
    await signFile(row, demoPerson('lisi'), true);
    await waitForView(page, (v) => v.complete.findings, 'the confirmed file no longer blocks the draft', 10_000);
  });
});
