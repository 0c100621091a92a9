import { describe, expect, it } from 'vitest';
import { attemptState, check, FREE_TRIES, recordFailure, recordSuccess, type AttemptState } from '../../lib/signoff/rate-limit';

const T0 = 1_700_000_000_000;

function fail(times: number, at = T0): AttemptState {
  let state = recordSuccess();
  for (let i = 0; i < times; i++) state = recordFailure(state, at);
  return state;
}

describe('rate limit', () => {
  it('allows five wrong tries, counting down', () => {
    expect(FREE_TRIES).toBe(5);
    expect(check(recordSuccess(), T0)).toEqual({ allowed: true, waitMs: 0, remaining: 5 });
    for (let n = 1; n < 5; n++) expect(check(fail(n), T0)).toEqual({ allowed: true, waitMs: 0, remaining: 5 - n });
  });

  it.each([
    [5, 30_000],
    [6, 60_000],
    [7, 120_000],
    [8, 240_000],
    [11, 1_920_000],
    [12, 3_600_000],
    [20, 3_600_000],
    [1000, 3_600_000],
  ])('after %i wrong tries waits %i ms', (failures, waitMs) => {
    const state = fail(failures);
    expect(check(state, T0)).toEqual({ allowed: false, waitMs, remaining: 0 });
    expect(check(state, T0 + waitMs - 1).allowed).toBe(false);
    expect(check(state, T0 + waitMs)).toEqual({ allowed: true, waitMs: 0, remaining: 0 });
  });

  it('counts the wait from the latest failure', () => {
    const afterFive = fail(5);
    const sixth = recordFailure(afterFive, T0 + 30_000);
    expect(check(sixth, T0 + 30_000).waitMs).toBe(60_000);
  });

  it('resets on success', () => {
    expect(recordSuccess()).toEqual({ failures: 0, lockedUntil: 0 });
    expect(check(recordSuccess(), T0).remaining).toBe(5);
  });

  it('is plain JSON that survives a round trip through storage', () => {
    const state = fail(6);
    expect(attemptState(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });

  it.each([undefined, null, 'x', [], { failures: -1, lockedUntil: 'soon' }, { failures: 1.5 }])('reads %j as a fresh state', (stored) => {
    expect(attemptState(stored)).toEqual({ failures: 0, lockedUntil: 0 });
  });
});
