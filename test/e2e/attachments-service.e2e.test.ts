/**
 * The attachment scanner service in real Chromium with the built extension. From the content
 * script's own isolated world on a covered CMS page, the real content-side client
 * (lib/attachments/service/client.ts, bundled the way the content script will carry it) hands a
 * File to the extension: the background opens the offscreen scanner page, the bytes travel in base64
 * chunks over a runtime port, a worker in the scanner page parses and scans, and the located
 * findings come back. A generated .xlsx with IDs on a hidden sheet is found at its cell; an
 * encrypted one is reported unreadable; a ~49 MB file arrives whole (an ID on its last line is
 * found); a file over the policy's limit is refused before any byte is sent.
 */
import { build } from 'esbuild';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { AttachmentResult } from '../../lib/attachments/types';
import type { AttachmentScanPolicy } from '../../lib/messaging/protocol';
import { pagePolicy } from '../../lib/messaging/page-policy';
import { DEFAULT_POLICY } from '../../lib/policy/defaults';
import { CASES } from '../attachments/corpus';
import { IDS } from '../attachments/labelled';
import { EXTENSION_DIR, PROJECT_ROOT, serviceWorker } from './extension-helpers.ts';
import { launchBrowser, startServer, type Browser, type CmsServer } from './harness.ts';

let browser: Browser;
let server: CmsServer;
let page: Page;
let cdp: CDPSession;
let contextId: number;
let clientBytes = 0;

/** The client as a content script would carry it: bundled for the browser, exposed for the test. */
async function clientBundle(): Promise<string> {
  const out = await build({
    stdin: {
      contents: "import { scanFileInExtension } from './lib/attachments/service/client';\nglobalThis.__precheckScanFile = scanFileInExtension;",
      resolveDir: PROJECT_ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    minify: true,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

/** The extension's isolated world in the page's main frame (its content script runs there). */
async function contentScriptWorld(): Promise<number> {
  const contexts: { id: number; auxData?: { type?: string; isDefault?: boolean; frameId?: string }; origin: string }[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  for (let i = 0; i < 100; i++) {
    const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.auxData.frameId === frameTree.frame.id && c.origin.startsWith('chrome-extension://'));
    if (world) return world.id;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('no content-script world in the page');
}

async function inContentScript<T>(expression: string): Promise<T> {
  const r = (await cdp.send('Runtime.evaluate', { expression, contextId, awaitPromise: true, returnByValue: true })) as {
    result: { value: T };
    exceptionDetails?: { text: string; exception?: { description?: string } };
  };
  if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
  return r.result.value;
}

function policy(maxMB = 50): AttachmentScanPolicy {
  const p = pagePolicy(DEFAULT_POLICY, [], `${server.url}/textarea.html`);
  return { rules: p.rules, allowList: p.allowList, customWords: p.customWords, attachments: { maxMB }, locale: 'zh' };
}

/** Scans a file made in the content script's world from `makeFile` (an expression giving a File). */
function scanIn(makeFile: string, maxMB?: number): Promise<AttachmentResult & { ms: number }> {
  return inContentScript(`(async () => {
    const file = ${makeFile};
    const t0 = performance.now();
    const result = await globalThis.__precheckScanFile(file, ${JSON.stringify(policy(maxMB))});
    return { ...result, ms: performance.now() - t0 };
  })()`);
}

async function fileFromCorpus(name: string): Promise<string> {
  const bytes = await CASES.find((c) => c.name === name)!.bytes();
  return `new File([Uint8Array.from(atob(${JSON.stringify(Buffer.from(bytes).toString('base64'))}), (c) => c.charCodeAt(0))], ${JSON.stringify(name)})`;
}

beforeAll(async () => {
  const code = await clientBundle();
  clientBytes = Buffer.byteLength(code);
  [browser, server] = await Promise.all([launchBrowser({ extensionDir: EXTENSION_DIR }), startServer()]);
  page = await browser.context.newPage();
  await page.goto(`${server.url}/textarea.html`);
  cdp = await browser.context.newCDPSession(page);
  contextId = await contentScriptWorld();
  await inContentScript(code);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('the content-side client is small and carries no parser', () => {
  console.info(`[attachments] content-side client bundle: ${(clientBytes / 1024).toFixed(1)} KB (minified)`);
  expect(clientBytes).toBeLessThan(40 * 1024);
});

test('a generated .xlsx with IDs on a hidden sheet: located findings come back from the offscreen worker', async () => {
  const result = await scanIn(await fileFromCorpus('低保名单-隐藏工作表.xlsx'));
  expect(result.status).toBe('scanned');
  const blocks = result.findings.filter((f) => f.kind === 'cn-id' && f.severity === 'block');
  expect(blocks.map((f) => f.location?.text)).toEqual(['隐藏工作表「原始」C2', '隐藏工作表「原始」C3']);
  expect(blocks[0]!.location).toMatchObject({ file: '低保名单-隐藏工作表.xlsx', sheet: '原始', cell: 'C2', hidden: 'sheet' });
  for (const id of IDS) expect(JSON.stringify(result)).not.toContain(id);
  const contexts = await (await serviceWorker(browser.context)).evaluate<string[]>(
    `chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] }).then((cs) => cs.map((c) => c.documentUrl))`,
  );
  expect(contexts.some((u) => u.endsWith('/attachment-scanner.html'))).toBe(true);
});

test('an encrypted workbook comes back unreadable, a PDF and a docx are read too', async () => {
  const encrypted = await scanIn(await fileFromCorpus('加密名单.xlsx'));
  expect(encrypted.status).toBe('unreadable');
  const pdf = await scanIn(await fileFromCorpus('名单-跨行身份证.pdf'));
  expect(pdf.findings.filter((f) => f.severity === 'block').map((f) => f.location?.text)).toEqual(['第 1 页', '第 2 页']);
  const docx = await scanIn(await fileFromCorpus('拟录用人员公示-页眉.docx'));
  expect(docx.findings.filter((f) => f.severity === 'block').map((f) => f.location?.part)).toEqual(['header']);
});

test('a ~49 MB file travels whole: the ID on its last line is found', async () => {
  const id = IDS[3]!;
  const result = await scanIn(`(() => {
    const line = '各村民小组按照统一部署开展工作'.repeat(70) + '\\n';
    const lines = Math.floor((49 * 1024 * 1024) / new TextEncoder().encode(line).length);
    return new File([line.repeat(lines), '申请人身份证号：${id}\\n'], 'big.txt');
  })()`);
  console.info(`[attachments] ${(result.size / 1024 / 1024).toFixed(1)} MB .txt: sent, read and scanned in ${(result.ms / 1000).toFixed(1)} s`);
  expect(result.status).toBe('scanned');
  expect(result.size).toBeGreaterThan(48 * 1024 * 1024);
  const hit = result.findings.find((f) => f.kind === 'cn-id' && f.severity === 'block');
  expect(hit?.location?.text).toMatch(/^第 \d+ 行$/);
  expect(Number(/\d+/.exec(hit!.location!.text)![0])).toBeGreaterThan(10_000);
}, 180_000);

test('transfer alone: ~49 MB of bytes that are no document come back unreadable (no parsing)', async () => {
  const result = await scanIn(`new File([new Uint8Array(49 * 1024 * 1024).fill(7)], 'noise.docx')`);
  console.info(`[attachments] ${(result.size / 1024 / 1024).toFixed(1)} MB sent in base64 chunks and answered in ${(result.ms / 1000).toFixed(1)} s`);
  expect(result.status).toBe('unreadable');
  expect(result.size).toBe(49 * 1024 * 1024);
}, 120_000);

test('a file over the policy limit is not sent: reported as not scanned', async () => {
  const result = await scanIn(`new File([new Uint8Array(2 * 1024 * 1024)], 'big.xlsx')`, 1);
  expect(result.status).toBe('too-large');
  expect(result.findings).toEqual([]);
});
