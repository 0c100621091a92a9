/**
 * Runs first inside every worker the page starts. It routes the worker's fetch, XHR, WebSocket,
 * EventSource and importScripts through the page's guard over a MessagePort the page hands over
 * before any message of its own, then loads the worker's real script. Relative URLs keep resolving
 * against the real script.
 *
 * The worker's script runs after the prelude has set up and can replace whatever the hooks would
 * use later: Promise.prototype.then, Map's methods, Array.prototype.push, an iterator's next,
 * RegExp.prototype.exec, String.prototype's methods, MessagePort.prototype.postMessage, the onmessage
 * setter, MessageEvent's data getter, or put `then` or `body` on Object.prototype. A prelude that used
 * them was told what the script liked: an answer that passes, a question rewritten, a port of the
 * script's own that answers itself. So every built-in the hooks decide with is kept at the start
 * (as the page's guard keeps them: lib/realm/intrinsics.ts, ../natives.ts), answers are objects
 * without a prototype built from what the page sent, and a promise that is awaited is sealed.
 *
 * The worker gets the prelude as text: each part below is a function that imports nothing, and the
 * prelude is their texts called in this order on one kit (./worker-prelude/kit.ts), each part taking
 * what the earlier ones put there.
 */
import { hookFetch, hookXhr } from './worker-prelude/fetch-xhr';
import { replaceInPlace } from './worker-prelude/in-place';
import { keepBuiltIns, keepTextHelpers, newKit, type Kit } from './worker-prelude/kit';
import { hookBlobsAndEncrypt, hookCache, hookFontFace } from './worker-prelude/loads';
import { askThroughPort, takeGuardPort } from './worker-prelude/port';
import { readBodies, readRequests } from './worker-prelude/read-once';
import { hookScriptsAndLoad } from './worker-prelude/scripts';
import { hookStreams, hookWebSocket } from './worker-prelude/sockets';
import { urlShapes } from './worker-prelude/url-shapes';

type Part = (k: Kit) => void;

/** In order: each part may take from the kit only what the parts before it put there; the script is loaded last. */
const PARTS: readonly Part[] = [
  keepBuiltIns,
  keepTextHelpers,
  readRequests,
  readBodies,
  askThroughPort,
  takeGuardPort,
  replaceInPlace,
  urlShapes,
  hookFetch,
  hookXhr,
  hookWebSocket,
  hookStreams,
  hookBlobsAndEncrypt,
  hookFontFace,
  hookCache,
  hookScriptsAndLoad,
];

/**
 * The prelude as a function expression, for the worker's source: workers.ts writes it once, as its
 * module loads, and calls it with the script's URL, whether it is a module, the port's marker and the
 * gate's patterns. The unit tests evaluate this text, so a part that leans on anything outside its
 * own text fails there.
 */
export const WORKER_PRELUDE_SOURCE = preludeSource();

function preludeSource(): string {
  let calls = '';
  for (let i = 0; i < PARTS.length; i++) calls += `  (${PARTS[i]!.toString()})(k);\n`;
  return `function workerPrelude(scriptUrl, isModule, marker, scriptTextPattern, refusedBlobType, base64TextRun) {
  const k = (${newKit.toString()})(scriptUrl, isModule, marker, scriptTextPattern, refusedBlobType, base64TextRun);
${calls}}`;
}
