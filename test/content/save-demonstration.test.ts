import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { demonstrateSaves, saveOfBurst, shownSaveOf, type ShownSave } from '../../lib/content/teach/save-demonstration';
import type { TaughtSaves } from '../../lib/policy/draft-save-from-requests';

const U = 'http://cms.test/wp-admin/post.php';
const WP = { action: 'editpost', post_ID: '42', post_title: '关于低保资金发放情况的公示' };
const click = (body: Record<string, unknown>, method = 'POST', url = U): ShownSave => ({ method, url, body, byControl: true });

/** A hold as the page gate gives it: whoever holds sees what the page sends, until stopped. */
function fakeHold() {
  let seen: ((r: ShownSave) => void) | null = null;
  let stops = 0;
  return {
    hold: (s: (r: ShownSave) => void) => {
      seen = s;
      return () => {
        stops++;
        seen = null;
      };
    },
    send: (r: ShownSave) => seen?.(r),
    holding: () => seen !== null,
    stops: () => stops,
  };
}

describe('teach mode shown 保存草稿 and then 发布', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function start() {
    const h = fakeHold();
    const events: string[] = [];
    let taught: TaughtSaves | null | undefined;
    const stop = demonstrateSaves(h.hold, globalThis, {
      draftSeen: () => events.push('draft'),
      done: (t) => {
        events.push('done');
        taught = t;
      },
    });
    return { h, events, stop, taught: () => taught };
  }

  it('the two presses give the rules, and the hold ends', () => {
    const { h, events, taught } = start();
    h.send(click({ ...WP, save: '保存草稿' }));
    vi.advanceTimersByTime(700);
    expect(events).toEqual(['draft']);
    h.send(click({ ...WP, publish: '发布' }));
    vi.advanceTimersByTime(700);
    expect(events).toEqual(['draft', 'done']);
    expect(taught()).toMatchObject({ draft: { field: { name: 'save' } }, publish: { field: { name: 'publish' } } });
    expect(h.holding()).toBe(false);
  });

  it('a timer’s request (no click) is no answer: the heartbeat in between is not taken for the publish', () => {
    const { h, events } = start();
    h.send(click({ ...WP, save: '保存草稿' }));
    vi.advanceTimersByTime(700);
    h.send({ ...click({ action: 'heartbeat', 'data[wp_autosave][post_id]': '42' }, 'POST', 'http://cms.test/wp-admin/admin-ajax.php'), byControl: false });
    vi.advanceTimersByTime(700);
    expect(events).toEqual(['draft']);
  });

  it('of one click’s burst (a title check on blur, then the save) the save is taken', () => {
    const { h, taught } = start();
    h.send(click({}, 'GET', 'http://cms.test/index.php?m=content&a=public_check_title&data=x'));
    h.send(click({ title: 'T', content: '正文', status: '0' }, 'POST', 'http://cms.test/admin/news/save'));
    vi.advanceTimersByTime(700);
    h.send(click({ title: 'T', content: '正文', status: '1' }, 'POST', 'http://cms.test/admin/news/save'));
    vi.advanceTimersByTime(700);
    expect(taught()).toMatchObject({ draft: { field: { name: 'status', pattern: '^0$' } }, publish: { field: { name: 'status', pattern: '^1$' } } });
  });

  it('two requests nothing tells apart: done with no rule', () => {
    const { h, events, taught } = start();
    h.send(click({ ...WP }));
    vi.advanceTimersByTime(700);
    h.send(click({ ...WP }));
    vi.advanceTimersByTime(700);
    expect(events).toEqual(['draft', 'done']);
    expect(taught()).toBeNull();
  });

  it('stopped (跳过, 取消) before both: nothing is reported and the hold ends', () => {
    const { h, events, stop } = start();
    h.send(click({ ...WP, save: '保存草稿' }));
    stop();
    vi.advanceTimersByTime(700);
    expect(events).toEqual([]);
    expect(h.holding()).toBe(false);
  });

  it('a burst’s save: a write over a read, then the most fields', () => {
    const get = { method: 'GET', url: U, body: {} };
    const small = { method: 'POST', url: U, body: { a: '1' } };
    const big = { method: 'POST', url: U, body: { a: '1', b: '2' } };
    expect(saveOfBurst([get, small, big])).toBe(big);
    expect(saveOfBurst([get])).toBe(get);
    expect(saveOfBurst([])).toBeUndefined();
  });

  it('a held request is read as the adapter rules read it (fields by name), and a click marks it', () => {
    const shown = shownSaveOf({ route: 'fetch', method: 'POST', url: U, body: { kind: 'text', text: 'save=%E4%BF%9D%E5%AD%98%E8%8D%89%E7%A8%BF&post_ID=42', contentType: 'application/x-www-form-urlencoded' }, control: '保存草稿' });
    expect(shown).toMatchObject({ method: 'POST', url: U, byControl: true, body: { save: '保存草稿', post_ID: '42' } });
    expect(shownSaveOf({ route: 'fetch', method: 'POST', url: U, body: { kind: 'text', text: 'a=1' } }).byControl).toBe(false);
  });
});
