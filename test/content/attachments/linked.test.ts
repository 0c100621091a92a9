/**
 * Linked attachments: only the CMS's own files with an attachment extension are fetched; their
 * findings come back placed in the file; a link that cannot be fetched keeps the checklist blocked.
 */
import { describe, expect, it } from 'vitest';
import { LinkedAttachments } from '../../../lib/content/attachments/linked';
import { attachmentLinks, linkedName } from '../../../lib/content/attachments/linked-urls';
import { PageFiles } from '../../../lib/content/attachments/page-files';
import type { AttachmentResult } from '../../../lib/attachments/types';
import { HeldUploads } from '../../../lib/content/attachments/held-uploads';
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
  const noSignoff = () => false;

  it('fetches same-origin links with the session at every check; findings are placed in their file', async () => {
    const fetched: [string, RequestInit][] = [];
    const book = new PageFiles((b, name) => Promise.resolve({ file: name, size: b.size, status: 'scanned', findings: [hit] } as never));
    const linked = new LinkedAttachments(book, {
      signed: noSignoff,
      fetchFile: (url, init) => {
        fetched.push([url, init]);
        return Promise.resolve(new Response('bytes'));
      },
    });
    await linked.refresh(['/u/名单.xlsx', 'http://other.test/x.xlsx'], BASE, ORIGIN);
    await linked.refresh(['/u/名单.xlsx'], BASE, ORIGIN);
    const url = 'http://cms.test/u/%E5%90%8D%E5%8D%95.xlsx';
    expect(fetched.map(([u, i]) => [u, i.credentials, i.cache])).toEqual([[url, 'same-origin', 'no-store'], [url, 'same-origin', 'no-store']]);
    expect(linked.findings().map((f) => f.where)).toEqual([expect.stringMatching(/名单\.xlsx · 隐藏工作表「原始」C2$/)]);
    expect(linked.error()).toBeNull();
    await linked.refresh([], BASE, ORIGIN);
    expect(linked.findings()).toEqual([]);
  });

  it('a link that answers 404 is an error (fail closed), and is tried again next time', async () => {
    let calls = 0;
    const book = new PageFiles((b, name) => Promise.resolve({ file: name, size: b.size, status: 'scanned', findings: [] } as never));
    const linked = new LinkedAttachments(book, {
      signed: noSignoff,
      fetchFile: () => {
        calls++;
        return Promise.resolve(new Response('', { status: 404 }));
      },
    });
    await linked.refresh(['/u/gone.pdf'], BASE, ORIGIN);
    expect(linked.error()).toMatch(/gone\.pdf.*404/);
    await linked.refresh(['/u/gone.pdf'], BASE, ORIGIN);
    expect(calls).toBe(2);
  });

  it.each([
    ['in its query', '/files/list.xls?sfz=11010519491231002X'],
    ['percent-encoded (%31 is 1)', '/files/list.xls?sfz=%311010519491231002X'],
  ])('a link whose address holds an ID %s is not fetched (the request would send it), and blocks as unreadable', async (_l, href) => {
    let calls = 0;
    const book = new PageFiles((b, name) => Promise.resolve({ file: name, size: b.size, status: 'scanned', findings: [] } as never));
    const linked = new LinkedAttachments(book, {
      signed: noSignoff,
      fetchFile: () => {
        calls++;
        return Promise.resolve(new Response('bytes'));
      },
    });
    await linked.refresh([href, '/files/clean.xls?id=42'], BASE, ORIGIN);
    expect(calls).toBe(1);
    expect(linked.error()).toMatch(/list\.xls.*未读取|list\.xls.*not fetched/);
  });

  it('a file that was read before and now fails to fetch blocks again (the old bytes do not stand in)', async () => {
    let status = 200;
    const book = new PageFiles((b, name) => Promise.resolve({ file: name, size: b.size, status: 'scanned', findings: [] } as never));
    const linked = new LinkedAttachments(book, { signed: noSignoff, fetchFile: () => Promise.resolve(new Response(status === 200 ? 'bytes' : '', { status })) });
    await linked.refresh(['/u/a.pdf'], BASE, ORIGIN);
    expect(linked.error()).toBeNull();
    status = 500;
    await linked.refresh(['/u/a.pdf'], BASE, ORIGIN);
    expect(linked.error()).toMatch(/a\.pdf.*500/);
  });
});

describe('a linked file a reviewer signs off (issue 12: by content key, for one publish)', () => {
  /** A server whose file at one URL can be replaced; a scanner that reads what the bytes say. */
  async function setup(scan: (text: string) => AttachmentResult) {
    const server = { body: '名单 v1' };
    const book = new PageFiles(async (b, name) => ({ ...scan(await b.text()), file: name, size: b.size }));
    const held = new HeldUploads(book);
    const linked = new LinkedAttachments(book, { signed: (k) => held.isLinkSigned(k), fetchFile: () => Promise.resolve(new Response(server.body)) });
    const check = async () => {
      await linked.refresh(['/u/名单.xlsx'], BASE, ORIGIN);
      held.linkedNow(linked.linkedKeys());
    };
    await check();
    return { server, book, held, linked, check };
  }
  const hit = { kind: 'cn-id', severity: 'block', excerpt: '1101**********002X', location: { file: '名单.xlsx', text: 'C2' } } as unknown as Finding;
  const withIds = (): AttachmentResult => ({ file: '', size: 0, status: 'scanned', format: 'xlsx', findings: [hit] });

  it('a block finding: listed for the reviewer; signed, its findings leave the checklist until the publish is released', async () => {
    const { held, linked, check } = await setup(withIds);
    const [row] = held.list();
    expect(row).toMatchObject({ name: '名单.xlsx', reason: 'block', linked: true, findings: [hit] });
    expect(linked.findings()).toHaveLength(1);
    held.signedOff(row!.key, { reviewerName: '李审核', at: 1 });
    await check();
    expect(linked.findings()).toEqual([]);
    held.published();
    await check();
    expect(linked.findings(), 'the next publish asks again').toHaveLength(1);
  });

  it('other bytes at the same URL are not covered by the sign-off', async () => {
    const { server, held, linked, check } = await setup(withIds);
    const signedKey = held.list()[0]!.key;
    held.signedOff(signedKey, { reviewerName: '李审核', at: 1 });
    await check();
    expect(linked.findings()).toEqual([]);
    server.body = '名单 v2 (another row)';
    await check();
    expect(linked.findings()).toHaveLength(1);
    expect(held.list().map((h) => [h.key === signedKey, h.signed])).toEqual([[false, undefined]]);
  });

  it.each([
    ['too large', { status: 'too-large', reason: { zh: '文件 60.0 MB，超过策略上限 50 MB', en: 'too large' } }, 'too-large'],
    ['encrypted', { status: 'unreadable', cause: 'encrypted', reason: { zh: '文件设有打开密码（已加密）', en: 'encrypted' } }, 'encrypted'],
    ['corrupt', { status: 'unreadable', cause: 'corrupt', reason: { zh: '文件已损坏', en: 'corrupt' } }, 'corrupt'],
  ] as const)('%s: blocks the checklist until a reviewer confirms exactly that file', async (_what, result, reason) => {
    const { held, linked, check } = await setup(() => ({ file: '', size: 0, findings: [], ...result }));
    expect(linked.error()).toContain(result.reason.zh);
    const [row] = held.list();
    expect(row).toMatchObject({ reason, linked: true, why: result.reason });
    held.signedOff('sha256:another:5', { reviewerName: '李审核', at: 1 });
    expect(linked.error()).toContain(result.reason.zh);
    held.signedOff(row!.key, { reviewerName: '李审核', at: 1 });
    await check();
    expect(linked.error()).toBeNull();
  });

  it('unsupported, or unreadable for no known reason: never offered, stays blocked', async () => {
    for (const status of ['unsupported', 'unreadable'] as const) {
      const { held, linked } = await setup(() => ({ file: '', size: 0, status, reason: { zh: '无法检查', en: 'x' }, findings: [] }));
      expect(held.list()).toEqual([]);
      expect(linked.error()).toContain('无法检查');
    }
  });
});
