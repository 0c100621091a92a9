/**
 * The hold of a form post whose files were not read (lib/content/attachments/form-hold.ts): held
 * while they are read, then sent again once; never held twice in a row, so a file that cannot be read
 * is judged (pending, refused) rather than held for ever.
 */
import { describe, expect, it, vi } from 'vitest';
import { FormHold } from '../../../lib/content/attachments/form-hold';

function setup(now = { t: 0 }) {
  const known = new Set<File>();
  const learn = vi.fn((f: File) => {
    known.add(f);
    return Promise.resolve();
  });
  const hold = new FormHold({ known: (f) => known.has(f), learn }, () => now.t);
  return { hold, learn, known, now };
}

const form = () => ({}) as HTMLFormElement;
const withFile = (file: File) => {
  const fd = new FormData();
  fd.append('title', '通知');
  fd.append('upfile', file);
  return fd;
};
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('FormHold.holdThen', () => {
  it('holds a post with a file not read yet, reads it, then sends it again once', async () => {
    const { hold, learn } = setup();
    const replay = vi.fn();
    const file = new File(['x'], 'a.png', { type: 'image/png' });
    expect(hold.holdThen(withFile(file), form(), replay)).toBe(true);
    expect(learn).toHaveBeenCalledWith(file);
    await flush();
    expect(replay).toHaveBeenCalledTimes(1);
  });

  it('a picture is read like any file: what it says it is does not let it through unread', () => {
    const { hold } = setup();
    expect(hold.holdThen(withFile(new File(['申请人'], '照片.jpg', { type: 'image/jpeg' })), form(), () => {})).toBe(true);
  });

  it('does not hold a post whose files are read, or empty', () => {
    const { hold, known } = setup();
    const file = new File(['x'], 'a.xlsx');
    known.add(file);
    expect(hold.holdThen(withFile(file), form(), () => {})).toBe(false);
    expect(hold.holdThen(withFile(new File([], 'empty.xlsx')), form(), () => {})).toBe(false);
  });

  it('the replayed post is not held again: a file still unknown is left to the gate', async () => {
    const now = { t: 0 };
    const f = form();
    const failing = new FormHold({ known: () => false, learn: () => Promise.reject(new Error('unreadable')) }, () => now.t);
    const replay = vi.fn();
    expect(failing.holdThen(withFile(new File(['x'], 'a.xlsx')), f, replay)).toBe(true);
    await flush();
    expect(replay).toHaveBeenCalledTimes(1);
    expect(failing.holdThen(withFile(new File(['x'], 'a.xlsx')), f, replay)).toBe(false);
    now.t += 5_000;
    expect(failing.holdThen(withFile(new File(['x'], 'a.xlsx')), f, replay)).toBe(true);
  });

  it('without a form to send again it is not held (the gate judges it as it is)', () => {
    const { hold } = setup();
    expect(hold.holdThen(withFile(new File(['x'], 'a.xlsx')), null, () => {})).toBe(false);
  });
});
