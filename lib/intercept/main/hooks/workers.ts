/**
 * Dedicated and shared workers have their own fetch, XHR and sockets, out of the page's reach. Each
 * worker the page starts is started from a small prelude (worker-prelude.ts) that routes those through
 * this window's guard and then loads the real script. Where a prelude cannot run (the page's CSP
 * forbids blob: workers) the worker is refused rather than started unguarded.
 */
import type { Route } from '../../../gate/types';
import type { GuardChannel } from '../channel';
import { serializeBody, textHeaders } from '../serialize';
import { absoluteUrl } from './network';
import { judgeUrl, refusal } from './sockets';
import { workerPrelude } from './worker-prelude';
import { SCRIPT_TEXT_PATTERN } from '../../../gate/script-url-rules';
import { WORKER_REFUSED_BLOB_TYPE } from '../../../gate/blob-text';
import { BASE64_TEXT_RUN } from '../../../gate/text-shape';

type PageWindow = Window & typeof globalThis;

const MARKER = '__precheckGuardPort';

interface WorkerAsk {
  id: number;
  route: Route;
  method: string;
  url: string;
  body: unknown;
  /** the headers the worker's fetch or XHR sets (a user name and password as Authorization) */
  headers?: [string, string][];
}

function rebuildBody(win: PageWindow, body: unknown): unknown {
  const b = body as { formData?: [string, FormDataEntryValue][]; opaque?: string } | null;
  if (b && Array.isArray(b.formData)) {
    const fd = new win.FormData();
    for (const [k, v] of b.formData) fd.append(k, v);
    return fd;
  }
  if (b && typeof b.opaque === 'string') return { opaque: b.opaque };
  return body;
}

/** The page end of a worker's guard port: each question goes through the window's channel. */
function answerWorker(win: PageWindow, channel: GuardChannel, port: MessagePort): void {
  port.onmessage = (e: MessageEvent<WorkerAsk>) => {
    const { id, route, method, url } = e.data;
    const headers = textHeaders(Array.isArray(e.data.headers) ? e.data.headers : []);
    const body = rebuildBody(win, e.data.body);
    const s =
      body && typeof (body as { opaque?: string }).opaque === 'string'
        ? { body: { kind: 'opaque' as const, what: (body as { opaque: string }).opaque }, blobs: [] }
        : serializeBody(win, body);
    void channel.ask({ route, method, url, body: s.body, ...(headers.length > 0 && { headers }) }, s.blobs).then((answer) => port.postMessage({ id, answer }));
  };
}

function preludeUrl(win: PageWindow, scriptUrl: string, isModule: boolean): string {
  const source = `(${workerPrelude.toString()})(${JSON.stringify(scriptUrl)}, ${String(isModule)}, ${JSON.stringify(MARKER)}, ${JSON.stringify(SCRIPT_TEXT_PATTERN)}, ${JSON.stringify(WORKER_REFUSED_BLOB_TYPE)}, ${JSON.stringify(BASE64_TEXT_RUN)});`;
  return win.URL.createObjectURL(new win.Blob([source], { type: 'text/javascript' }));
}

export function hookWorkers(win: PageWindow, channel: GuardChannel): void {
  const OriginalWorker = win.Worker;
  if (typeof OriginalWorker === 'function') {
    const Guarded = function (this: unknown, url: string | URL, options?: WorkerOptions) {
      if (!new.target) throw new TypeError("Failed to construct 'Worker': Please use the 'new' operator");
      const abs = absoluteUrl(win, String(url));
      // the script's own URL leaves as the worker starts
      judgeUrl(win, channel, 'worker', abs);
      let worker: Worker;
      try {
        worker = new OriginalWorker(preludeUrl(win, abs, options?.type === 'module'), options);
      } catch (e) {
        throw refusal(win, `发布前预检：无法在此页面检查工作线程（${e instanceof Error ? e.message : String(e)}），已阻止`);
      }
      const { port1, port2 } = new win.MessageChannel();
      answerWorker(win, channel, port1);
      worker.postMessage({ [MARKER]: true }, [port2]);
      return worker;
    } as unknown as typeof Worker;
    Guarded.prototype = OriginalWorker.prototype;
    Object.setPrototypeOf(Guarded, OriginalWorker);
    win.Worker = Guarded;
  }

  const OriginalShared = win.SharedWorker;
  if (typeof OriginalShared === 'function') {
    const Guarded = function (this: unknown, url: string | URL, options?: string | WorkerOptions) {
      if (!new.target) throw new TypeError("Failed to construct 'SharedWorker': Please use the 'new' operator");
      const abs = absoluteUrl(win, String(url));
      judgeUrl(win, channel, 'worker', abs);
      const isModule = typeof options === 'object' && options?.type === 'module';
      let worker: SharedWorker;
      try {
        worker = new OriginalShared(preludeUrl(win, abs, isModule), options);
      } catch (e) {
        throw refusal(win, `发布前预检：无法在此页面检查共享工作线程（${e instanceof Error ? e.message : String(e)}），已阻止`);
      }
      const { port1, port2 } = new win.MessageChannel();
      answerWorker(win, channel, port1);
      worker.port.postMessage({ [MARKER]: true }, [port2]);
      return worker;
    } as unknown as typeof SharedWorker;
    Guarded.prototype = OriginalShared.prototype;
    Object.setPrototypeOf(Guarded, OriginalShared);
    win.SharedWorker = Guarded;
  }
}
