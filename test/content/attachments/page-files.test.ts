/**
 * The page's file book: a file is judged by its bytes (SHA-256 and size), scanned once however many
 * times and routes it shows up by, and never passes as clean before or without a scan.
 */
import { describe, expect, it } from 'vitest';
import type { AttachmentResult } from '../../../lib/attachments/types';
import { PageFiles, type Scanner } from '../../../lib/content/attachments/page-files';
import { FileVerdicts, isDocumentBody } from '../../../lib/content/gate/files';
import type { Finding } from '../../../lib/scan/types';

const BLOCK: Finding = { ruleId: 'cn-id', kind: 'cn-id', severity: 'block', start: 0, end: 18, excerpt: '1101**********002X', message: { zh: '身份证号', en: 'ID' }, location: { file: 'a.xlsx', text: '工作表「名单」C2' } } as unknown as Finding;

function scanner(result: (name: string) => Partial<AttachmentResult>) {
  const calls: string[] = [];
  const scan: Scanner = (blob, name) => {
    calls.push(name);
    return Promise.resolve({ file: name, size: blob.size, status: 'scanned', findings: [], ...result(name) } as AttachmentResult);
  };
  return { scan, calls };
}

const ref = (filename: string, key?: string, type = '') => ({ name: 'f', filename, type, size: 3, key });

describe('PageFiles', () => {
  it('scans the same bytes once, whatever the name or the Blob object; other bytes are another file', async () => {
    const s = scanner(() => ({}));
    const book = new PageFiles(s.scan);
    const [a, b] = await Promise.all([book.learn(new Blob(['abc']), 'x.xlsx', 'input'), book.learn(new Blob(['abc']), 'renamed.xlsx', 'upload')]);
    expect(a).toBe(b);
    // One scan, under the name of whichever copy was hashed first (the two hash side by side).
    expect(s.calls).toHaveLength(1);
    expect(['x.xlsx', 'renamed.xlsx']).toContain(s.calls[0]);
    expect([...book.get(a)!.origins].sort()).toEqual(['input', 'upload']);
    const c = await book.learn(new Blob(['abd']), 'x.xlsx', 'input');
    expect(c).not.toBe(a);
    expect(s.calls).toHaveLength(2);
  });

  it('answers the gate: unknown and scanning are pending, a block finding refuses, unreadable refuses with why', async () => {
    const book = new PageFiles(scanner((n) => (n === 'ids.xlsx' ? { findings: [BLOCK] } : n === 'locked.xlsx' ? { status: 'unreadable', reason: { zh: '文件已加密', en: 'encrypted' } } : {})).scan);
    expect(book.gateState(undefined)).toEqual({ state: 'pending' });
    expect(book.gateState('sha256:nope:1')).toEqual({ state: 'pending' });
    const ids = await book.learn(new Blob(['1']), 'ids.xlsx', 'drop');
    const locked = await book.learn(new Blob(['2']), 'locked.xlsx', 'drop');
    const clean = await book.learn(new Blob(['3']), 'clean.xlsx', 'drop');
    expect(book.gateState(ids)).toEqual({ state: 'findings', findings: [BLOCK] });
    expect(book.gateState(locked)).toMatchObject({ state: 'unreadable' });
    expect(book.gateState(clean)).toEqual({ state: 'clean' });
  });

  it('a scanner that throws leaves the file unreadable, never clean', async () => {
    const book = new PageFiles(() => Promise.reject(new TypeError('boom')));
    const key = await book.learn(new Blob(['x']), 'a.docx', 'upload');
    expect(book.get(key)).toMatchObject({ status: 'unreadable' });
    expect(book.gateState(key).state).toBe('unreadable');
  });

  it('a file that could not be fetched is listed unreadable under its URL', () => {
    const book = new PageFiles(scanner(() => ({})).scan);
    const key = book.failed('a.xlsx', 'link', 'http://cms.test/u/a.xlsx', { zh: '404', en: '404' });
    expect(book.gateState(key).state).toBe('unreadable');
  });
});

describe('FileVerdicts', () => {
  it('a file without a key from the isolated world is pending (a picture too, unless a sync request sent it); empty files pass unread', async () => {
    const v = new FileVerdicts(new PageFiles(scanner(() => ({})).scan));
    expect(v.state(ref('名单.xlsx'))).toEqual({ state: 'pending' });
    expect(v.state(ref('名单.xlsx', 'sha256:forged:3'))).toEqual({ state: 'pending' });
    expect(v.state(ref('photo.jpg', undefined, 'image/jpeg'))).toEqual({ state: 'pending' });
    expect(v.state({ ...ref('photo.jpg', undefined, 'image/jpeg'), syncPicture: true })).toEqual({ state: 'clean' });
    expect(v.state({ ...ref('名单.xlsx'), syncPicture: true })).toEqual({ state: 'pending' });
    expect(v.state({ ...ref('empty.xlsx'), size: 0 })).toEqual({ state: 'clean' });
    const learned = await v.learn(ref('名单.xlsx'), new Blob(['abc']));
    expect(learned.key).toMatch(/^sha256:[0-9a-f]{64}:3$/);
    expect(v.state(learned)).toEqual({ state: 'clean' });
  });
});

describe('isDocumentBody', () => {
  it.each([
    ['a document name', new Blob(['hello']), { filename: '名单.xlsx', type: '' }, true],
    ['a document type', new Blob(['hello']), { filename: 'blob', type: 'application/pdf' }, true],
    ['binary bytes', new Blob([new Uint8Array([0x50, 0x4b, 0, 4])]), { filename: 'blob', type: '' }, true],
    ['a PDF header', new Blob(['%PDF-1.7']), { filename: 'blob', type: '' }, true],
    ['text sent as a Blob', new Blob(['title=公示&content=正文']), { filename: 'blob', type: 'text/plain' }, false],
    ['a .txt', new Blob(['正文']), { filename: 'a.txt', type: '' }, false],
  ] as const)('%s → %s', async (_what, blob, r, expected) => {
    expect(await isDocumentBody(blob, r)).toBe(expected);
  });
});
