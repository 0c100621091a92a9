/**
 * Investigation helper for `npm run bench:e2e` (not run by it): a CPU profile of the extension on a
 * large draft, by function, to find what a long task is made of. Build an unminified copy first:
 *   BENCH_UNMINIFIED=1 npx wxt build -c test/bench/e2e-wxt.config.ts
 *   KIND=tinymce SIZE=1000000 PHASE=load|click [PROFILE_OUT=file] npx tsx test/bench/e2e-profile.ts
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser, openEditor, startServer, type EditorKind } from '../e2e/harness.ts';
import { htmlDraft } from './e2e-drafts';
const EXT = process.env.EXT ?? '/tmp/precheck-bench-build-dev/chrome-mv3';
const kind = (process.env.KIND ?? 'tinymce') as EditorKind;
const phase = process.env.PHASE ?? 'click';
const server = await startServer();
const b = await launchBrowser({ extensionDir: path.resolve(EXT) });
const page = b.context.pages()[0]!;
page.on('pageerror', (e) => console.log('pageerror', e.message));
await openEditor(page, server, kind);
await page.waitForFunction(`!!document.querySelector('precheck-panel')`);
await page.waitForTimeout(1500);
await page.evaluate((h) => { (window as unknown as { __draft: string }).__draft = h; }, htmlDraft(20250309, Number(process.env.SIZE ?? 1_000_000)));
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
if (phase === 'load') await cdp.send('Profiler.start');
await page.evaluate(`window.__cms.setContent(window.__draft)`);
await page.waitForTimeout(Number(process.env.WAIT ?? 9000));
console.log('block', await page.evaluate(`document.querySelector('precheck-panel').dataset.block`));
if (phase === 'click') {
  await cdp.send('Profiler.start');
  await page.locator('#btn-publish').click({ noWaitAfter: true });
  await page.waitForTimeout(Number(process.env.WAIT2 ?? 9000));
}
const { profile } = await cdp.send('Profiler.stop');
// PROFILE_OUT=<file>: the raw profile too, for DevTools or a look at one task's stacks.
if (process.env.PROFILE_OUT) await writeFile(process.env.PROFILE_OUT, JSON.stringify(profile));
const self = new Map<number, number>();
profile.samples!.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + profile.timeDeltas![i]! / 1000));
// inclusive time per function too
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const key = (id: number) => { const f = byId.get(id)!.callFrame; return `${f.functionName || '(anon)'} ${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}`; };
const selfAgg = new Map<string, number>();
const incl = new Map<string, number>();
for (const [id, t] of self) {
  selfAgg.set(key(id), (selfAgg.get(key(id)) ?? 0) + t);
  const seen = new Set<string>();
  for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) {
    const k = key(x);
    if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + t); }
  }
}
console.log(`${kind} ${phase}: self ms`);
for (const [k, v] of [...selfAgg].sort((a, c) => c[1] - a[1]).slice(0, 25)) console.log(v.toFixed(1).padStart(8), k);
console.log(`${kind} ${phase}: inclusive ms (content.js)`);
for (const [k, v] of [...incl].filter(([k]) => k.includes('content.js')).sort((a, c) => c[1] - a[1]).slice(0, Number(process.env.TOP ?? 30))) console.log(v.toFixed(1).padStart(8), k);
await b.close(); await server.close();
