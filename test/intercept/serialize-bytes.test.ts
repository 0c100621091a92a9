import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeOutgoing, joinedText } from '../../lib/gate/decode';
import { serializeBody } from '../../lib/intercept/main/serialize';

type PageWindow = Window & typeof globalThis;
const win = globalThis as unknown as PageWindow;
const ID = '11010519491231002X';
const TEXT = `{"content":"<p>申请人张三，身份证号 ${ID}</p>"}`;

/** What the isolated world reads of a byte body the page world serialised. */
const carried = (body: unknown) => joinedText(decodeOutgoing({ route: 'fetch', method: 'POST', url: 'http://cms.test/api/save', body: serializeBody(win, body).body }));

describe('byte bodies: the page world sends the bytes along when they are no UTF-8 text', () => {
  it.each([
    ['gzip in an ArrayBuffer', () => new Uint8Array(gzipSync(TEXT)).buffer],
    ['gzip in a Uint8Array view of a larger buffer', () => {
      const gz = gzipSync(TEXT);
      const big = new Uint8Array(gz.length + 20);
      big.set(gz, 10);
      return big.subarray(10, 10 + gz.length);
    }],
    ['UTF-16LE in a Uint16Array', () => Uint16Array.from(TEXT, (c) => c.charCodeAt(0))],
  ])('%s: the ID is read', (_, make) => {
    const s = serializeBody(win, make());
    expect(s.body.kind === 'text' && typeof s.body.bytes).toBe('string');
    expect(carried(make())).toContain(ID);
  });

  it('UTF-8 text goes as text alone: no second copy of it as base64', () => {
    const s = serializeBody(win, new TextEncoder().encode(TEXT));
    expect(s.body).toEqual({ kind: 'text', text: TEXT, contentType: undefined });
  });

  it('without the bytes, the lossy reading of gzip shows no ID (what the gate judged before)', () => {
    // Long enough to be compressed: a few bytes deflate stores as they are.
    const s = serializeBody(win, new Uint8Array(gzipSync(TEXT + '<p>现予公示，接受社会监督。</p>'.repeat(20))));
    expect(s.body.kind === 'text' && s.body.text).not.toContain(ID);
  });
});

describe('byte bodies over 32 MB (not handed over to be inflated)', () => {
  const over = 32 * 1024 * 1024 + 1;
  it('gzip or zlib is unread text: opaque, refused as unreadable', () => {
    for (const head of [[0x1f, 0x8b, 8], [0x78, 0x9c]]) {
      const bytes = new Uint8Array(over);
      bytes.set(head);
      expect(serializeBody(win, bytes).body).toEqual({ kind: 'opaque', what: 'compressed body over 32 MB' });
    }
  });

  it('other bytes (a video) are read as UTF-8 only, as before', () => {
    const bytes = new Uint8Array(over).fill(0xff);
    const body = serializeBody(win, bytes).body;
    expect(body.kind).toBe('text');
    expect(body.kind === 'text' && body.bytes).toBeUndefined();
  });
});
