import { describe, expect, it } from 'vitest';
import type { Serialized } from '../../lib/intercept/main/serialize';
import { blobsToRead, withFileKeys, withoutBlobs } from '../../lib/intercept/main/serialize';

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
  it('only the other files are read before a form.submit() is judged', () => {
    expect(blobsToRead(s)).toEqual([doc]);
  });

  it('with keys: the picture goes without bytes (taken at its word), the document with its key', () => {
    const body = withFileKeys(s, (b) => (b === doc ? 'k-doc' : undefined));
    expect(body.kind === 'entries' && body.entries.map(([, v]) => (typeof v === 'string' ? v : [v.filename, v.key, v.blob]))).toEqual(['通知', ['照片.jpg', undefined, undefined], ['名单.xlsx', 'k-doc', undefined]]);
  });

  it('a sync request with only pictures stays readable; one with another file is opaque', () => {
    const picturesOnly: Serialized = { body: { kind: 'entries', entries: [s.body.kind === 'entries' ? s.body.entries[1]! : ['', '']] }, blobs: [png] };
    expect(withoutBlobs(picturesOnly).kind).toBe('entries');
    expect(withoutBlobs(s)).toEqual({ kind: 'opaque', what: 'Blob' });
  });
});
