/**
 * DOM events between the isolated content script and the MAIN-world guard of the same page. Only
 * strings cross between worlds (objects in `detail` do not survive the world boundary).
 */
export const ARM = 'precheck:arm';
export const DISARM = 'precheck:disarm';
export const BLOCKED = 'precheck:blocked';
export const CONSUMED = 'precheck:consumed';
/** MAIN → isolated: how the one allowed publish request ended (an OutcomeDetail as JSON). */
export const OUTCOME = 'precheck:outcome';
/** Isolated → MAIN: the site adapter's publish request rules, as JSON. */
export const CONFIG = 'precheck:config';
export const READ_REQUEST = 'precheck:read-request';
export const READ_RESPONSE = 'precheck:read-response';

/** How long an allowed publish may take to reach its request (UEditor syncs, then submits). */
export const PASS_TTL_MS = 5000;

export type AttemptVia = 'click' | 'submit' | 'key' | 'form.submit' | 'requestSubmit' | 'fetch' | 'xhr';

export interface BlockedAttempt {
  via: AttemptVia;
  /** Path of the endpoint (no query string: it may carry draft text). */
  endpoint?: string;
}

export interface OutcomeDetail {
  via: AttemptVia;
  endpoint?: string;
  /** HTTP status; 0 for a network failure. A form navigation reports no status: the page is leaving. */
  status?: number;
  ok?: boolean;
}

/** The top document when it is reachable (same origin), so every frame reports to one controller. */
export function reportTarget(win: Window): Document {
  try {
    return win.top?.document ?? win.document;
  } catch {
    return win.document;
  }
}

export function endpointOf(url: string, base: string): string {
  try {
    return new URL(url, base).pathname;
  } catch {
    return '';
  }
}
