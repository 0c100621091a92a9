/**
 * Part of `npm run bench`: what the gate adds to a request the CMS page sends, in a real Chromium.
 * One browser with the freshly built extension; the route page (lib/demo/pages/routes/) is opened twice
 * side by side: on 127.0.0.1, which the policy covers (every request goes through the gate), and on a
 * second host name mapped to the same server, which it does not (no Precheck at all). Each page sends,
 * alternately, N times:
 *  - a 100 KB urlencoded POST of clean text that is not the draft (decoded, scanned, compared with the
 *    draft's shingles, then let through: the full cost of a request that passes);
 *  - a GET without a text body (list loading: the gate only looks at the URL);
 * measured in the page from the call to the resolved response, and from the call to the moment the
 * browser starts the request (Resource Timing's startTime): the second is what the gate adds before a
 * request leaves, without the server's and the network's share, which on a loaded machine is most of
 * the spread. Prints p50/p95 per side, the added p95 and the ratio, against issue 10's targets
 * (≤ 20 ms p95 added for 100 KB; ~0 without a body).
 * A script, not a test: it never fails on a number. Flags: --no-build, --n=N (60).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { EXTENSION_ID } from '../../wxt.config';
import { launchBrowser } from '../../lib/demo/browser.ts';
import { demoPolicy, installPolicy } from '../../lib/demo/demo-policy.ts';
import { startCmsServer } from '../../lib/demo/server.ts';
import { openRoutes, writeDraft } from '../e2e/gate-drive.ts';
import type { Outgoing } from '../../lib/gate/types';
import { judge } from '../../lib/gate/verdict';
import { gateContext } from '../gate/gate-context';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const N = Number(argv.find((a) => a.startsWith('--n='))?.slice(4) ?? '60');
const UNCOVERED_HOST = 'gate-bench-control.test';

/** Runs in the page: times `n` sends of each kind, alternating, after two warm-up rounds. */
const MEASURE = `(async (n) => {
  const line = '城关镇二〇二六年第三季度农村道路养护工程进度通报，各村委会按计划完成路面修补与排水沟清理。';
  let text = '';
  let body = '';
  // 100 KB as sent: urlencoded Chinese is 9 bytes a character
  while (body.length < 100 * 1024) { text += line; body = new URLSearchParams({ title: '进度通报', content: text }).toString(); }
  const post = () => fetch('/sink/r/bench-post', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  const get = () => fetch('/sink/r/list');
  const small = () => fetch('/sink/r/bench-small', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'page=2&size=20' });
  // [call to response read, call to the browser starting the request (Resource Timing)]: the second
  // is what a page-side gate adds before the request leaves, without the network's and server's noise
  const time = async (send) => {
    performance.clearResourceTimings();
    const t = performance.now();
    const r = await send();
    await r.arrayBuffer();
    const total = performance.now() - t;
    const e = performance.getEntriesByType('resource').pop();
    return [total, e ? e.startTime - t : NaN];
  };
  await time(post); await time(get); await time(small);
  const out = { post: [], get: [], small: [], postStart: [], getStart: [], smallStart: [], bytes: new TextEncoder().encode(body).length };
  for (let i = 0; i < n; i++) {
    for (const [k, send] of [['post', post], ['get', get], ['small', small]]) {
      const [total, start] = await time(send);
      out[k].push(total);
      out[k + 'Start'].push(start);
    }
  }
  return out;
})`;
/** Rounds of this many sends, alternating the two pages, so that the machine's load falls on both alike. */
const ROUND = 10;

const KINDS = ['post', 'get', 'small', 'postStart', 'getStart', 'smallStart'] as const;
type Kind = (typeof KINDS)[number];
type Samples = Record<Kind, number[]> & { bytes: number };

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

function build(): void {
  console.log('building the extension (npx wxt build) …');
  const env = { ...process.env };
  delete env.NODE_ENV;
  const r = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error('wxt build failed');
}

async function measure(pages: readonly Page[]): Promise<Samples[]> {
  const out = pages.map((): Samples => ({ post: [], get: [], small: [], postStart: [], getStart: [], smallStart: [], bytes: 0 }));
  for (let done = 0; done < N; done += ROUND) {
    for (const [i, page] of pages.entries()) {
      const s = await page.evaluate<Samples>(`${MEASURE}(${Math.min(ROUND, N - done)})`);
      for (const k of KINDS) out[i]![k].push(...s[k]);
      out[i]!.bytes = s.bytes;
    }
  }
  return out;
}

/** The gate's decision alone, in Node: decode + scan + draft comparison of the same body. */
function judgeInProcess(): { judge: number[]; parse: number[] } {
  const line = '城关镇二〇二六年第三季度农村道路养护工程进度通报，各村委会按计划完成路面修补与排水沟清理。';
  let text = '';
  let body = '';
  while (body.length < 100 * 1024) {
    text += line;
    body = new URLSearchParams({ title: '进度通报', content: text }).toString();
  }
  const o: Outgoing = { route: 'fetch', method: 'POST', url: 'http://127.0.0.1/sink/r/bench-post', body: { kind: 'text', text: body, contentType: 'application/x-www-form-urlencoded' } };
  const ctx = gateContext('关于城关镇二〇二六年冬季供暖的通知，请各单位做好准备。', { now: Date.now() });
  const judgeMs: number[] = [];
  const parseMs: number[] = [];
  for (let i = 0; i < N + 5; i++) {
    let t = performance.now();
    if (!judge(o, ctx).pass) throw new Error('the bench body was refused');
    if (i >= 5) judgeMs.push(performance.now() - t);
    t = performance.now();
    new URLSearchParams(body).get('content');
    if (i >= 5) parseMs.push(performance.now() - t);
  }
  return { judge: judgeMs, parse: parseMs };
}

function report(kind: 'post' | 'get' | 'small', label: string, target: string, covered: Samples, plain: Samples): void {
  const start = `${kind}Start` as const;
  const [p50c, p95c, p50p, p95p] = [quantile(covered[kind], 0.5), quantile(covered[kind], 0.95), quantile(plain[kind], 0.5), quantile(plain[kind], 0.95)];
  console.log(`${label}`);
  console.log(`  without Precheck  p50 ${ms(p50p)}  p95 ${ms(p95p)}`);
  console.log(`  with Precheck     p50 ${ms(p50c)}  p95 ${ms(p95c)}`);
  console.log(`  added p95 ${ms(p95c - p95p)} (target ${target}); ratio p95 ×${(p95c / p95p).toFixed(2)}, p50 ×${(p50c / p50p).toFixed(2)}`);
  const [s50c, s95c, s50p, s95p] = [quantile(covered[start], 0.5), quantile(covered[start], 0.95), quantile(plain[start], 0.5), quantile(plain[start], 0.95)];
  console.log(`  before the request leaves (call → the browser starts it): without p50 ${ms(s50p)} p95 ${ms(s95p)}; with p50 ${ms(s50c)} p95 ${ms(s95c)}; added p50 ${ms(s50c - s50p)}, p95 ${ms(s95c - s95p)}`);
}

async function main(): Promise<void> {
  if (!argv.includes('--no-build')) build();
  const server = await startCmsServer();
  const browser = await launchBrowser({ extensionDir: path.join(ROOT, '.output', 'chrome-mv3'), args: [`--host-resolver-rules=MAP ${UNCOVERED_HOST} 127.0.0.1`] });
  try {
    await installPolicy(browser.context, EXTENSION_ID, await demoPolicy());
    const covered = await browser.context.newPage();
    await openRoutes(covered, server);
    // a draft in the editor, as when an editor is at work: every request is compared with it
    await writeDraft(covered, '<p>关于城关镇二〇二六年冬季供暖的通知，请各单位做好准备。</p>');
    const plain = await browser.context.newPage();
    await plain.goto(`${server.url.replace('127.0.0.1', UNCOVERED_HOST)}/routes/index.html`, { waitUntil: 'load' });
    const [a, b] = (await measure([covered, plain])) as [Samples, Samples];
    const refused = server.requests({ path: '/sink/r/bench-post' }).length;
    console.log(`\ngate: added latency per request, ${N} sends each, Chromium, one run`);
    report('post', `100 KB urlencoded POST (${(a.bytes / 1024).toFixed(0)} KB, clean, passes)`, '≤ 20 ms', a, b);
    report('small', 'a small urlencoded POST (paging a list: page=2&size=20)', '~0', a, b);
    report('get', 'GET without a text body (list loading)', '~0', a, b);
    console.log(`  requests that reached the server: ${refused} POSTs of ${2 * (N + Math.ceil(N / ROUND))} sent`);
    const inProcess = judgeInProcess();
    console.log('the decision alone (Node, same 100 KB body): decode + scan + draft comparison');
    console.log(`  judge p50 ${ms(quantile(inProcess.judge, 0.5))}  p95 ${ms(quantile(inProcess.judge, 0.95))}; URLSearchParams parse alone p50 ${ms(quantile(inProcess.parse, 0.5))} (ratio ×${(quantile(inProcess.judge, 0.5) / quantile(inProcess.parse, 0.5)).toFixed(1)})`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
