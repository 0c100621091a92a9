/**
 * Investigation helper for `npm run bench:e2e` (not run by it): the longest main-thread tasks of a
 * large draft's load or publish click, each with what it is made of (the trace events inside it by
 * name, and the extension's functions), to tell which part of a long task is ours. Build first:
 *   BENCH_UNMINIFIED=1 npx wxt build -c test/bench/e2e-wxt.config.ts
 *   KIND=tinymce SIZE=1000000 PHASE=load|click npx tsx test/bench/e2e-tasks.ts
 */
import path from 'node:path';
import { launchBrowser, openEditor, startServer, type EditorKind } from '../e2e/harness.ts';
import { htmlDraft } from './e2e-drafts';
import { mainThreadTasks, Tracer, type TraceEvent } from './e2e-trace';

const EXT = process.env.EXT ?? '/tmp/precheck-bench-build-dev/chrome-mv3';
const kind = (process.env.KIND ?? 'tinymce') as EditorKind;
const phase = process.env.PHASE ?? 'click';
const TOP = Number(process.env.TOP ?? 5);

/** The events inside [start, start + dur] ms on the main thread, summed by name (the longest first). */
function makeup(events: TraceEvent[], start: number, dur: number): string {
  const by = new Map<string, number>();
  for (const e of events) {
    const ts = e.ts / 1000;
    if (e.ph !== 'X' || ts < start || ts > start + dur || e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') continue;
    const fn = e.name === 'FunctionCall' && e.args?.data?.url?.startsWith('chrome-extension://') ? `ext:${e.args.data.functionName || '(anon)'}` : e.name;
    by.set(fn, (by.get(fn) ?? 0) + (e.dur ?? 0) / 1000);
  }
  return [...by].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([n, ms]) => `${n} ${ms.toFixed(0)}`).join(', ');
}

const server = await startServer();
const b = await launchBrowser({ extensionDir: path.resolve(EXT) });
const page = b.context.pages()[0]!;
await openEditor(page, server, kind);
await page.waitForFunction(`!!document.querySelector('precheck-panel')`);
await page.waitForTimeout(1500);
await page.evaluate((h) => ((window as unknown as { __draft: string }).__draft = h), htmlDraft(20250309, Number(process.env.SIZE ?? 1_000_000)));
let tracer = phase === 'load' ? await Tracer.start(page) : null;
await page.evaluate(`window.__cms.setContent(window.__draft)`);
await page.waitForTimeout(Number(process.env.WAIT ?? 9000));
if (phase === 'click') {
  tracer = await Tracer.start(page);
  await page.locator('#btn-publish').click({ noWaitAfter: true });
  await page.waitForTimeout(Number(process.env.WAIT2 ?? 9000));
}
const events = await tracer!.stop();
const tasks = mainThreadTasks(events).sort((a, c) => c.dur - a.dur).slice(0, TOP);
for (const t of tasks) console.log(`${t.dur.toFixed(0).padStart(6)} ms ${t.owner} (${t.entry}): ${makeup(events, t.start, t.dur)}`);
await b.close();
await server.close();
