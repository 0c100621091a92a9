/* eslint-disable @typescript-eslint/unbound-method -- the worker's originals are kept unbound and called on their own target. */
import type { Headers2, Kit } from './kit';

/**
 * A blob: URL made here is read by the page where it uses it (hooks/blobs.ts), except a stylesheet
 * imported as a CSS module, which no page hook sees: refused here (lib/gate/blob-text.ts). What a
 * worker encrypts is judged as it is encrypted (as in the page: hooks/encrypt.ts), a copy of the
 * bytes, so that a change to the buffer meanwhile is not what gets encrypted.
 */
export function hookBlobsAndEncrypt(k: Kit): void {
  const { g, apply, toText, found, refused, URL0, read, asked } = k;
  const createUrl = g.URL?.createObjectURL;
  const blobType = k.describe(g.Blob?.prototype ?? {}, 'type')?.get;
  if (createUrl && blobType) {
    // eslint-disable-next-line no-restricted-syntax -- the prelude's start, before the worker's script
    const refusedType = new RegExp(k.refusedBlobType, 'i');
    const typeOf = (obj: unknown) => {
      try {
        return toText(apply(blobType, obj, []));
      } catch {
        return '';
      }
    };
    g.URL.createObjectURL = (obj: Blob | MediaSource) => {
      if (found(refusedType, typeOf(obj))) throw refused('发布前预检：工作线程中不能为样式表生成 blob: 地址，已阻止');
      return apply(createUrl, URL0, [obj]);
    };
  }
  const subtleProto = (g.SubtleCrypto as { prototype: SubtleCrypto } | undefined)?.prototype;
  const encrypt0 = subtleProto?.encrypt;
  if (subtleProto && encrypt0) {
    subtleProto.encrypt = async function (this: SubtleCrypto, alg: AlgorithmIdentifier, key: CryptoKey, data: BufferSource) {
      const view = read.bytesView(data);
      if (!view) return apply(encrypt0, this, [alg, key, data]);
      const copy = read.copyBytes(view);
      const a = await asked('worker.encrypt', 'ENCRYPT', 'crypto:encrypt', copy);
      if (!a.pass) throw new DOMException(a.message ?? '发布前预检：要加密的内容含有须处理的敏感信息或未经签发的稿件，已阻止', 'OperationError');
      return apply(encrypt0, this, [alg, key, copy]);
    };
  }
}

/**
 * A FontFace fetches its source's url() when the face loads, with no answer from the page to wait
 * for: a source that could hold text is refused, by importScripts' test, and so is one with CSS
 * escapes, which could spell it (`\\31 1…`). Bytes load nothing.
 */
export function hookFontFace(k: Kit): void {
  const FF = k.g.FontFace as typeof FontFace | undefined;
  if (typeof FF !== 'function') return;
  const { read, toText, carries, indexOf, refused } = k;
  const Guarded = function (family: string, source: string | BufferSource, descriptors?: FontFaceDescriptors) {
    if (read.bytesView(source)) return new FF(family, source, descriptors);
    const text = toText(source);
    if (carries(text) || indexOf(text, '\\') >= 0) throw refused('发布前预检：工作线程中带文字的字体地址无法检查，已阻止');
    return new FF(family, text, descriptors);
  } as unknown as typeof FontFace;
  k.constructorInPlace('FontFace', FF, Guarded);
}

/**
 * Cache.add and addAll fetch their URLs: each asked about first, as the worker's fetch is, a Request
 * with the headers and the referrer it is fetched with (a probe's Content-Language and Referer
 * carried the ID and the draft).
 */
export function hookCache(k: Kit): void {
  const { g, read, add, abs, asked, refused, apply } = k;
  const cacheProto = (g.Cache as { prototype: Cache } | undefined)?.prototype;
  const requestUrl = k.lookup((g.Request as { prototype: object } | undefined)?.prototype ?? null, 'url')?.get;
  if (!cacheProto || !requestUrl) return;
  const add0 = cacheProto.add;
  const addAll0 = cacheProto.addAll;
  type CacheTarget = { value: unknown; url: string; headers: Headers2 };
  /**
   * What goes to the cache and what is asked about: a Request's clone (what is judged is what is
   * fetched: the script keeps no hold on its headers), its URL, headers and referrer (as `referer`,
   * as in fetch), anything else its absolute URL, read once.
   */
  const cacheTarget = (r: unknown): CacheTarget => {
    if (read.isRequest(r)) {
      let req: Request = r;
      try {
        req = read.cloneRequest(r);
      } catch {
        // a used body cannot be cloned: the browser refuses such a Request itself
      }
      const facts = read.requestFacts(req);
      const headers = read.headerEntries(facts.headers);
      if (facts.referrer && facts.referrer !== 'about:client') add(headers, ['referer', abs(facts.referrer)]);
      return { value: req, url: facts.url, headers };
    }
    const u = abs(r);
    return { value: u, url: u, headers: [] };
  };
  const judgedTargets = async (items: readonly unknown[]): Promise<unknown[]> => {
    const targets: unknown[] = [];
    // every target read before the first answer is awaited: the script cannot change one meanwhile
    const read0: CacheTarget[] = [];
    for (let i = 0; i < items.length; i++) add(read0, cacheTarget(items[i]));
    for (let i = 0; i < read0.length; i++) {
      const target = read0[i]!;
      const a = await asked('worker.fetch', 'GET', target.url, undefined, target.headers);
      if (!a.pass) throw refused(a.message);
      add(targets, target.value);
    }
    return targets;
  };
  const arrayFrom = k.arrayFrom as (...a: never[]) => unknown;
  cacheProto.add = async function (this: Cache, request: RequestInfo | URL) {
    return apply(add0, this, await judgedTargets([request]));
  };
  cacheProto.addAll = async function (this: Cache, requests: Iterable<RequestInfo>) {
    // the script's own list, read once; the copy is what is cached
    const list = apply(arrayFrom, undefined, [requests]) as unknown[];
    return apply(addAll0, this, [await judgedTargets(list)]);
  };
}
