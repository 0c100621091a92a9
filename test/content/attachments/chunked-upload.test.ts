/**
 * A chunked upload (plupload, webuploader) sends a file in slice() pieces: each piece is judged as the
 * whole file it was cut from (lib/gate/pieces.ts), never as bytes of its own — a piece of a workbook is
 * no workbook, and an ID may be cut in two between pieces. The MAIN world sends the whole beside the
 * piece (FileRef.piece); the isolated world reads the whole.
 */
import { describe, expect, it, vi } from 'vitest';
import type { AttachmentResult } from '../../../lib/attachments/types';
import { FilePasses } from '../../../lib/content/attachments/file-passes';
import { PageFiles } from '../../../lib/content/attachments/page-files';
import { FileVerdicts } from '../../../lib/content/gate/files';
import { filesGate } from './files-gate';
import type { FileRef, Outgoing } from '../../../lib/gate/types';
import type { Finding } from '../../../lib/scan/types';

const ID = '11010519491231002X';
const ID_CELL = { ruleId: 'cn-id', kind: 'cn-id', severity: 'block', start: 0, end: 18, excerpt: '110105********0021', message: '身份证号' } as unknown as Finding;
const UPLOAD = 'http://cms.test/plupload/upload.php';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A scanner that reads the bytes it is given: an ID in them is a finding, and "PK" must open a workbook. */
function scanner(blob: Blob, name: string): Promise<AttachmentResult> {
  return blob.text().then((text) => {
    if (!text.startsWith('PK')) return { file: name, size: blob.size, status: 'unreadable', cause: 'corrupt', reason: { zh: '文件已损坏', en: 'corrupt' }, findings: [] };
    return { file: name, size: blob.size, status: 'scanned', format: 'xlsx', findings: text.includes(ID) ? [ID_CELL] : [] };
  });
}

function setup() {
  const passes = new FilePasses(() => 0);
  const files = new FileVerdicts(new PageFiles(scanner), passes);
  const gate = filesGate(files);
  return { gate, files, passes };
}

/**
 * `whole` cut in `size`-byte pieces, each with the request that carries it (plupload's multipart
 * fields); `wholeName`: the name the MAIN world gives the whole.
 */
function pieces(whole: File, size: number, wholeName?: string): { request: Outgoing; blobs: Blob[] }[] {
  const out: { request: Outgoing; blobs: Blob[] }[] = [];
  for (let start = 0, n = 0; start < whole.size; start += size, n++) {
    const end = Math.min(whole.size, start + size);
    const piece = { whole: 1, start, end, size: whole.size, filename: whole.name, type: whole.type, ...(wholeName && { wholeName }) };
    const ref: FileRef = { name: 'file', filename: 'blob', type: 'application/octet-stream', size: end - start, blob: 0, piece };
    out.push({ request: { route: 'xhr', method: 'POST', url: UPLOAD, body: { kind: 'entries', entries: [['chunk', String(n)], ['file', ref]] } }, blobs: [whole.slice(start, end), whole] });
  }
  return out;
}

/** The same part as the page would describe it without the slice() hook. */
function withoutPiece(ref: FileRef): FileRef {
  const alone = { ...ref };
  delete alone.piece;
  return alone;
}

const list = new File([`PK workbook 低保名单 ${ID} end of the workbook`], '低保名单.xlsx', { type: XLSX });
const clean = new File(['PK workbook 财政预算 1,234.00 end of the workbook'], '财政预算.xlsx', { type: XLSX });

describe('a chunked upload is judged as the whole file', () => {
  it('every piece of a list with an ID is refused, though the ID is cut in two and no piece holds a workbook header but the first', async () => {
    const { gate } = setup();
    const sent = pieces(list, 24);
    expect(sent.some(({ blobs }) => blobs[0]!.size > 0 && list.name !== '')).toBe(true);
    for (const { request, blobs } of sent) {
      expect(await gate.answerAsync(request, blobs)).toMatchObject({ pass: false });
    }
  });

  it('control: the same pieces without where they were cut from are judged on their own bytes (corrupt, and the ID split leaves no finding)', async () => {
    const { gate, files } = setup();
    const [, second] = pieces(list, 24);
    const alone = withoutPiece((second!.request.body as { entries: [string, FileRef | string][] }).entries[1]![1] as FileRef);
    const request: Outgoing = { ...second!.request, body: { kind: 'entries', entries: [['file', alone]] } };
    expect(await gate.answerAsync(request, [second!.blobs[0]!])).toMatchObject({ pass: false });
    expect(files.book.gateState((await files.learn(alone, second!.blobs[0]!)).key).state).toBe('unreadable');
  });

  it('every piece of a clean workbook passes, under the whole file’s content key', async () => {
    const { gate, files } = setup();
    const wholeKey = (await files.learn({ name: 'f', filename: clean.name, type: clean.type, size: clean.size }, clean)).key;
    for (const { request, blobs } of pieces(clean, 16)) {
      expect(await gate.answerAsync(request, blobs)).toMatchObject({ pass: true });
    }
    expect(files.book.get(wholeKey!)?.name).toBe(clean.name);
  });

  it('a signed list goes out once in pieces: its pass is spent by the last piece, and another upload of it is refused', async () => {
    const { gate, files, passes } = setup();
    const key = (await files.learn({ name: 'f', filename: list.name, type: list.type, size: list.size }, list)).key!;
    passes.grant(key);
    const sent = pieces(list, 24);
    for (const { request, blobs } of sent) expect(await gate.answerAsync(request, blobs)).toMatchObject({ pass: true });
    expect(passes.has(key)).toBe(false);
    expect(await gate.answerAsync(sent[0]!.request, sent[0]!.blobs)).toMatchObject({ pass: false });
  });

  it('the whole is read once for all its pieces when the MAIN world named it, once per piece otherwise', async () => {
    const named = setup();
    const readNamed = vi.spyOn(named.files, 'learn');
    const sent = pieces(clean, 8, 'a1b2');
    for (const { request, blobs } of sent) expect(await named.gate.answerAsync(request, blobs)).toMatchObject({ pass: true });
    expect(readNamed).toHaveBeenCalledTimes(1);

    const unnamed = setup();
    const readEach = vi.spyOn(unnamed.files, 'learn');
    for (const { request, blobs } of pieces(clean, 8)) await unnamed.gate.answerAsync(request, blobs);
    expect(readEach).toHaveBeenCalledTimes(sent.length);
  });

  it('two wholes with other names are read apart: a clean one read first does not stand for a list', async () => {
    const { gate } = setup();
    for (const { request, blobs } of pieces(clean, 24, 'clean-one')) expect(await gate.answerAsync(request, blobs)).toMatchObject({ pass: true });
    for (const { request, blobs } of pieces(list, 24, 'list-one')) expect(await gate.answerAsync(request, blobs)).toMatchObject({ pass: false });
  });

  it('a piece of a text Blob sent as the whole body is judged by the whole text: an ID cut in two is found', async () => {
    const { gate } = setup();
    const whole = new Blob([`申请人张三，身份证号${ID}，住址城关镇。`], { type: 'text/plain' });
    const cut = 14;
    const first = whole.slice(0, cut);
    expect(await first.text()).not.toContain(ID);
    const ref: FileRef = { name: '(blob)', filename: '', type: 'text/plain', size: first.size, blob: 0, piece: { whole: 1, start: 0, end: cut, size: whole.size, filename: '', type: 'text/plain' } };
    const request: Outgoing = { route: 'fetch', method: 'POST', url: 'http://cms.test/api/notes', body: { kind: 'entries', entries: [['(blob)', ref]] } };
    expect(await gate.answerAsync(request, [first, whole])).toMatchObject({ pass: false });
    const alone = withoutPiece(ref);
    expect(await gate.answerAsync({ ...request, body: { kind: 'entries', entries: [['(blob)', alone]] } }, [first]), 'control: the piece alone').toMatchObject({ pass: true });
  });
});
