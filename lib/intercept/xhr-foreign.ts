/**
 * An XMLHttpRequest one window's hooks do not know. Every guarded window (the page, each frame, a window
 * it opened) hooks its own XMLHttpRequest.prototype and remembers what its own `open` was told; `send`
 * judges that. Page code can call one window's method on another window's request
 * (`frame.XMLHttpRequest.prototype.open.call(xhr, …)`): the thirteenth probe opened a request through a
 * frame's `open` and sent it through the page's `send`, which knew nothing of it and let the draft
 * out unjudged, and set a header with the ID through a frame's `setRequestHeader`, which the page's
 * `send` never saw. No legitimate script mixes two windows' methods on one request, so a request a hook
 * does not know is refused wherever it could then send unjudged text, and left to the browser's own
 * method where that only throws (an InvalidStateError) or does nothing.
 */

/** The XHR method called on a request. */
export type XhrCall = 'open' | 'setRequestHeader' | 'send' | 'abort';

/** What a hook does with a request it has no record of: act on it as its own, hand it to the browser's method unjudged (nothing can leave), or refuse. */
export type ForeignXhr = 'own' | 'original' | 'refuse';

const UNSENT = 0;
const OPENED = 1;

/**
 * `readyState` is the request's state as the browser's getter gives it. A request still UNSENT was
 * opened by no window (or aborted back to UNSENT by this hook, which then forgets it): `open` takes it
 * as its own. Once another window's hooks opened it, this hook cannot tell where it goes: `open` (which
 * would leave the other window's stale record in place), a header, a send and an abort (which brings a
 * finished request back to UNSENT, where the other window's record would outlive it) are refused. A
 * header or a send on a request that is not OPENED throws in the browser anyway.
 */
export function foreignXhr(call: XhrCall, readyState: number): ForeignXhr {
  if (call === 'open') return readyState === UNSENT ? 'own' : 'refuse';
  if (call === 'abort') return readyState === UNSENT ? 'original' : 'refuse';
  return readyState === OPENED ? 'refuse' : 'original';
}
