/**
 * Linked attachments: only the CMS's own files with an attachment extension are fetched; their
 * findings come back placed in the file; a link that cannot be fetched keeps the checklist blocked.
 */
import { describe, expect, it } from 'vitest';
import { LinkedAttachments } from '../../../lib/content/attachments/linked';
import { attachmentLinks, linkedName } from '../../../lib/content/attachments/linked-urls';
import { PageFiles } from '../../../lib/content/attachments/page-files';
import type { Finding } from '../../../lib/scan/types';

const BASE = 'http://cms.test/admin/edit.do?id=4';
const ORIGIN = 'http://cms.test';

describe('attachmentLinks', () => {
  it.each([
    ['/uploads/名单.xlsx', ['http://cms.test/uploads/%E5%90%8D%E5%8D%95.xlsx']],
    ['files/a.PDF#page=2', ['http://cms.test/admin/files/a.PDF']],
    ['http://cms.test/u/a.doc?download=1', ['http://cms.test/u/a.doc?download=1']],
    ['http://other.test/u/a.xlsx', []],
    ['http://cms.test:8080/u/a.xlsx', []],
    ['/news/42.html', []],
    ['/u/photo.jpg', []],
    ['javascript:void(0)', []],
    ['http://[bad', []],
  ])('%s → %j', (href, expected) => {
    expect(attachmentLinks([href], BASE, ORIGIN)).toEqual(expected);
  });

  it('lists each file once', () => {
    expect(attachmentLinks(['/u/a.xlsx', '/u/a.xlsx#x', 'http://cms.test/u/a.xlsx'], BASE, ORIGIN)).toEqual(['http://cms.test/u/a.xlsx']);
  });

  it('names the file by its decoded last segment', () => {
    expect(linkedName('http://cms.test/uploads/2026/%E4%BD%8E%E4%BF%9D%E5%90%8D%E5%8D%95.xlsx')).toBe('低保名单.xlsx');
  });
});

describe('LinkedAttachments', () => {
  const hit = { kind: 'cn-id', severity: 'block', excerpt: '1101**********002X', location: { file: '名单.xlsx', text: '隐藏工作表「原始」C2' } } as unknown as Finding;

  it('fetches same-origin links with the session, once; findings are placed in their file', async () => {
    const fetched: [string, RequestInit][] = [];
    const book = new PageFiles((b, name) => Promise.resolve({ file: name, size: b.size, status: 'scanned', findings: [hit] } as never));
    const linked = new LinkedAttachments(book, (url, init) => {
      fetched.push([url, init]);
      return Promise.resolve(new Response('bytes'));
    });
    await linked.refresh(['/u/名单.xlsx', 'http://other.test/x.xlsx'], BASE, ORIGIN);
    await linked.refresh(['/u/名单.xlsx'], BASE, ORIGIN);
    expect(fetched.map(([u, i]) => [u, i.credentials])).toEqual([['http://cms.test/u/%E5%90%8D%E5%8D%95.xlsx', 'same-origin']]);
    expect(linked.findings().map((f) => f.where)).toEqual([expect.stringMatching(/名单\.xlsx · 隐藏工作表「原始」C2$/)]);
    expect(linked.error()).toBeNull();
    await linked.refresh([], BASE, ORIGIN);
    expect(linked.findings()).toEqual([]);
  });

  it('a link that answers 404 is an error (fail closed), and is tried again next time', async () => {
    let calls = 0;
    const book = new PageFiles((b, name) => Promise.resolve({ file: name, size: b.size, status: 'scanned', findings: [] } as never));
    const linked = new LinkedAttachments(book, () => {
      calls++;
      return Promise.resolve(new Response('', { status: 404 }));
    });
    await linked.refresh(['/u/gone.pdf'], BASE, ORIGIN);
    expect(linked.error()).toMatch(/gone\.pdf.*404/);
    await linked.refresh(['/u/gone.pdf'], BASE, ORIGIN);
    expect(calls).toBe(2);
  });
});

describe('a linked file too large to check', () => {
  it('blocks the checklist until a reviewer confirms exactly that file', async () => {
    const book = new PageFiles((b, name) => Promise.resolve({ file: name, size: b.size, status: 'too-large', reason: { zh: '文件 60.0 MB，超过策略上限 50 MB', en: 'too large' }, findings: [] }));
    const linked = new LinkedAttachments(book, () => Promise.resolve(new Response('bytes')));
    await linked.refresh(['/u/录像.pdf'], BASE, ORIGIN);
    const [key] = linked.tooLarge();
    expect(key).toMatch(/^sha256:/);
    expect(linked.error()).toContain('超过策略上限');
    expect(linked.error((k) => k === 'sha256:another:5')).toContain('超过策略上限');
    expect(linked.error((k) => k === key)).toBeNull();
  });
});
