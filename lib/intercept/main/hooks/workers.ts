/* eslint-disable @typescript-eslint/unbound-method -- the platform's methods are kept unbound and applied to their own target. */
/**
 * Dedicated and shared workers have their own fetch, XHR and sockets, out of the page's reach. Each
 * worker the page starts is started from a small prelude (worker-prelude.ts) that routes those through
 * this window's guard and then loads the real script. Where a prelude cannot run (the page's CSP
 * forbids blob: workers) the worker is refused rather than started unguarded.
 *
 * What makes the worker and talks to it is kept before any page script runs: the prelude's text, the
 * JSON that writes its arguments, createObjectURL, Blob, MessageChannel's ports, postMessage and the
 * onmessage setter. A page that replaced them later could hand the worker a script or a guard port of
 * its own and answer the worker's questions itself (test/e2e/built-ins-rows/worker.ts).
 */
import type { Outgoing, Route } from '../../../gate/types';
import type { GuardAnswer } from '../../channel-protocol';
import type { GuardChannel } from '../channel';
import { serializeBody, textHeaders, type Serialized } from '../serialize';
import { absoluteUrl } from './network';
import { judgeUrl, refusal } from './sockets';
import { WORKER_PRELUDE_SOURCE } from './worker-prelude';
import { SCRIPT_TEXT_PATTERN } from '../../../gate/script-text-pattern';
import { WORKER_REFUSED_BLOB_TYPE } from '../../../gate/blob-text';
import { BASE64_TEXT_RUN } from '../../../gate/text-shape';
import { apply, bare, isArray, keptSet, own, ownIterator, toJson, toText } from '../../../realm/intrinsics';
import { blobFacts, bytesView, eventData, getter, NativeFormData } from '../natives';
import { standIn } from './wrap';

type PageWindow = Window & typeof globalThis;

const MARKER = '__precheckGuardPort';

/**
 * The prelude's source and its fixed arguments, written once as this module loads (document_start).
 * Written at each worker, a page's Function.prototype.toString could swap the prelude, and its
 * JSON.stringify put code of its own before it (the script URL is written by the kept JSON writer).
 */
const PRELUDE = `(${WORKER_PRELUDE_SOURCE})(`;
const PRELUDE_ARGS = `, ${toJson(MARKER)}, ${toJson(SCRIPT_TEXT_PATTERN)}, ${toJson(WORKER_REFUSED_BLOB_TYPE)}, ${toJson(BASE64_TEXT_RUN)});`;

const preludeSource = (scriptUrl: string, isModule: boolean): string => PRELUDE + toJson(scriptUrl) + (isModule ? ', true' : ', false') + PRELUDE_ARGS;

const describe = Reflect.getOwnPropertyDescriptor;
const appendEntry = NativeFormData.prototype.append;

/** What a worker's prelude asks about (worker-prelude.ts). */
const WORKER_ROUTES = keptSet<string>(['worker.fetch', 'worker.xhr', 'worker.websocket', 'webrtc', 'worker.encrypt']);

const MALFORMED: GuardAnswer = bare({ pass: false, message: '发布前预检未能检查工作线程的请求，已阻止' });

/** What makes a worker and talks to it, kept when the guard is installed in `win`. */
interface Kept {
  /** A blob: URL of this script. */
  scriptUrl(source: string): string;
  /** A new channel's ports: the page's end and the worker's. */
  ports(): [MessagePort, MessagePort];
  onMessage(port: MessagePort, listener: (e: MessageEvent) => void): void;
  post(port: MessagePort, message: unknown): void;
  /** The guard's port handed to a new worker, in the first message it gets. */
  handOver(worker: Worker, port: MessagePort): void;
  handOverShared(worker: SharedWorker, port: MessagePort): void;
}

function keep(win: PageWindow): Kept {
  const URL0 = win.URL;
  const createUrl = URL0.createObjectURL;
  const Blob0 = win.Blob;
  const Channel = win.MessageChannel;
  const port1 = getter(Channel.prototype, 'port1');
  const port2 = getter(Channel.prototype, 'port2');
  const portProto = win.MessagePort.prototype;
  const postOn = portProto.postMessage;
  const setOnMessage = describe(portProto, 'onmessage')!.set!;
  const workerPost = win.Worker?.prototype.postMessage;
  // a shared worker is talked to through its port
  const sharedPort = getter(win.SharedWorker?.prototype, 'port');
  const post = (port: MessagePort, message: unknown) => apply(postOn, port, [message]);
  const marked = (port: MessagePort) => [{ [MARKER]: true }, ownIterator([port])];
  return {
    scriptUrl: (source) => apply(createUrl, URL0, [new Blob0(ownIterator<BlobPart>([source]), bare({ type: 'text/javascript' }))]),
    ports: () => {
      const c = new Channel();
      return [port1(c) as MessagePort, port2(c) as MessagePort];
    },
    onMessage: (port, listener) => apply(setOnMessage, port, [listener]),
    post,
    handOver: (worker, port) => apply(workerPost, worker, marked(port)),
    handOverShared: (worker, port) => apply(postOn, sharedPort(worker), marked(port)),
  };
}

/** A worker's FormData entries in a FormData of the guard's own (serializeBody reads it through the browser). */
function formDataOf(entries: unknown[]): FormData {
  const fd = new NativeFormData();
  for (let i = 0; i < entries.length; i++) {
    const entry = own(entries, i);
    apply(appendEntry, fd, [toText(own(entry, 0)), own(entry, 1)]);
  }
  return fd;
}

/**
 * The body a worker's prelude described, serialized: its FormData's entries, a stream it could not
 * read, or what it sent as it is (text, bytes, a Blob). Read from own members: the object came from
 * the worker, and an inherited `formData` on the page's Object.prototype made a text body an empty form.
 */
function workerBody(win: PageWindow, body: unknown): Serialized {
  const form = own(body, 'formData');
  if (isArray(form)) return serializeBody(win, formDataOf(form));
  const opaque = own(body, 'opaque');
  if (typeof opaque === 'string') return { body: { kind: 'opaque', what: opaque }, blobs: [] };
  // no other object is a body the prelude sends: judged as unknown rather than as the page's toString of it
  if (typeof body === 'object' && body !== null && !blobFacts(body) && !bytesView(body)) return { body: { kind: 'opaque', what: 'object' }, blobs: [] };
  return serializeBody(win, body);
}

/** A worker's question as the window's guard asks it (undefined: not one the prelude asks). */
function questionOf(win: PageWindow, d: unknown): { outgoing: Outgoing; blobs: Blob[] } | undefined {
  const route = own(d, 'route');
  const method = own(d, 'method');
  const url = own(d, 'url');
  if (typeof route !== 'string' || !WORKER_ROUTES.has(route) || typeof method !== 'string' || typeof url !== 'string') return undefined;
  const given = own(d, 'headers');
  const headers = textHeaders(isArray(given) ? given : []);
  const s = workerBody(win, own(d, 'body'));
  const r = route as Route;
  return { outgoing: headers.length > 0 ? { route: r, method, url, body: s.body, headers } : { route: r, method, url, body: s.body }, blobs: s.blobs };
}

/** The page end of a worker's guard port: each question goes through the window's channel. */
function answerWorker(win: PageWindow, channel: GuardChannel, kept: Kept, port: MessagePort): void {
  kept.onMessage(port, (e) => {
    // the data read through MessageEvent's getter as it was (../natives.ts): a page's could rewrite the question
    const d = eventData(e);
    const id = own(d, 'id');
    const reply = (answer: GuardAnswer) => kept.post(port, { id, answer });
    const question = questionOf(win, d);
    if (!question) reply(MALFORMED);
    // channel.ask's promise is sealed: its then is the original
    // eslint-disable-next-line no-restricted-syntax -- a sealed promise: its own then is the original
    else void channel.ask(question.outgoing, question.blobs).then(reply);
  });
}

/** A new guard port answered by the window's guard; the worker's end is returned. */
function guardPort(win: PageWindow, channel: GuardChannel, kept: Kept): MessagePort {
  const ends = kept.ports();
  answerWorker(win, channel, kept, ends[0]);
  return ends[1];
}

/** The reason a worker could not be started with its prelude, for the refusal. */
// eslint-disable-next-line no-restricted-syntax -- the refusal's message, after the verdict
const reasonOf = (e: unknown): string => (e instanceof Error ? e.message : toText(e));

export function hookWorkers(win: PageWindow, channel: GuardChannel): void {
  const OriginalWorker = win.Worker;
  const OriginalShared = win.SharedWorker;
  if (typeof OriginalWorker !== 'function' && typeof OriginalShared !== 'function') return;
  const kept = keep(win);
  if (typeof OriginalWorker === 'function') {
    const Guarded = function (this: unknown, url: string | URL, options?: WorkerOptions) {
      if (!new.target) throw new TypeError("Failed to construct 'Worker': Please use the 'new' operator");
      const abs = absoluteUrl(win, toText(url));
      // the script's own URL leaves as the worker starts
      judgeUrl(win, channel, 'worker', abs);
      let worker: Worker;
      try {
        worker = new OriginalWorker(kept.scriptUrl(preludeSource(abs, options?.type === 'module')), options);
      } catch (e) {
        throw refusal(win, `发布前预检：无法在此页面检查工作线程（${reasonOf(e)}），已阻止`);
      }
      kept.handOver(worker, guardPort(win, channel, kept));
      return worker;
    } as unknown as typeof Worker;
    standIn(win, 'Worker', OriginalWorker, Guarded);
  }

  if (typeof OriginalShared === 'function') {
    const Guarded = function (this: unknown, url: string | URL, options?: string | WorkerOptions) {
      if (!new.target) throw new TypeError("Failed to construct 'SharedWorker': Please use the 'new' operator");
      const abs = absoluteUrl(win, toText(url));
      judgeUrl(win, channel, 'worker', abs);
      const isModule = typeof options === 'object' && options?.type === 'module';
      let worker: SharedWorker;
      try {
        worker = new OriginalShared(kept.scriptUrl(preludeSource(abs, isModule)), options);
      } catch (e) {
        throw refusal(win, `发布前预检：无法在此页面检查共享工作线程（${reasonOf(e)}），已阻止`);
      }
      kept.handOverShared(worker, guardPort(win, channel, kept));
      return worker;
    } as unknown as typeof SharedWorker;
    standIn(win, 'SharedWorker', OriginalShared, Guarded);
  }
}
