/* eslint-disable @typescript-eslint/unbound-method -- originals are kept unbound and always called on their own target. */
/**
 * A Blob the page builds and hands to the browser by URL: as a stylesheet, a frame's or object's
 * document, a CSS module, the browser parses it and fetches the URLs it holds, past every hook here
 * (lib/gate/blob-text.ts). Each Blob (and File) made from strings, bytes and Blobs already read keeps
 * its text; `URL.createObjectURL` judges it as markup and CSS first. A stylesheet or document whose
 * text was not seen being made (a Response's blob(), a file the user picked) is refused on a page
 * the policy covers: a picture, a PDF or a file of no type passes.
 */
import { blobText, blobUrlVerdict, type BlobPart } from '../../../gate/blob-text';
import type { LoadJudge } from './load-judge';

type PageWindow = Window & typeof globalThis;

/** blob: URLs whose text createObjectURL judged, per window: a document parsed from one is not judged twice (a release is spent once). */
const judgedUrls = new WeakMap<object, Set<string>>();
export const blobUrlJudged = (win: object, url: string): boolean => judgedUrls.get(win)?.has(url) === true;

const UNREAD = '发布前预检：编辑页面不允许为未经检查的样式表或文档（blob:）生成地址，已阻止';

export function hookBlobs(win: PageWindow, judge: LoadJudge): void {
  const texts = new win.WeakMap<Blob, string>();
  const OriginalBlob = win.Blob as typeof Blob | undefined;
  const OriginalFile = win.File as typeof File | undefined;
  const create = (win.URL as typeof URL | undefined)?.createObjectURL;
  if (typeof OriginalBlob !== 'function' || typeof create !== 'function' || typeof win.TextDecoder !== 'function') return;
  const typeOf = Object.getOwnPropertyDescriptor(OriginalBlob.prototype, 'type')?.get;
  const decoder = new win.TextDecoder();
  const decode = (b: Uint8Array) => decoder.decode(b);
  const type = (b: Blob) => String(typeOf ? typeOf.call(b) : '');
  // brand checks by the getters kept here: a Blob or buffer of another frame counts, a look-alike does not
  const brand = (get: ((this: unknown) => unknown) | undefined, v: unknown) => {
    if (!get || v === null || typeof v !== 'object') return false;
    try {
      get.call(v);
      return true;
    } catch {
      return false;
    }
  };
  const isBlob = (v: unknown): v is Blob => brand(typeOf, v);
  const getter = (proto: object, name: string) => Object.getOwnPropertyDescriptor(proto, name)?.get as ((this: unknown) => unknown) | undefined;
  const abLength = getter(win.ArrayBuffer.prototype, 'byteLength');
  const typed = Object.getPrototypeOf(win.Uint8Array.prototype) as object;
  const views = [typed, win.DataView.prototype].map((proto) => ({ buffer: getter(proto, 'buffer'), offset: getter(proto, 'byteOffset'), length: getter(proto, 'byteLength') }));
  /**
   * The bytes of an ArrayBuffer or a view (not copied: read once the Blob is made, and only for a type
   * that loads, so a large upload costs nothing), through the kept getters; undefined for anything else.
   */
  const bytesOf = (v: unknown): Uint8Array | undefined => {
    if (brand(abLength, v)) return new win.Uint8Array(v as ArrayBuffer);
    for (const g of views) {
      if (!brand(g.buffer, v)) continue;
      const buffer = g.buffer!.call(v) as ArrayBuffer;
      return new win.Uint8Array(buffer, g.offset!.call(v) as number, g.length!.call(v) as number);
    }
    return undefined;
  };

  /** The parts as the browser will take them (each toString called once, here) and as the judge sees them. */
  const prepare = (parts: unknown): { given: unknown[]; seen: BlobPart[] } | undefined => {
    if (parts === undefined || parts === null || typeof parts !== 'object' || !(Symbol.iterator in parts)) return undefined;
    const given: unknown[] = [];
    const seen: BlobPart[] = [];
    for (const p of Array.from(parts as Iterable<unknown>)) {
      if (isBlob(p)) {
        given.push(p);
        seen.push({ blob: texts.get(p) });
      } else {
        const bytes = bytesOf(p);
        const text = bytes ? '' : String(p);
        given.push(bytes ? p : text);
        seen.push(bytes ? { bytes } : { text });
      }
    }
    return { given, seen };
  };
  const wrap = <T extends typeof Blob | typeof File>(Original: T, partsAt: number): T => {
    const Guarded = function (this: unknown, ...args: unknown[]) {
      if (!new.target) throw new TypeError(`Failed to construct '${Original.name}': Please use the 'new' operator`);
      const prepared = prepare(args[partsAt]);
      if (prepared) args[partsAt] = prepared.given;
      const blob = Reflect.construct(Original, args, new.target === (Guarded as unknown) ? Original : new.target) as Blob;
      const text = prepared && blobText(prepared.seen, type(blob), decode);
      if (text !== undefined) texts.set(blob, text);
      return blob;
    } as unknown as T;
    Guarded.prototype = Original.prototype;
    Object.setPrototypeOf(Guarded, Original);
    return Guarded;
  };
  win.Blob = wrap(OriginalBlob, 0);
  if (typeof OriginalFile === 'function') win.File = wrap(OriginalFile, 0);

  // a slice holds part of its Blob's text: the whole is judged (never less than the browser parses)
  const slice = OriginalBlob.prototype.slice;
  OriginalBlob.prototype.slice = function (this: Blob, ...args: Parameters<Blob['slice']>) {
    const part = Reflect.apply(slice, this, args);
    const text = isBlob(this) ? texts.get(this) : undefined;
    if (text !== undefined) texts.set(part, text);
    return part;
  };

  const judged = new Set<string>();
  judgedUrls.set(win, judged);
  win.URL.createObjectURL = function (this: unknown, obj: Blob | MediaSource) {
    const verdict = isBlob(obj) ? blobUrlVerdict(texts.get(obj), type(obj)) : { pass: true as const };
    if ('judge' in verdict) judge.markupOrCss(verdict.judge);
    else if ('refuse' in verdict) judge.refuse(UNREAD);
    const url = Reflect.apply(create, this, [obj]);
    if ('judge' in verdict) judged.add(url);
    return url;
  };
}
