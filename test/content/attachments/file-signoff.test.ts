/**
 * A reviewer's sign-off of one refused upload (issue 12 item 3): exactly that file (by content key)
 * passes the gate once; a second upload of it, another file, or a later try after the pass expired is
 * refused again. form.submit() is judged twice (by the guard, then as its navigation): one upload.
 */
import { describe, expect, it } from 'vitest';
import { tooLarge } from '../../../lib/attachments/too-large';
import type { AttachmentResult } from '../../../lib/attachments/types';
import { FilePasses, FILE_PASS_TTL_MS } from '../../../lib/content/attachments/file-passes';
import { HeldUploads } from '../../../lib/content/attachments/held-uploads';
import { PageFiles } from '../../../lib/content/attachments/page-files';
import { FileVerdicts } from '../../../lib/content/gate/files';
import { filesGate } from './files-gate';
import type { Outgoing } from '../../../lib/gate/types';
import type { Finding } from '../../../lib/scan/types';

const ID_CELL = { ruleId: 'cn-id', kind: 'cn-id', severity: 'block', start: 0, end: 18, excerpt: '110105********002X', message: { zh: '身份证号', en: 'ID' }, location: { file: '低保名单.xlsx', sheet: '原始', cell: 'C2', text: '隐藏工作表「原始」C2' } } as unknown as Finding;
const UPLOAD = 'http://cms.test/ueditor/controller.php?action=uploadfile';

/** The file book with a scanner that says what each named file holds (the scanner is not under test here). */
async function setup() {
  const clock = { t: 1_000 };
  const book = new PageFiles((blob, name): Promise<AttachmentResult> => {
    if (name.startsWith('录像')) return Promise.resolve(tooLarge(name, 3 * 1024 * 1024, 1)!);
    const findings = name.startsWith('低保') ? [ID_CELL] : [];
    return Promise.resolve({ file: name, size: blob.size, status: 'scanned', format: 'xlsx', findings });
  });
  const passes = new FilePasses(() => clock.t);
  const gate = filesGate(new FileVerdicts(book, passes), () => clock.t);
  const list = await book.learn(new Blob(['名单 bytes']), '低保名单.xlsx', 'input');
  const other = await book.learn(new Blob(['另一份名单']), '低保名单2.xlsx', 'input');
  const clean = await book.learn(new Blob(['预算 bytes']), '财政预算.xlsx', 'input');
  const big = await book.learn(new Blob(['over the limit']), '录像说明.pdf', 'input');
  return { clock, book, passes, gate, list, other, clean, big };
}

const upload = (key: string, filename = 'f.xlsx', route: Outgoing['route'] = 'xhr', url = UPLOAD, navigatesHere?: boolean): Outgoing => ({
  route,
  method: 'POST',
  url,
  body: { kind: 'entries', entries: [['upfile', { name: 'upfile', filename, type: 'application/vnd.ms-excel', size: 12, key }], ['type', 'ajax']] },
  navigatesHere,
});

describe('FilePasses', () => {
  it('a pass is spent once and lapses after its time', () => {
    const clock = { t: 0 };
    const p = new FilePasses(() => clock.t);
    p.grant('k');
    expect(p.has('k')).toBe(true);
    expect(p.spend(['other', 'k'])).toEqual(['k']);
    expect(p.has('k')).toBe(false);
    expect(p.spend(['k'])).toEqual([]);
    p.grant('k');
    clock.t += FILE_PASS_TTL_MS + 1;
    expect(p.has('k')).toBe(false);
    expect(p.has(undefined)).toBe(false);
  });
});

describe('the gate with a signed-off file', () => {
  it('without a sign-off the list is refused and the verdict names its content key', async () => {
    const { gate, list } = await setup();
    expect(gate.judge(upload(list))).toMatchObject({ pass: false, reason: 'file-block', file: list, findings: [ID_CELL] });
  });

  it('after the sign-off exactly that file passes once; a second upload and another file are refused', async () => {
    const { gate, passes, list, other, clean } = await setup();
    passes.grant(list);
    expect(gate.judge(upload(other))).toMatchObject({ pass: false, reason: 'file-block', file: other });
    expect(gate.judge(upload(list)).pass).toBe(true);
    expect(gate.judge(upload(list))).toMatchObject({ pass: false, reason: 'file-block', file: list });
    // a clean file never needed a pass, and does not spend one
    passes.grant(list);
    expect(gate.judge(upload(clean)).pass).toBe(true);
    expect(passes.has(list)).toBe(true);
  });

  it('a request refused for something else does not spend the pass', async () => {
    const { gate, passes, list } = await setup();
    passes.grant(list);
    const sent = upload(list);
    const withId: Outgoing = { ...sent, body: { kind: 'entries', entries: [...(sent.body.kind === 'entries' ? sent.body.entries : []), ['note', '申请人身份证号 11010519491231002X']] } };
    expect(gate.judge(withId)).toMatchObject({ pass: false, reason: 'block-finding' });
    expect(gate.judge(upload(list)).pass).toBe(true);
  });

  it('the pass lapses: an upload after it expired is refused', async () => {
    const { gate, passes, clock, list } = await setup();
    passes.grant(list);
    clock.t += FILE_PASS_TTL_MS + 1;
    expect(gate.judge(upload(list)).pass).toBe(false);
  });

  it('form.submit() let out by the guard: its navigation is the same upload; a third try is refused', async () => {
    const { gate, passes, clock, list } = await setup();
    passes.grant(list);
    expect(gate.judge(upload(list, 'f.xlsx', 'form.submit', UPLOAD, true)).pass).toBe(true);
    clock.t += 50;
    expect(gate.judge(upload(list, 'f.xlsx', 'form')).pass).toBe(true);
    expect(gate.judge(upload(list, 'f.xlsx', 'form')).pass).toBe(false);
    expect(gate.judge(upload(list, 'f.xlsx', 'form.submit', UPLOAD, true)).pass).toBe(false);
  });

  it('the follow-up must be the same request: another URL after a form.submit() is refused', async () => {
    const { gate, passes, list } = await setup();
    passes.grant(list);
    expect(gate.judge(upload(list, 'f.xlsx', 'form.submit', UPLOAD, true)).pass).toBe(true);
    expect(gate.judge(upload(list, 'f.xlsx', 'form', 'http://cms.test/other/upload.do')).pass).toBe(false);
  });
});

describe('a file over the size limit', () => {
  it('is refused as not checked until a reviewer confirms it; then it passes once', async () => {
    const { gate, passes, big } = await setup();
    expect(gate.judge(upload(big))).toMatchObject({ pass: false, reason: 'file-unreadable', file: big });
    passes.grant(big);
    expect(gate.judge(upload(big)).pass).toBe(true);
    expect(gate.judge(upload(big)).pass).toBe(false);
  });

  it('is listed for the reviewer with its size and the limit, and no findings', async () => {
    const { book, big } = await setup();
    const held = new HeldUploads(book);
    expect(held.refused(big)).toBe(true);
    expect(held.get(big)).toMatchObject({ name: '录像说明.pdf', reason: 'too-large', findings: [], why: { zh: expect.stringContaining('超过策略上限 1 MB') as string } });
  });

});

describe('an encrypted or corrupt file (issue 12: confirmed unchecked, like one too large)', () => {
  const unreadable = (cause?: 'encrypted' | 'corrupt') => async () => {
    const book = new PageFiles((blob, name) => Promise.resolve({ file: name, size: blob.size, status: 'unreadable', reason: { zh: '无法读取', en: 'unreadable' }, ...(cause && { cause }), findings: [] }));
    const key = await book.learn(new Blob(['x']), '加密名单.xlsx', 'input');
    const passes = new FilePasses();
    const verdicts = new FileVerdicts(book, passes);
    const ref = { name: 'f', filename: '加密名单.xlsx', type: '', size: 1, key };
    return { book, key, passes, verdicts, ref };
  };

  it.each(['encrypted', 'corrupt'] as const)('%s: listed with its reason; refused until signed, then passes once', async (cause) => {
    const { book, key, passes, verdicts, ref } = await unreadable(cause)();
    const held = new HeldUploads(book);
    expect(held.refused(key)).toBe(true);
    expect(held.get(key)).toMatchObject({ reason: cause, findings: [], why: { zh: '无法读取' } });
    expect(verdicts.state(ref)).toMatchObject({ state: 'unreadable' });
    passes.grant(key);
    expect(verdicts.state(ref)).toEqual({ state: 'clean' });
  });

  it('unreadable for a reason the reader could not name (a scanner failure, a timeout) is never offered: nobody saw those bytes', async () => {
    const { book, key, passes, verdicts, ref } = await unreadable()();
    passes.grant(key);
    expect(new HeldUploads(book).refused(key)).toBe(false);
    expect(verdicts.state(ref)).toMatchObject({ state: 'unreadable' });
  });
});

describe('HeldUploads', () => {
  it('linked files that need a reviewer (block finding, too large) are listed as linked; their sign-off is for one publish', async () => {
    const { book, big, list, clean } = await setup();
    const held = new HeldUploads(book);
    held.linkedNow([list, big, clean]);
    expect(held.list().map((h) => [h.key, h.reason, h.linked])).toEqual([[list, 'block', true], [big, 'too-large', true]]);
    expect(held.signedOff(list, { reviewerName: '李审核', at: 5 })).toBe('link');
    held.linkedNow([list, big]);
    expect(held.isLinkSigned(list)).toBe(true);
    expect(held.get(list)?.signed).toEqual({ reviewerName: '李审核', at: 5 });
    held.published();
    expect(held.isLinkSigned(list)).toBe(false);
  });

  it('a linked file no longer linked (other bytes at its URL) leaves the list and loses its sign-off', async () => {
    const { book, list, other } = await setup();
    const held = new HeldUploads(book);
    held.linkedNow([list]);
    held.signedOff(list, { reviewerName: '李审核', at: 5 });
    held.linkedNow([other]);
    expect(held.list().map((h) => h.key)).toEqual([other]);
    held.linkedNow([list]);
    expect(held.isLinkSigned(list)).toBe(false);
  });

  it("an upload's sign-off does not sign the draft's link to the same file, nor the other way round", async () => {
    const { book, list } = await setup();
    const held = new HeldUploads(book);
    held.refused(list);
    expect(held.signedOff(list, { reviewerName: '李审核', at: 5 })).toBe('upload');
    held.linkedNow([list]);
    expect(held.isLinkSigned(list)).toBe(false);
    expect(held.get(list)).toMatchObject({ linked: true });
    expect(held.get(list)?.signed).toBeUndefined();
  });

  it('lists a refused file with its block findings; a sign-off holds until the file is refused again', async () => {
    const { book, list, clean } = await setup();
    const held = new HeldUploads(book);
    expect(held.refused(clean)).toBe(false);
    expect(held.refused('sha256:unknown:1')).toBe(false);
    expect(held.refused(list)).toBe(true);
    expect(held.refused(list)).toBe(true);
    const f = book.get(list)!;
    expect(held.list()).toEqual([{ name: '低保名单.xlsx', key: list, sha256: f.sha256, size: f.size, reason: 'block', findings: [ID_CELL] }]);
    expect(held.signedOff(list, { reviewerName: '李审核', at: 5 })).toBe('upload');
    expect(held.get(list)?.signed).toEqual({ reviewerName: '李审核', at: 5 });
    expect(held.signedOff(clean, { reviewerName: '李审核', at: 5 })).toBeNull();
    expect(held.get(clean)).toBeUndefined();
    held.refused(list);
    expect(held.get(list)?.signed).toBeUndefined();
  });
});
