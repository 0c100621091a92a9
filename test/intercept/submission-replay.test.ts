// @vitest-environment happy-dom
/**
 * A submission aimed at another window, held while its files are read (lib/intercept/isolated/
 * submission-replay.ts): cancelled by taking the form out for a task, then sent again. On a busy
 * machine the files can be read before that task: the replay must still find the form in its place.
 */
import { describe, expect, it, vi } from 'vitest';
import { cancelSubmission, holdSubmission } from '../../lib/intercept/isolated/submission-replay';

function page() {
  document.body.innerHTML = '<p id="before"></p><form id="f"></form><p id="after"></p>';
  return document.getElementById('f') as HTMLFormElement;
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('cancelSubmission', () => {
  it('takes the form out, and puts it back where it was a task later', async () => {
    const form = page();
    const back = cancelSubmission(window, form);
    expect(form.isConnected).toBe(false);
    await back;
    expect(form.isConnected).toBe(true);
    expect(form.previousElementSibling?.id).toBe('before');
    expect(form.nextElementSibling?.id).toBe('after');
  });

  it('a form that is in no document is left alone', async () => {
    const form = document.createElement('form');
    await cancelSubmission(window, form);
    expect(form.isConnected).toBe(false);
  });
});

describe('holdSubmission', () => {
  it('files read before the form is back (a microtask): the replay waits for the form', async () => {
    const form = page();
    const seen: boolean[] = [];
    const replay = vi.fn(() => seen.push(form.isConnected));
    const held = holdSubmission(window, form, (again) => (queueMicrotask(again), true), replay);
    expect(held).toBe(true);
    expect(form.isConnected).toBe(false);
    await tick();
    await tick();
    expect(seen).toEqual([true]);
  });

  it('files read later: replayed once, with the form in place', async () => {
    const form = page();
    const seen: boolean[] = [];
    holdSubmission(window, form, (again) => (setTimeout(again, 20), true), () => seen.push(form.isConnected));
    await new Promise((r) => setTimeout(r, 40));
    expect(seen).toEqual([true]);
  });

  it('nothing to read: not held, the form stays, no replay', async () => {
    const form = page();
    const replay = vi.fn();
    expect(holdSubmission(window, form, () => false, replay)).toBe(false);
    expect(form.isConnected).toBe(true);
    await tick();
    expect(replay).not.toHaveBeenCalled();
  });
});
