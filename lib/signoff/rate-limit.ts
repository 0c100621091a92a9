/**
 * Wrong-PIN limits, one state per reviewer. A PIN has few digits, so guessing must be slow: five
 * tries are free (a reviewer mistypes), then every further wrong try costs a wait that doubles, up
 * to an hour. The state is plain JSON so the background can keep it in storage across restarts of
 * its service worker; restarting must not reset the count.
 */
import { isRecord } from '../policy/fields';

export interface AttemptState {
  failures: number;
  /** epoch ms; 0 when not locked. */
  lockedUntil: number;
}

export interface AttemptCheck {
  allowed: boolean;
  waitMs: number;
  /** Wrong tries left before the waits start. */
  remaining: number;
}

export const FREE_TRIES = 5;
const FIRST_WAIT_MS = 30_000;
const MAX_WAIT_MS = 60 * 60_000;

export function recordSuccess(): AttemptState {
  return { failures: 0, lockedUntil: 0 };
}

/** A stored state as read back from storage; anything unreadable starts afresh. */
export function attemptState(value: unknown): AttemptState {
  if (!isRecord(value)) return recordSuccess();
  const { failures, lockedUntil } = value;
  return {
    failures: typeof failures === 'number' && Number.isInteger(failures) && failures > 0 ? failures : 0,
    lockedUntil: typeof lockedUntil === 'number' && Number.isFinite(lockedUntil) ? lockedUntil : 0,
  };
}

export function check(state: AttemptState, now: number): AttemptCheck {
  const waitMs = Math.max(0, state.lockedUntil - now);
  return { allowed: waitMs === 0, waitMs, remaining: Math.max(0, FREE_TRIES - state.failures) };
}

export function recordFailure(state: AttemptState, now: number): AttemptState {
  const failures = state.failures + 1;
  if (failures < FREE_TRIES) return { failures, lockedUntil: 0 };
  const waitMs = Math.min(FIRST_WAIT_MS * 2 ** (failures - FREE_TRIES), MAX_WAIT_MS);
  return { failures, lockedUntil: now + waitMs };
}
