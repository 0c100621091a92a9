/**
 * The fallback for browsers without the CSS Custom Highlight API: boxes over the findings, drawn in a
 * layer of the top document from Range.getClientRects(), for text inside an editor's iframe. Runs the
 * real painter (bundled with esbuild) on a real TinyMCE page; the editor's content stays as it was.
 */
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { getContent, launchBrowser, openEditor, startServer, typeInto, type Browser, type CmsServer } from './harness.ts';

const ID = '11010519491231002X';

let browser: Browser;
let server: CmsServer;
let tab: Page;
let bundle: string;

beforeAll(async () => {
  const out = await build({
    stdin: {
      contents: `import { OverlayPainter } from './lib/content/overlay.ts';
        import { extractText, rangeFor } from './lib/editors/text-map.ts';
        window.__overlayTest = { OverlayPainter, extractText, rangeFor };`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
  });
  bundle = out.outputFiles[0]!.text;
  [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  tab = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('draws a box over a finding inside an editor iframe, and follows scrolling', async () => {
  await openEditor(tab, server, 'tinymce');
  await typeInto(tab, 'tinymce', `${'前文。\n'.repeat(3)}身份证号${ID}。`);
  const before = await getContent(tab);
  await tab.addScriptTag({ content: bundle });
  type Result = { boxes: number; box: { left: number; top: number; width: number }; expected: { left: number; top: number }; movedTop: number };
  const result = await tab.evaluate<Result>(`(async () => {
    const { OverlayPainter, extractText, rangeFor } = window.__overlayTest;
    const frame = document.querySelector('iframe#content_ifr');
    const body = frame.contentDocument.body;
    const map = extractText(body);
    const at = map.text.indexOf('${ID}');
    const range = rangeFor(map, at, at + ${ID.length});
    const painter = new OverlayPainter(window);
    painter.paint([{ range, severity: 'block' }]);
    const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await frames();
    const layer = document.querySelector('precheck-overlay').shadowRoot.firstElementChild;
    const box = layer.firstElementChild.getBoundingClientRect();
    const text = range.getBoundingClientRect();
    const f = frame.getBoundingClientRect();
    const expected = { left: text.left + f.left + frame.clientLeft, top: text.top + f.top + frame.clientTop };
    document.body.style.minHeight = '3000px';
    window.scrollBy(0, 40);
    await frames();
    const moved = layer.firstElementChild.getBoundingClientRect();
    return { boxes: layer.childElementCount, box: { left: box.left, top: box.top, width: box.width }, expected, movedTop: moved.top };
  })()`);
  expect(result.boxes).toBeGreaterThan(0);
  expect(result.box.width).toBeGreaterThan(20);
  expect(Math.abs(result.box.left - result.expected.left)).toBeLessThan(2);
  expect(Math.abs(result.box.top - result.expected.top)).toBeLessThan(2);
  expect(result.movedTop).toBeLessThan(result.box.top);
  expect(await getContent(tab)).toBe(before);
});
