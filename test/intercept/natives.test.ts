// @vitest-environment node
/**
 * What the guard asks of a page object is asked of the browser's own getters and methods, kept when
 * the guard started (lib/intercept/main/natives.ts): an own getter, a replaced prototype getter or a
 * borrowed tag changes nothing. Node's own Blob, Request, FormData and Headers brand-check as a
 * browser's do; the DOM's (an Attr, an element's tag) are walked in real Chromium with the rest:
 * test/e2e/gate-read-once.e2e.test.ts ("built-ins").
 */
import { describe, expect, it } from 'vitest';
import { apply, toText } from '../../lib/realm/intrinsics';
import { blobFacts, bytesView, formDataEntries, headerEntries, isRequest, paramsText, requestFacts, resolveUrl } from '../../lib/intercept/main/natives';

describe('natives: a page object as the browser holds it', () => {
  it('a Blob: its size and type, whatever it says of itself; a look-alike is no Blob', () => {
    const b = new Blob(['hello'], { type: 'text/plain' });
    Object.defineProperty(b, 'size', { value: 0 });
    Object.defineProperty(b, 'type', { value: 'image/png' });
    expect(blobFacts(b)).toMatchObject({ size: 5, type: 'text/plain' });
    expect(blobFacts({ [Symbol.toStringTag]: 'Blob', size: 0, type: '' })).toBeUndefined();
    const f = new File(['x'], '110105199001011237.txt');
    Object.defineProperty(f, 'name', { value: 'clean.txt' });
    expect(blobFacts(f)?.name).toBe('110105199001011237.txt');
  });

  it('a Request: its URL and method, not its own getters', () => {
    const r = new Request('https://cms.example/save?c=1', { method: 'POST', body: 'x' });
    Object.defineProperty(r, 'url', { value: 'https://cms.example/clean' });
    Object.defineProperty(r, 'method', { value: 'GET' });
    expect(isRequest(r)).toBe(true);
    expect(requestFacts(r)).toMatchObject({ url: 'https://cms.example/save?c=1', method: 'POST', hasBody: true });
    expect(isRequest({ [Symbol.toStringTag]: 'Request', url: 'x' })).toBe(false);
  });

  it('FormData, URLSearchParams and Headers: their entries, not what the page made their methods say', () => {
    const fd = new FormData();
    fd.append('content', 'draft');
    Object.defineProperty(fd, 'entries', { value: () => [][Symbol.iterator]() });
    expect(formDataEntries(fd)).toEqual([['content', 'draft']]);
    expect(formDataEntries({ entries: () => [['a', 'b']][Symbol.iterator]() })).toBeUndefined();
    const q = new URLSearchParams('c=draft');
    Object.defineProperty(q, 'toString', { value: () => 'c=clean' });
    expect(paramsText(q)).toBe('c=draft');
    expect(paramsText({ toString: () => 'c=clean' })).toBeUndefined();
    const h = new Headers({ 'x-a': 'draft' });
    Object.defineProperty(h, 'forEach', { value: () => undefined });
    expect(headerEntries(h)).toEqual([['x-a', 'draft']]);
    expect(headerEntries({ forEach: () => undefined })).toBeUndefined();
  });

  it('bytes: an ArrayBuffer or a view over its own range, whatever its own byteLength says', () => {
    const u = new Uint8Array([1, 2, 3, 4]).subarray(1, 3);
    Object.defineProperty(u, 'byteLength', { value: 0 });
    expect([...bytesView(u)!]).toEqual([2, 3]);
    expect([...bytesView(new Uint8Array([9, 8]).buffer)!]).toEqual([9, 8]);
    expect(bytesView({ [Symbol.toStringTag]: 'ArrayBuffer', byteLength: 4 })).toBeUndefined();
  });

  it('apply, String and URL as they were when the guard started, whatever the page puts there later', () => {
    const kept = { apply: Reflect.apply, String: globalThis.String, URL: globalThis.URL };
    try {
      Reflect.apply = () => 'replaced';
      globalThis.String = (() => 'replaced') as unknown as StringConstructor;
      globalThis.URL = class extends kept.URL {
        override get href() {
          return 'https://elsewhere.example/';
        }
      };
      expect(apply(Math.max, null, [1, 2])).toBe(2);
      expect(toText({ toString: () => 'own' })).toBe('own');
      expect(resolveUrl({ baseURI: 'https://cms.example/admin/' } as Document, '../a?b')).toBe('https://cms.example/a?b');
    } finally {
      Reflect.apply = kept.apply;
      globalThis.String = kept.String;
      globalThis.URL = kept.URL;
    }
  });
});
