/**
 * FIREFOX suite: uploads (issue 12 item 3) in the Firefox build — a file chosen in a file input and
 * posted natively with its form, and an upload dialog that sends FormData by XHR the moment a file is
 * chosen (lib/demo/pages/attachments.html). The 低保名单 whose hidden sheet holds full IDs never
 * reaches the recording server (checked by each multipart part's SHA-256) and the panel names the file
 * and the cell; the clean 财政预算 workbook arrives byte for byte (control). Files are set through
 * WebDriver BiDi's input.setFiles, as a user's choice in the file dialog.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoPolicy, importPolicy } from '../../lib/demo/demo-policy.ts';
import { startServer, type CmsServer } from '../../lib/demo/drive.ts';
import type { FirefoxSession } from '../../lib/demo/firefox.ts';
import type { PageDriver } from '../../lib/demo/page-driver.ts';
import { arrivedFiles, arrivedPieces, CLEAN, corpusFiles, LIST, pictureForms, picturesArrived, PICTURES_EXPECTED, pieceShas, sha, syncPictureSends, SYNC_PICTURES_EXPECTED } from '../e2e/attachment-files.ts';
import { IDS } from '../attachments/labelled';
import { panelAttached, startFirefox } from './firefox-helpers.ts';

/** how long a refused upload is watched for a request that should not come */
const SETTLE_MS = 2_500;

let firefox: FirefoxSession;
let server: CmsServer;
let page: Page;
let driver: PageDriver;
let dir: string;
let bytes: Map<string, Buffer>;
const arrived = (name: string, since: number) => arrivedFiles(server, bytes, name, since);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'precheck-ff-attach-'));
  bytes = await corpusFiles([LIST, CLEAN]);
  for (const [name, b] of bytes) await writeFile(path.join(dir, name), b);
  [firefox, server] = await Promise.all([startFirefox(), startServer()]);
  const options = await firefox.openExtensionPage('options.html');
  await importPolicy(options.driver, await demoPolicy());
  await options.page.close();
  ({ page, driver } = await firefox.newTab());
}, 120_000);

afterAll(async () => {
  await firefox?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function openPage(pathname = '/attachments.html'): Promise<void> {
  await driver.goto(`${server.url}${pathname}`);
  await driver.waitFor('!!(window.__attach && window.__attach.ready === true)', { timeout: 20_000 });
  expect(await panelAttached(driver, 10_000), 'Precheck guards the page').toBe(true);
}

async function choose(selector: string, name: string): Promise<void> {
  const input = await page.$(selector);
  if (!input) throw new Error(`no ${selector}`);
  await (input as unknown as { uploadFile(...paths: string[]): Promise<void> }).uploadFile(path.join(dir, name));
}

/** The panel's refusals mentioning `name`, waited for. */
async function refusalNaming(name: string): Promise<string> {
  await driver.waitFor(
    `[...(document.querySelector('precheck-panel')?.shadowRoot?.querySelectorAll('[data-testid="precheck-refusals"] li[data-route]') ?? [])].some((li) => li.textContent.includes(${JSON.stringify(name)}))`,
    { timeout: 10_000 },
  );
  return driver.evaluate<string>(
    `[...document.querySelector('precheck-panel').shadowRoot.querySelectorAll('[data-testid="precheck-refusals"] li[data-route]')].map((li) => li.textContent).find((t) => t.includes(${JSON.stringify(name)}))`,
  );
}

function expectNamed(text: string): void {
  expect(text).toContain(LIST);
  expect(text, 'the cell in the hidden sheet').toContain('C2');
  for (const id of IDS) expect(text, 'masked excerpts only').not.toContain(id);
}

const uploadOutcomes = () =>
  driver.evaluate<{ ok: boolean; name: string }[] | 'HUNG'>(
    `Promise.race([Promise.all(window.__attach.uploads), new Promise((r) => setTimeout(() => r('HUNG'), 30000))])`,
  );

describe('a file chosen in a file input and posted natively with its form', () => {
  test('the list with IDs never reaches the server; the panel names the file and the cell', async () => {
    await openPage();
    const since = server.mark();
    await choose('#form-file', LIST);
    await driver.click('#form-submit');
    expectNamed(await refusalNaming(LIST));
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    expect(server.requests({ path: '/sink/attach/form', since })).toEqual([]);
    expect(arrived(LIST, since)).toEqual([]);
    expect(new URL(page.url()).pathname).toBe('/attachments.html');
  });

  test('control: a clean workbook is posted with the form and arrives byte for byte', async () => {
    await openPage();
    const since = server.mark();
    await choose('#form-file', CLEAN);
    await driver.click('#form-submit');
    const [r] = await server.waitForRequests({ path: '/sink/attach/form', since }, { timeout: 15_000 });
    expect(r!.files.map((f) => [f.filename, f.sha256])).toEqual([[CLEAN, sha(bytes.get(CLEAN)!)]]);
  });
});

describe('an upload dialog that sends FormData by XHR the moment a file is chosen', () => {
  test('the list is refused before it leaves; the clean workbook (control) uploads', async () => {
    await openPage();
    let since = server.mark();
    await choose('#dialog-file', LIST);
    expect(await uploadOutcomes()).toEqual([{ ok: false, name: LIST, error: 'network' }]);
    expectNamed(await refusalNaming(LIST));
    expect(arrived(LIST, since)).toEqual([]);

    await openPage();
    since = server.mark();
    await choose('#dialog-file', CLEAN);
    expect(await uploadOutcomes()).toEqual([{ ok: true, name: CLEAN }]);
    expect(arrived(CLEAN, since).map((r) => r.path)).toEqual(['/sink/attach/dialog']);
  });
});

describe('a chunked upload: file.slice() pieces, one FormData each, by XHR (attachments-dialogs.html)', () => {
  test('no piece of the list leaves; every piece of the clean workbook arrives in order', async () => {
    const path = '/sink/webuploader/chunk.php';
    expect(pieceShas(bytes.get(LIST)!).length, 'the files go in several pieces').toBeGreaterThan(2);
    await openPage('/attachments-dialogs.html');
    let since = server.mark();
    await choose('#wu-file', LIST);
    expect(await uploadOutcomes()).toEqual([{ ok: false, name: LIST }]);
    expectNamed(await refusalNaming(LIST));
    expect(arrivedPieces(server, bytes.get(LIST)!, path, since)).toEqual([]);

    await openPage('/attachments-dialogs.html');
    since = server.mark();
    await choose('#wu-file', CLEAN);
    expect(await uploadOutcomes()).toEqual([{ ok: true, name: CLEAN }]);
    expect(arrivedPieces(server, bytes.get(CLEAN)!, path, since)).toEqual(pieceShas(bytes.get(CLEAN)!));
  });
});

describe('a workbook sent as raw bytes (an ArrayBuffer by fetch, a typed array by XHR)', () => {
  /** Sends `name`'s bytes both ways from the page; each outcome ('sent' or 'refused'). */
  async function sendRaw(name: string): Promise<string[]> {
    server.host('/uploads/raw.xlsx', bytes.get(name)!, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await openPage('/attachments-dialogs.html');
    return driver.evaluate<string[]>(`(async () => {
      const bytes = await (await fetch('/uploads/raw.xlsx', { cache: 'no-store' })).arrayBuffer();
      const out = [];
      try { await fetch('/sink/raw/fetch', { method: 'POST', body: bytes }); out.push('sent'); } catch (e) { out.push('refused'); }
      out.push(await new Promise((done) => { const x = new XMLHttpRequest(); x.open('POST', '/sink/raw/xhr'); x.onload = () => done('sent'); x.onerror = () => done('refused'); x.send(new Uint8Array(bytes)); }));
      return out;
    })()`);
  }

  test('the list’s bytes are refused and never arrive; the clean workbook’s arrive (control)', async () => {
    let since = server.mark();
    expect(await sendRaw(LIST)).toEqual(['refused', 'refused']);
    // raw bytes have no name: the panel places the finding in the file's hidden sheet
    const shown = await refusalNaming('隐藏工作表');
    expect(shown).toContain('C2');
    for (const id of IDS) expect(shown, 'masked excerpts only').not.toContain(id);
    expect(server.requests({ path: /^\/sink\/raw\//, since })).toEqual([]);

    since = server.mark();
    expect(await sendRaw(CLEAN)).toEqual(['sent', 'sent']);
    expect(server.requests({ path: /^\/sink\/raw\//, since }).map((r) => r.path)).toEqual(['/sink/raw/fetch', '/sink/raw/xhr']);
  });
});

describe('files that say they are pictures, posted by a form into a hidden frame', () => {
  test('text named a.png is refused and a real PNG arrives, by form.submit() and by a native submit (no navigate event here: held, read, sent again)', async () => {
    await openPage('/attachments-dialogs.html');
    const since = server.mark();
    await driver.evaluate(pictureForms(IDS[0]!));
    // the PNGs of held submissions arrive once read and sent again: waited for, then watched a while longer
    await expect.poll(() => picturesArrived(server, since), { timeout: 15_000 }).toEqual(PICTURES_EXPECTED);
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    expect(picturesArrived(server, since)).toEqual(PICTURES_EXPECTED);
  });

  test('the same on a busy page (its task runs before the form is put back): nothing is dropped', async () => {
    await openPage('/attachments-dialogs.html');
    const since = server.mark();
    await driver.evaluate(pictureForms(IDS[0]!, 400));
    await expect.poll(() => picturesArrived(server, since), { timeout: 15_000 }).toEqual(PICTURES_EXPECTED);
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    expect(picturesArrived(server, since)).toEqual(PICTURES_EXPECTED);
  });

  test('by a synchronous XHR: text named a.png is refused, a real PNG arrives (their first bytes read at once)', async () => {
    await openPage('/attachments-dialogs.html');
    const since = server.mark();
    expect(await driver.evaluate<Record<string, string>>(syncPictureSends(IDS[0]!))).toEqual(SYNC_PICTURES_EXPECTED);
    await new Promise((r) => setTimeout(r, 500));
    expect(server.requests({ path: /^\/sink\/media\//, since }).map((r) => r.path)).toEqual(['/sink/media/png-sync']);
  });
});
