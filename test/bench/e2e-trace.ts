/**
 * Chrome tracing for the browser bench: records the tab renderer's main thread through CDP and splits
 * it into top-level tasks, each attributed to whoever started it — the extension (chrome-extension://
 * scripts, and timers they set: the scan's setTimeout yields run no script of their own, only the
 * awaiting code as microtasks), the page, or nobody (a frame: style, layout, pre-paint, paint).
 */
import type { CDPSession, Page } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** thread time: what of `dur` the thread was running (the rest it waited for a core) */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; functionName?: string; timerId?: number; type?: string } };
}

export interface Task {
  /** ms on the trace clock */
  start: number;
  dur: number;
  /** ms the thread ran during the task (trace `tdur`): far below `dur` when the machine's load kept it off a core */
  cpu?: number;
  /** render: a frame (style, layout, paint) and no script; other: neither (GC, parsing, IPC) */
  owner: 'extension' | 'page' | 'render' | 'other';
  /** ms of extension script in the task (all of an extension-owned task's script) */
  extMs: number;
  /** ms of style, layout, pre-paint and paint in the task */
  renderMs: number;
  /** what started it, for the report */
  entry: string;
  /** A long task's biggest pieces (script calls, microtasks, layout), for --verbose. */
  parts?: string;
}

const LONG_MS = 50;

/** The longest events in a task, outermost first: what a long task was made of. */
function partsOf(inner: TraceEvent[]): string {
  return inner
    .filter((e) => e.ph === 'X' && (e.dur ?? 0) >= 2000 && e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask')
    .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
    .slice(0, 6)
    .map((e) => `${e.name}${e.args?.data?.functionName ? ` ${e.args.data.functionName}` : ''}${e.args?.data?.type ? ` ${e.args.data.type}` : ''} ${((e.dur ?? 0) / 1000).toFixed(0)} ms`)
    .join(', ');
}

const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'];

export class Tracer {
  /** Chrome dropped events (its trace buffer filled up) */
  dataLoss = false;
  private constructor(private readonly cdp: CDPSession) {}

  static async start(page: Page, extraCategories: string[] = []): Promise<Tracer> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Tracing.start', {
      traceConfig: { includedCategories: [...CATEGORIES, ...extraCategories], recordMode: 'recordAsMuchAsPossible', traceBufferSizeInKb: 512 * 1024 },
      transferMode: 'ReturnAsStream',
    });
    return new Tracer(cdp);
  }

  async stop(): Promise<TraceEvent[]> {
    const done = new Promise<string>((resolve) =>
      this.cdp.once('Tracing.tracingComplete', (e) => {
        this.dataLoss = e.dataLossOccurred;
        resolve(e.stream!);
      }),
    );
    await this.cdp.send('Tracing.end');
    const stream = await done;
    const chunks: string[] = [];
    for (;;) {
      const r = await this.cdp.send('IO.read', { handle: stream, size: 1 << 22 });
      chunks.push(r.base64Encoded ? Buffer.from(r.data, 'base64').toString('utf8') : r.data);
      if (r.eof) break;
    }
    await this.cdp.send('IO.close', { handle: stream });
    await this.cdp.detach().catch(() => undefined);
    const json = JSON.parse(chunks.join('')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
    return Array.isArray(json) ? json : (json.traceEvents ?? []);
  }
}

const TOP = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
const RENDER = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'UpdateLayer', 'CompositeLayers', 'Commit']);
const isExt = (url: string | undefined) => !!url && url.startsWith('chrome-extension://');

/** trace-clock ms of a performance.mark() the page made */
export function markTime(events: TraceEvent[], name: string): number | null {
  const e = events.find((x) => x.name === name && x.cat.includes('user_timing'));
  return e ? e.ts / 1000 : null;
}

/** The top-level tasks of the renderer main thread that ran the extension's content script. */
export function mainThreadTasks(events: TraceEvent[]): Task[] {
  const counts = new Map<string, number>();
  for (const e of events) {
    if (e.name === 'FunctionCall' && isExt(e.args?.data?.url)) counts.set(`${e.pid}:${e.tid}`, (counts.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  }
  // without the extension: the renderer main thread that ran most functions
  if (counts.size === 0) {
    for (const e of events) if (e.name === 'FunctionCall') counts.set(`${e.pid}:${e.tid}`, (counts.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  }
  const main = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!main) return [];
  const onMain = events
    .filter((e) => `${e.pid}:${e.tid}` === main && (e.ph === 'X' || e.ph === 'I' || e.ph === 'i'))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));

  const extTimers = new Set<number>();
  const tasks: Task[] = [];
  let i = 0;
  while (i < onMain.length) {
    const top = onMain[i]!;
    if (!(TOP.has(top.name) && top.ph === 'X')) {
      i++;
      continue;
    }
    const end = top.ts + (top.dur ?? 0);
    const inner: TraceEvent[] = [];
    for (i++; i < onMain.length && onMain[i]!.ts < end; i++) inner.push(onMain[i]!);

    const calls = inner.filter((e) => e.name === 'FunctionCall');
    // outermost script spans, to attribute script time and the timers set inside it
    const spans: { from: number; to: number; ext: boolean; url: string; name: string }[] = [];
    for (const c of calls) {
      const last = spans[spans.length - 1];
      if (last && c.ts < last.to) continue;
      const url = c.args?.data?.url ?? '';
      spans.push({ from: c.ts, to: c.ts + (c.dur ?? 0), ext: isExt(url), url, name: c.args?.data?.functionName || '(anonymous)' });
    }
    const spanAt = (ts: number) => spans.find((x) => x.from <= ts && ts <= x.to);
    let renderMs = 0;
    let renderEnd = -1;
    for (const e of inner) {
      if (RENDER.has(e.name) && e.ph === 'X' && e.ts >= renderEnd && !spanAt(e.ts)) {
        renderMs += (e.dur ?? 0) / 1000;
        renderEnd = e.ts + (e.dur ?? 0);
      }
    }
    const dur = (top.dur ?? 0) / 1000;
    const fired = inner.find((e) => e.name === 'TimerFire');
    const firedExt = !!fired && extTimers.has(fired.args?.data?.timerId ?? -1);
    const pageSpanMs = spans.filter((x) => x.url && !x.ext).reduce((n, x) => n + (x.to - x.from) / 1000, 0);
    let extMs = spans.filter((x) => x.ext).reduce((n, x) => n + (x.to - x.from) / 1000, 0);
    // a timer the extension set runs the extension's code, even where no script URL shows (the
    // scan's setTimeout yields resolve a promise; the scan goes on in that task's microtasks)
    if (firedExt) extMs = Math.max(extMs, dur - renderMs - pageSpanMs);
    const scripted = spans.length > 0 || inner.some((e) => e.name === 'RunMicrotasks' || e.name === 'TimerFire' || e.name === 'EventDispatch');
    let owner: Task['owner'];
    let entry: string;
    if (extMs > 0 && extMs >= 0.5 * (dur - renderMs) && extMs >= renderMs) {
      owner = 'extension';
      const first = spans.find((x) => x.ext);
      // An event listener's task names its event: React's delegated listener (one minified name for
      // every event) says nothing by itself.
      const event = first ? inner.find((e) => e.name === 'EventDispatch' && e.ts <= first.from && first.from <= e.ts + (e.dur ?? 0))?.args?.data?.type : undefined;
      entry = firedExt ? 'a timer the extension set (debounced rescan / scan yield)' : `${first?.name} @ ${first?.url.replace(/^.*\//, '')}${event ? ` (${event} event)` : ''}`;
    } else if (renderMs > 0 && renderMs >= 0.5 * dur) {
      // a frame (its animation-frame callbacks, the bench's own included, are a small part of it)
      owner = 'render';
      entry = 'frame (style/layout/paint)';
    } else if (scripted) {
      owner = 'page';
      const first = spans.find((x) => x.url);
      entry = first ? `${first.name} @ ${first.url.replace(/^.*\//, '')}` : 'script without a URL (harness evaluate, native callback)';
    } else if (renderMs > 0) {
      owner = 'render';
      entry = 'frame (style/layout/paint)';
    } else {
      owner = 'other';
      entry = inner.some((e) => e.name.includes('GC')) ? 'garbage collection / no script' : 'no script';
    }
    for (const e of inner) {
      if (e.name !== 'TimerInstall') continue;
      // inside a script with a URL: whose script it is; otherwise (microtasks, native callbacks): the task's owner
      const x = spanAt(e.ts);
      const ext = x?.url ? x.ext : owner === 'extension';
      if (ext && e.args?.data?.timerId !== undefined) extTimers.add(e.args.data.timerId);
    }
    tasks.push({ start: top.ts / 1000, dur, ...(top.tdur !== undefined && { cpu: top.tdur / 1000 }), owner, extMs, renderMs, entry, ...(dur >= LONG_MS && { parts: partsOf(inner) }) });
  }
  return tasks;
}

/**
 * Frames (script-free tasks) whose rendering work follows the extension: the last script task before
 * them was the extension's. On an idle page that is the panel and the highlights being painted.
 */
export function framesAfterExtension(tasks: Task[]): Task[] {
  const out: Task[] = [];
  let lastScript: Task | null = null;
  for (const t of tasks) {
    if (t.owner === 'render') {
      if (lastScript?.owner === 'extension' && t.renderMs > 0) out.push(t);
    } else if (t.owner !== 'other' && t.dur >= 1) {
      lastScript = t;
    }
  }
  return out;
}

export interface ClickBreakdown {
  /** the task that handled the click */
  taskMs: number;
  /** the extension's click listener, whole */
  listenerMs: number;
  /** inside it: events the listener dispatched (the MAIN-world read of the editors' getContent()) */
  editorApiMs: number;
  /** inside it: parsing HTML (the DOMParser the extension runs on what the editors return) */
  parseMs: number;
  /** microtasks after the listener (React rendering the panel: a click is a discrete event, rendered synchronously) */
  microtasksMs: number;
  /** style, layout, pre-paint and paint in the same task */
  renderMs: number;
}

/** Where the time of the task holding `atMs` (a performance.mark in the click's pointerup) went. */
export function clickBreakdown(events: TraceEvent[], atMs: number): ClickBreakdown | null {
  const mark = events.find((e) => Math.abs(e.ts / 1000 - atMs) < 0.001 && e.cat.includes('user_timing'));
  if (!mark) return null;
  const main = events.filter((e) => e.pid === mark.pid && e.tid === mark.tid && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const task = main.find((e) => TOP.has(e.name) && e.ts <= mark.ts && mark.ts <= e.ts + (e.dur ?? 0));
  if (!task) return null;
  const end = task.ts + (task.dur ?? 0);
  const inner = main.filter((e) => e.ts >= task.ts && e.ts < end);
  const sum = (xs: TraceEvent[]) => xs.reduce((n, e) => n + (e.dur ?? 0) / 1000, 0);
  const listeners = inner.filter((e) => e.name === 'FunctionCall' && isExt(e.args?.data?.url));
  // the outermost extension listener that ran after the pointerup mark: the click capture listener
  const listener = listeners.filter((e) => e.ts >= mark.ts).sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0];
  const within = (e: TraceEvent) => !!listener && e.ts > listener.ts && e.ts < listener.ts + (listener.dur ?? 0);
  const outermost = (xs: TraceEvent[]) => xs.filter((e, i) => !xs.slice(0, i).some((p) => e.ts < p.ts + (p.dur ?? 0)));
  const listenerEnd = listener ? listener.ts + (listener.dur ?? 0) : end;
  let renderEnd = -1;
  let renderMs = 0;
  for (const e of inner) {
    if (RENDER.has(e.name) && e.ts >= renderEnd && e.ts >= listenerEnd) {
      renderMs += (e.dur ?? 0) / 1000;
      renderEnd = e.ts + (e.dur ?? 0);
    }
  }
  const reads = outermost(inner.filter((e) => e.name === 'EventDispatch' && within(e)));
  const inRead = (e: TraceEvent) => reads.some((r) => e.ts >= r.ts && e.ts < r.ts + (r.dur ?? 0));
  return {
    taskMs: (task.dur ?? 0) / 1000,
    listenerMs: listener ? (listener.dur ?? 0) / 1000 : 0,
    editorApiMs: sum(reads),
    parseMs: sum(outermost(inner.filter((e) => e.name === 'ParseHTML' && within(e) && !inRead(e)))),
    microtasksMs: sum(outermost(inner.filter((e) => e.name === 'RunMicrotasks' && e.ts >= listenerEnd))),
    renderMs,
  };
}
