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

  it('a sync request with only pictures stays readable; one with another file is opaque', () => {
    const picturesOnly: Serialized = { body: { kind: 'entries', entries: [s.body.kind === 'entries' ? s.body.entries[1]! : ['', '']] }, blobs: [png] };
    const body = withoutBlobs(picturesOnly);
    expect(body.kind === 'entries' && body.entries.map(([, v]) => (typeof v === 'string' ? v : [v.blob, v.syncPicture]))).toEqual([[undefined, true]]);
    expect(withoutBlobs(s)).toEqual({ kind: 'opaque', what: 'Blob' });
  });
});
