/**
 * "Pictures pass unread" is decided by a file's first bytes, not by the name or type the page gives
 * it: text sent as `a.png` and an SVG (XML text) are read and judged; a real picture, however named,
 * is not read (lib/gate/files.ts isMediaBytes).
 */
import { describe, expect, it, vi } from 'vitest';
import type { AttachmentResult } from '../../../lib/attachments/types';
import { PageFiles } from '../../../lib/content/attachments/page-files';
import { FileVerdicts } from '../../../lib/content/gate/files';
import type { FileRef, Outgoing } from '../../../lib/gate/types';
import type { Finding } from '../../../lib/scan/types';
import { filesGate } from './files-gate';

const ID = '11010519491231002X';
const ID_FINDING = { ruleId: 'cn-id', kind: 'cn-id', severity: 'block', start: 0, end: 18, excerpt: '110105********002X', message: '身份证号' } as unknown as Finding;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, ...Buffer.from(`tEXt ${ID}`)]);
const MP4 = new Uint8Array([0, 0, 0, 0x18, ...Buffer.from('ftypmp42'), ...new Array<number>(64).fill(1)]);

function setup() {
  // The attachment scanner's text reading stands in: an ID in the bytes is a finding.
  const scanner = vi.fn(async (blob: Blob, name: string): Promise<AttachmentResult> => ({ file: name, size: blob.size, status: 'scanned', format: 'txt', findings: (await blob.text()).includes(ID) ? [ID_FINDING] : [] }));
  const files = new FileVerdicts(new PageFiles(scanner));
  return { gate: filesGate(files), scanner, files };
}

const upload = (filename: string, type: string, size: number, blob?: number): Outgoing => ({
  route: 'xhr',
  method: 'POST',
  url: 'http://cms.test/ueditor/controller.php?action=uploadimage',
  body: { kind: 'entries', entries: [['upfile', { name: 'upfile', filename, type, size, ...(blob !== undefined && { blob }) } satisfies FileRef]] },
});

const svg = (text: string) => new Blob([`<svg xmlns="http://www.w3.org/2000/svg"><text x="0" y="15">${text}</text></svg>`], { type: 'image/svg+xml' });

describe('a file that says it is a picture', () => {
  it('a real PNG passes unread, the scanner never asked — though its bytes hold the ID in a text chunk', async () => {
    const { gate, scanner } = setup();
    expect(await gate.answerAsync(upload('图表.png', 'image/png', PNG.length, 0), [new Blob([PNG])])).toMatchObject({ pass: true });
    expect(scanner).not.toHaveBeenCalled();
  });

  it('text sent as a.png / image/png is read: with an ID it is refused', async () => {
    const { gate } = setup();
    const text = new Blob([`申请人 ${ID}`], { type: 'image/png' });
    expect(await gate.answerAsync(upload('a.png', 'image/png', text.size, 0), [text])).toMatchObject({ pass: false });
  });

  it('an SVG is text: one with an ID in its <text> is refused, a clean one passes', async () => {
    const { gate } = setup();
    const withId = svg(`张三 ${ID}`);
    expect(await gate.answerAsync(upload('名单.svg', 'image/svg+xml', withId.size, 0), [withId])).toMatchObject({ pass: false });
    const clean = svg('2024年财政收入');
    expect(await gate.answerAsync(upload('图表.svg', 'image/svg+xml', clean.size, 0), [clean])).toMatchObject({ pass: true });
  });

  it('a real picture passes however it is named (the bytes decide)', async () => {
    const { gate, scanner } = setup();
    expect(await gate.answerAsync(upload('scan.dat', '', PNG.length, 0), [new Blob([PNG])])).toMatchObject({ pass: true });
    expect(scanner).not.toHaveBeenCalled();
  });

  it('a piece of a film (a chunked video upload) passes unread', async () => {
    const { gate, scanner } = setup();
    const whole = new File([MP4], '会议.mp4', { type: 'video/mp4' });
    const piece: FileRef = { name: 'file', filename: 'blob', type: '', size: 32, blob: 0, piece: { whole: 1, start: 0, end: 32, size: whole.size, filename: whole.name, type: whole.type, wholeName: 'w1' } };
    const o: Outgoing = { route: 'xhr', method: 'POST', url: 'http://cms.test/plupload/upload.php', body: { kind: 'entries', entries: [['file', piece]] } };
    expect(await gate.answerAsync(o, [whole.slice(0, 32), whole])).toMatchObject({ pass: true });
    expect(scanner).not.toHaveBeenCalled();
  });

  it('on a path that cannot read it (a sync XHR, fetchLater) it is taken at its word', () => {
    const { gate } = setup();
    const o = upload('照片.jpg', 'image/jpeg', 1234);
    (o.body as { entries: [string, FileRef][] }).entries[0]![1].syncPicture = true;
    expect(gate.answer(o)).toMatchObject({ pass: true });
  });

  it('unread anywhere else (a native form post whose file was not read) it is pending, refused', () => {
    const { gate } = setup();
    expect(gate.answer({ ...upload('照片.jpg', 'image/jpeg', 1234), route: 'form' })).toMatchObject({ pass: false });
  });

  it('a picture key that came along with the question is not taken (a real one, given to another file)', async () => {
    const { gate, files } = setup();
    const pictureKey = await files.keyFor(new Blob([PNG]), '图表.png', 'upload');
    const text = new Blob([`申请人 ${ID}`], { type: 'text/plain' });
    const o = upload('a.txt', 'text/plain', text.size, 0);
    (o.body as { entries: [string, FileRef][] }).entries[0]![1].key = pictureKey!;
    expect(await gate.answerAsync(o, [text])).toMatchObject({ pass: false });
  });
});

/** A native form post and form.submit() carry their files by the key this world gave each once it read them. */
describe('a file carried by key', () => {
  const keyed = (filename: string, type: string, size: number, key: string | undefined) => ({ ...upload(filename, type, size), route: 'form' as const, body: { kind: 'entries' as const, entries: [['upfile', { name: 'upfile', filename, type, size, key } satisfies FileRef] as [string, FileRef]] } });

  it('a real picture gets a picture key from its first bytes: it passes, the scanner never asked', async () => {
    const { gate, scanner, files } = setup();
    const key = await files.keyFor(new File([PNG], '照片.jpg', { type: 'image/jpeg' }), '照片.jpg', 'form');
    expect(key).toMatch(/^picture:/);
    expect(gate.answer(keyed('照片.jpg', 'image/jpeg', PNG.length, key!))).toMatchObject({ pass: true });
    expect(scanner).not.toHaveBeenCalled();
  });

  it('text named a.png is read and scanned: with an ID it is refused', async () => {
    const { gate, files } = setup();
    const text = new File([`申请人 ${ID}`], 'a.png', { type: 'image/png' });
    const key = await files.keyFor(text, 'a.png', 'form');
    expect(key).not.toMatch(/^picture:/);
    expect(gate.answer(keyed('a.png', 'image/png', text.size, key!))).toMatchObject({ pass: false });
  });

  it('a picture key this world did not give is no picture: pending, refused', () => {
    const { gate } = setup();
    expect(gate.answer(keyed('照片.jpg', 'image/jpeg', PNG.length, 'picture:00000000-0000-4000-8000-000000000000'))).toMatchObject({ pass: false });
  });
});
