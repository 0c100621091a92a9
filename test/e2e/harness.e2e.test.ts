/**
 * The harness itself: Debian Chromium loads an unpacked extension through launchBrowser({ extensionDir })
 * (--headless=new keeps extensions working), and its content script reaches the top page and the
 * same-origin iframes of the mock CMS. The probe extension is written to a temp dir here.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, openEditor, startServer, type Browser, type CmsServer } from './harness.ts';

let dir: string;
let browser: Browser;
let server: CmsServer;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'precheck-probe-ext-'));
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify({
    manifest_version: 3,
    name: 'precheck harness probe',
    version: '0.0.1',
    content_scripts: [{
      matches: ['http://127.0.0.1/*'],
      js: ['probe.js'],
      run_at: 'document_start',
      all_frames: true,
      match_about_blank: true,
      match_origin_as_fallback: true,
    }],
  }));
  await writeFile(path.join(dir, 'probe.js'), "document.documentElement.setAttribute('data-probe', 'yes');\n");
  [browser, server] = await Promise.all([launchBrowser({ extensionDir: dir }), startServer()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function probes(page: Page, origin: string): Promise<Record<string, string | null>> {
  const out: Record<string, string | null> = {};
  for (const f of page.frames()) {
    out[f.url().replace(origin, '')] = await f.evaluate(() => document.documentElement.getAttribute('data-probe'));
  }
  return out;
}

test('an unpacked extension loads and its content script runs in the page and its iframes', async () => {
  const tab = await browser.context.newPage();
  let { page } = await openEditor(tab, server, 'textarea');
  expect(await probes(page, server.url)).toEqual({ '/textarea.html': 'yes' });

  ({ page } = await openEditor(tab, server, 'trs-wcm'));
  expect(await probes(page, server.url)).toEqual({
    '/trs-wcm.html': 'yes',
    '/trs/document_edit.html?ChannelId=12&DocId=0': 'yes',
    '/trs/editor_body.html': 'yes',
  });

  ({ page } = await openEditor(tab, server, 'tinymce'));
  expect(await probes(page, server.url)).toMatchObject({ '/tinymce.html': 'yes', 'about:srcdoc': 'yes' });
  await tab.close();
});
