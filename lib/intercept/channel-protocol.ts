/**
 * The private channel between the MAIN-world guard and the isolated content script of one frame.
 *
 * At document_start, before any page script runs, the guard creates an element the page never sees
 * and hands it to the isolated world (it sits in the document only until the isolated script takes
 * it). From then on, requests for a verdict are events dispatched on that detached element — the page
 * holds no reference to it, so it can neither listen nor forge — and a MessagePort passed in the same
 * handshake carries the asynchronous requests (with Blobs, which only structured clone can carry).
 * No DOM event or postMessage the page can send arms, disarms or configures the guard.
 */
import type { Outgoing } from '../gate/types';

export const CHANNEL_TAG = 'precheck-gate-channel';
/** guard → document (bubbles): the element is in the document, take it. */
export const READY = 'precheck:channel-ready';
/** isolated → element: taken; the guard removes the element from the document. */
export const HELLO = 'precheck:channel-hello';
/** guard → element, with the port (MessageEvent.ports). */
export const PORT = 'precheck:channel-port';
/** guard → element: a synchronous verdict; detail is the JSON of an Outgoing; answered in ANSWER_ATTR. */
export const ASK = 'precheck:ask';
export const ANSWER_ATTR = 'data-answer';
/**
 * guard → element: the page called `document.open()` on this window's document, which erases every
 * event listener of the document and the window (the isolated world's too): add them again. Sent
 * before the page's next statement, so nothing it does after the call runs unwatched.
 */
export const REOPENED = 'precheck:document-reopened';
/**
 * guard → element: page code changed a FormData whose entry list the browser built for a submission
 * (FormData's append or set, during or after its `formdata` event): the isolated world judges again,
 * now, the entry lists it is watching (a submission aimed at another window: navigation.ts).
 */
export const ENTRIES_CHANGED = 'precheck:entries-changed';
/**
 * guard → element, a MouseEvent whose relatedTarget is the host: page code attached a shadow root there
 * (or reached a declarative one through ElementInternals). Submit and formdata events do not leave a
 * shadow tree and a click's target is the host outside it, so the isolated world listens inside the
 * root too (navigation.ts). A node crosses the worlds as an event's relatedTarget (a CustomEvent's
 * detail does not), connected to the document or not; one inside another shadow tree arrives as that
 * tree's outermost host, whose roots the isolated world then walks.
 */
export const SHADOW_ROOT = 'precheck:shadow-root';
/**
 * guard → document: this window was guarded already, so this guard steps aside. Heard by an isolated
 * script injected into an open tab (an update): the guard there is a previous version's, talking to
 * that version's isolated script, so the new one can neither judge nor release what the page sends.
 * A page that forges it only gets the notice to reload itself.
 */
export const GUARDED_BEFORE = 'precheck:guarded-before';
/** What the guard needs to hear back: the page only learns "refused" and why, in the user's words. */
export interface GuardAnswer {
  pass: boolean;
  message?: string;
  /** This request spent the release ticket: its outcome goes into the audit log. */
  released?: boolean;
}

/** guard → isolated over the port. */
export type GuardMessage =
  | { type: 'ask'; id: number; outgoing: Outgoing; blobs: Blob[] }
  /** Files a sync verdict will need (form.submit()): read and scanned first, answered with their keys. */
  | { type: 'learn'; id: number; blobs: Blob[] }
  /**
   * The outcome of a request that spent the release ticket (the audit log's publish-outcome), with the
   * start of its response text: a new item's id is in the save response (the site adapter's itemId).
   */
  | { type: 'outcome'; route: string; endpoint: string; status?: number; response?: string };

/** An outcome's status for a released request the browser never sent (aborted while it was judged): its release is given back. */
export const UNSENT = -1;

/** isolated → guard over the port. */
export type IsolatedMessage =
  | { type: 'answer'; id: number; answer: GuardAnswer }
  /** The content keys of the files of a 'learn', in order (null: could not be read). */
  | { type: 'learned'; id: number; keys: (string | null)[] }
  /** The page is outside the policy's origins (a host matched without its port): stand down. */
  | { type: 'covered'; covered: boolean };

/**
 * A non-configurable property each guarded window carries: a child frame whose own isolated script
 * did not arrive asks its parent's guard instead (defined before page scripts run, so the page cannot
 * put a fake there).
 */
export const RELAY_KEY = '__precheckGuardRelay';
