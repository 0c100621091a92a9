/**
 * The eighth probe (a helper in real Chromium, 2026-12-05), kept as a test. Two classes:
 *
 * - **Read once**: a hook judged what the page handed in and handed the browser the page's object,
 *   which the browser read again — after fetch's or XHR's wait for the verdict, or through an object's
 *   toString or a getter that answers the second reader otherwise. The page changed the body, URL,
 *   headers or init after the call, or gave `{ toString() { return n++ ? draft : clean } }`, and the ID
 *   arrived. Now what is judged is a copy read once, and that copy is what the browser sends: the
 *   clean version arrives, nothing carrying the ID (lib/intercept/main/hooks/once.ts).
 * - **Not read at all**: subprotocols, a `<tr background>`, an iframe's `csp`, a multipart filename,
 *   a Blob's type, keyframes given as a Set, a custom property's string that image-set(var()) fetches,
 *   WebRTC ICE credentials in a description the page writes. Without Precheck (the control host) each
 *   delivers the ID; with it each is refused and nothing carrying the ID arrives.
 *
 * Headers, filenames and STUN checks arrive at a raw recorder (./raw-recorder.ts): the recording
 * server keeps none of them. The harness and the page script's names: ./probe-page.ts.
 */
import { describe, expect, test } from 'vitest';
import { probePage } from './probe-page.ts';
import { AT_THE_HOOKS, BUILT_INS, LATE_LISTENERS, NOT_READ, READ_ONCE, SW_OWN_PORT_CLEAN, SW_PORT_CODE, SW_UNTRACKED_PORTS } from './read-once-cases.ts';

const { expectCleanArrives, expectDeliveredOnlyWithout, onControl, onGuarded } = probePage();

describe('read once: the browser sends the copy that was judged', () => {
  test.each(READ_ONCE)('%s: the clean version arrives, nothing carrying the ID', async (_label, code) => expectCleanArrives(code));
});

describe('not read before: delivered without Precheck, refused with it', () => {
  test.each(NOT_READ)('%s', async (_label, code) => {
    expect(await expectDeliveredOnlyWithout(code, 82)).toMatch(/预检/);
  });
});

/**
 * The ninth probe (2026-12-05): page code that, after load, replaces a built-in the guard used at
 * call time (Reflect.apply, Function.prototype.call, String, URL, a prototype's getter or method) or
 * gives one object a getter, tag or method of its own. The guard asked through them and was told one
 * thing while the browser, reading the object's internal slots, sent another: with the build before
 * lib/intercept/main/natives.ts all but one of these delivered the ID (checked by building
 * e956685). The exception, Cache.add of a Request with its own url, did not leak: that build made
 * every Request handed to Cache.add the string "[object Request]", which broke the call instead (the
 * read-once row above shows a Request fetched as itself now). A worker's prelude had been left out
 * of the eighth probe's fix (the worker rows here and above). Each page script restores what it
 * replaced (the next case loads the page afresh anyway).
 *
 * The first three are aimed at the hooks themselves: without Precheck the page's own call sends the
 * clean version, which must arrive with Precheck too.
 */
describe("the page's built-ins replaced after load", () => {
  test.each(AT_THE_HOOKS)('%s: the clean version arrives, nothing carrying the ID', async (_label, code) => expectCleanArrives(code));
  test.each(BUILT_INS)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(code, 83)));
});

describe('a service worker message is cloned once by the guard: ports and buffers still move', () => {
  test('a port handed to the worker with a clean message moves (the worker posts), and the page’s other end refuses the draft', async () => {
    const guarded = await onGuarded(SW_PORT_CODE);
    expect(guarded.outcome).toBe('ok: true moved SecurityError');
    expect(guarded.carried).toEqual([]);
    expect(guarded.arrived).toBe(1);
  });
  test.each(SW_UNTRACKED_PORTS)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(code, 85)));
  test("the page's own channel to the worker: a clean message down it arrives", () => expectCleanArrives(SW_OWN_PORT_CLEAN));
});

/**
 * A submission by a click or requestSubmit() aimed at another window gets no navigate event: its
 * entry list is judged inside its `formdata` event. Page listeners that ran after the judge had the
 * last word (found 2026-12-05, kept open then): one on the form that adds the draft or sets a field
 * to it and stops the event, one that adds through a frame's FormData methods (a fresh frame the page guards itself, and a
 * loaded one whose guard is its own: the list's mark, not a table of one guard's, finds the judge). Each delivers the ID
 * without Precheck and did with it (the build before); now the list is judged again at every change
 * the page makes to it (lib/intercept/main/hooks/entry-list-changes.ts), and a refused list leaves empty.
 */

describe('a submission aimed at another window: the page changes its entry list after the judge', () => {
  test.each(LATE_LISTENERS)('%s: delivered without Precheck; with it the form leaves empty', async (_label, code) => {
    const without = await onControl(code, 84);
    expect(without.carried.length, `control: ${without.outcome}`).toBeGreaterThan(0);
    const guarded = await onGuarded(code);
    expect(guarded.carried, guarded.outcome).toEqual([]);
    expect(guarded.arrived, guarded.outcome).toBe(1);
  });
});
