import { describe, expect, it } from 'vitest';
import type { Serialized } from '../../lib/intercept/main/serialize';
import { withFileKeys, withoutBlobs } from '../../lib/intercept/main/serialize';

const png = new Blob(['x']);
const doc = new Blob(['y']);
const s: Serialized = {
  body: {
    kind: 'entries',
    entries: [
      ['title', '通知'],
      ['img', { name: 'img', filename: '照片.jpg', type: 'image/jpeg', size: 1, blob: 0 }],
      ['file', { name: 'file', filename: '名单.xlsx', type: '', size: 1, blob: 1 }],
    ],
  },
  blobs: [png, doc],
};

describe('sync paths and parts that say they are pictures', () => {
  it('form.submit(): every file goes with the key the isolated world gave it, a picture too (its bytes decided)', () => {
    const body = withFileKeys(s, (b) => (b === doc ? 'k-doc' : b === png ? 'picture:k' : undefined));
    expect(body.kind === 'entries' && body.entries.map(([, v]) => (typeof v === 'string' ? v : [v.filename, v.key, v.blob]))).toEqual(['通知', ['照片.jpg', 'picture:k', undefined], ['名单.xlsx', 'k-doc', undefined]]);
  });

  it('form.submit(): a part that says it is a picture but was given no key goes without one (pending)', () => {
    const body = withFileKeys(s, (b) => (b === doc ? 'k-doc' : undefined));
    expect(body.kind === 'entries' && body.entries.map(([, v]) => (typeof v === 'string' ? v : v.key))).toEqual(['通知', undefined, 'k-doc']);
  });

  const PNG_HEAD = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const picturesOnly: Serialized = { body: { kind: 'entries', entries: [s.body.kind === 'entries' ? s.body.entries[1]! : ['', '']] }, blobs: [png] };

  it('a sync request with only pictures (by their first bytes) stays readable; one with another file is opaque', () => {
    const body = withoutBlobs(picturesOnly, () => PNG_HEAD);
    expect(body.kind === 'entries' && body.entries.map(([, v]) => (typeof v === 'string' ? v : [v.blob, v.syncPicture]))).toEqual([[undefined, true]]);
    expect(withoutBlobs(s, () => PNG_HEAD)).toEqual({ kind: 'opaque', what: 'Blob' });
  });

  it('a sync request with text named 照片.jpg is opaque: its first bytes are no picture', () => {
    expect(withoutBlobs(picturesOnly, () => new TextEncoder().encode('身份证号 11010519'))).toEqual({ kind: 'opaque', what: 'Blob' });
  });

  it('a part whose first bytes cannot be read at once is opaque', () => {
    expect(withoutBlobs(picturesOnly, () => undefined)).toEqual({ kind: 'opaque', what: 'Blob' });
  });
});
