import { describe, expect, it } from 'vitest';
import { messageEntries } from '../../lib/gate/message-text';

const ID = '11010519491231002X';

describe('messageEntries: what a postMessage to a service worker carries', () => {
  it('strings under their property names; a urlencoded string gives its own fields', () => {
    const m = messageEntries({ url: '/save', body: `title=${encodeURIComponent('公示')}&content=${encodeURIComponent(`王丽 ${ID}`)}` });
    expect(m).toEqual({ entries: [['url', '/save'], ['title', '公示'], ['content', `王丽 ${ID}`]] });
  });

  it('padded base64 is kept whole (it has the shape of a one-field query), for the gate to decode', () => {
    const b64 = Buffer.from(JSON.stringify({ c: ID }), 'utf8').toString('base64');
    expect(b64.endsWith('=')).toBe(true);
    expect(messageEntries({ body: b64 })).toEqual({ entries: [['body', b64]] });
  });

  it('buffers, typed arrays, Maps, Sets and arrays are read', () => {
    const bytes = new TextEncoder().encode(ID);
    const values = (v: unknown) => {
      const m = messageEntries(v);
      return 'entries' in m ? m.entries.map(([, s]) => s) : m.opaque;
    };
    expect(values(bytes)).toEqual([ID]);
    expect(values(bytes.buffer)).toEqual([ID]);
    expect(values(new Map([['k', ID]]))).toEqual([ID]);
    expect(values(new Set([ID]))).toEqual([ID]);
    expect(values([[ID]])).toEqual([ID]);
  });

  it('a key with a non-text value is still read (by its name)', () => {
    expect(messageEntries({ [ID]: 1 })).toEqual({ entries: [[ID, '']] });
  });

  it('a Blob cannot be read in time, and a cycle is not followed forever', () => {
    expect(messageEntries({ file: new Blob([ID]) })).toEqual({ opaque: 'Blob' });
    const a: Record<string, unknown> = { s: 'x' };
    a.self = a;
    expect(messageEntries(a)).toEqual({ entries: [['s', 'x']] });
  });

  it('a value too deep to walk is opaque', () => {
    let deep: unknown = ID;
    for (let i = 0; i < 20; i++) deep = { d: deep };
    expect(messageEntries(deep)).toEqual({ opaque: 'message too large to read' });
  });
});
