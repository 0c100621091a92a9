/* eslint-disable @typescript-eslint/unbound-method -- originals are kept unbound and always called on their own target. */
/**
 * A Blob the page builds and hands to the browser by URL: as a stylesheet, a frame's or object's
 * document, a CSS module, the browser parses it and fetches the URLs it holds, past every hook here
 * (lib/gate/blob-text.ts). Each Blob (and File) made from strings, bytes and Blobs already read keeps
 * its text; `URL.createObjectURL` judges it as markup and CSS first. A stylesheet or document whose
 * text was not seen being made (a Response's blob(), a file the user picked) is refused on a page
 * the policy covers: a picture, a PDF or a file of no type passes. A blob: URL no hook saw made (a
 * worker's, another frame's), or one whose type passed but which a quirks-mode page reads as CSS, is
 * read and judged where it is used (load-judge.ts, lib/gate/blob-text.ts `blobUseVerdict`).
 */
import { blobText, blobUrlVerdict, type BlobPart, type MadeBlob } from '../../../gate/blob-text';
import { mayHaveOtherReadings, readings } from '../../../gate/text-readings';
import { pieceFrom, type Piece } from '../../../gate/pieces';
import type { LoadJudge } from './load-judge';
import { add, apply, bare, codeAt, type KeptMap, keptMap, keptWeakMap, ownIterator, sequence, toText } from '../../../realm/intrinsics';

// kept as this module loads (document_start)
const U8 = Uint8Array;
const construct = Reflect.construct;
import { blobFacts, bytesView } from '../natives';
import { standIn } from './wrap';

type PageWindow = Window & typeof globalThis;

/**
 * Every blob: URL made by a window this guard hooks; the frames it guards from here share it, so a
 * URL made in the page and used in its about:blank frame is known there.
 */
const madeUrls = keptMap<string, MadeBlob>();

/** Each Blob cut by `slice()` in a window this guard hooks, and where it lies in the Blob it was first cut from. */
const pieces = keptWeakMap<Blob, Piece<Blob>>();
/** A random name for each whole a piece was cut from: the isolated world reads a whole once, not once per piece. */
const wholeNames = keptWeakMap<Blob, string>();
// getRandomValues (randomUUID needs a secure context; CMSes run on plain http) taken at
// document_start, and its bytes written out without page-world methods: page code that replaces them
// later cannot name two wholes alike.
const fillRandom = crypto.getRandomValues.bind(crypto);
const HEX = '0123456789abcdef';
function randomName(): string {
  const bytes = fillRandom(new Uint8Array(16));
  let name = '';
  for (let i = 0; i < bytes.length; i++) name += HEX[bytes[i]! >> 4]! + HEX[bytes[i]! & 15]!;
  return name;
}

/** The browser's own Blob of each hooked window, for the guard's own Blobs (page code may replace window.Blob later). */
const nativeBlobs = keptWeakMap<object, typeof Blob>();
export const nativeBlobOf = (win: Window & typeof globalThis): typeof Blob => nativeBlobs.get(win) ?? win.Blob;

/** Where `blob` was cut from, when page code made it by `slice()` (lib/gate/pieces.ts), and its whole's name. */
export function pieceOf(blob: Blob): (Piece<Blob> & { name: string }) | undefined {
  const piece = pieces.get(blob);
  if (!piece) return undefined;
  let name = wholeNames.get(piece.whole);
  if (name === undefined) wholeNames.set(piece.whole, (name = randomName()));
  return { ...piece, name };
}

/** A document parsed from a blob: URL whose text was judged is not judged again (a release is spent once). */
export const blobUrlJudged = (url: string): boolean => madeUrls.get(url)?.judged === true;

export interface BlobStore {
  made(url: string): MadeBlob | undefined;
  /**
   * The readings of a blob: URL's content, read now: its UTF-8 text, and where its bytes give cause
   * UTF-16 and the text an ISO-2022 decoder shows (lib/gate/text-readings.ts); undefined when it cannot be read.
   */
  read(url: string): string[] | undefined;
  /** Its text was judged where it was used: a later use is not asked about again. */
  judged(url: string): void;
  /** The first `n` bytes of a Blob, read now (a sync request's file part); undefined when they cannot be read. */
  head: (blob: Blob, n: number) => Uint8Array | undefined;
}

/**
 * Made before the page's XMLHttpRequest is hooked: a blob: URL is read with the browser's own
 * synchronous XHR (the URL is the page's origin; nothing leaves the machine), as the use that needs
 * its text cannot wait.
 */
export function blobStore(win: PageWindow): BlobStore {
  const X = win.XMLHttpRequest as typeof XMLHttpRequest | undefined;
  const proto = X?.prototype;
  const open = proto?.open;
  const send = proto?.send;
  const override = proto?.overrideMimeType;
  const text = proto && Object.getOwnPropertyDescriptor(proto, 'responseText')?.get;
  const slice = win.Blob?.prototype.slice;
  const createUrl = win.URL?.createObjectURL;
  const revokeUrl = win.URL?.revokeObjectURL;
  const readAs = (url: string, type: string): string | undefined => {
    if (!X || !open || !send || !override || !text) return undefined;
    try {
      const xhr = new X();
      apply(open, xhr, ['GET', url, false]);
      apply(override, xhr, [type]);
      apply(send, xhr, []);
      return toText(apply(text, xhr, []));
    } catch {
      return undefined;
    }
  };
  return {
    made: (url) => madeUrls.get(url),
    read: (url) => {
      const text = readAs(url, 'text/plain; charset=utf-8');
      const type = madeUrls.get(url)?.type ?? '';
      if (text === undefined || !mayHaveOtherReadings(text, type)) return text === undefined ? undefined : [text];
      // x-user-defined: each byte is one character, its low eight bits the byte
      const binary = readAs(url, 'text/plain; charset=x-user-defined');
      if (binary === undefined) return undefined;
      const bytes = new U8(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = codeAt(binary, i) & 0xff;
      return readings(bytes, text, type);
    },
    judged: (url) => void madeUrls.set(url, { judged: true, type: madeUrls.get(url)?.type ?? '', texts: undefined }),
    head: (blob, n) => {
      if (!slice || !createUrl || !revokeUrl) return undefined;
      let url: string;
      try {
        url = toText(apply(createUrl, win.URL, [apply(slice, blob, [0, n])]));
      } catch {
        return undefined;
      }
      // x-user-defined: each byte is one character, its low eight bits the byte.
      const binary = readAs(url, 'text/plain; charset=x-user-defined');
      apply(revokeUrl, win.URL, [url]);
      if (binary === undefined) return undefined;
      const bytes = new U8(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = codeAt(binary, i) & 0xff;
      return bytes;
    },
  };
}

const UNREAD = '发布前预检：编辑页面不允许为未经检查的样式表或文档（blob:）生成地址，已阻止';

/** A Blob's type as the browser holds it (one of another frame counts, a look-alike does not). */
const typeOfBlob = (b: Blob): string => blobFacts(b)?.type ?? '';
const isBlob = (v: unknown): v is Blob => blobFacts(v) !== undefined;

/** The parts as the browser will take them (each toString called once, here) and as the judge sees them. */
function prepareParts(texts: KeptMap<Blob, readonly string[]>, parts: unknown): { given: unknown[]; seen: BlobPart[] } | undefined {
  // the page's iterable walked once by its own protocol, as the browser would: the copy is what it gets
  const list = typeof parts === 'object' ? sequence(parts) : undefined;
  if (!list) return undefined;
  const given: unknown[] = [];
  const seen: BlobPart[] = [];
  for (let i = 0; i < list.length; i++) {
    const p = list[i];
    if (isBlob(p)) {
      add(given, p);
      add(seen, bare({ blob: texts.get(p) }));
      continue;
    }
    // bytes are read once the Blob is made, and only for a type that loads: a large upload costs nothing
    const bytes = bytesView(p);
    const text = bytes ? '' : toText(p);
    add(given, bytes ? p : text);
    add(seen, bare(bytes ? { bytes } : { text }));
  }
  return { given, seen };
}

/** `new Blob(parts)` / `new File(parts, name)` that remember the text they are made of. */
function wrapConstructor<T extends typeof Blob | typeof File>(win: PageWindow, name: 'Blob' | 'File', Original: T, texts: KeptMap<Blob, readonly string[]>, parent?: object): void {
  const decoder = new win.TextDecoder();
  const decodeBytes = win.TextDecoder.prototype.decode;
  const decode = (b: Uint8Array) => apply(decodeBytes, decoder, [b]);
  const Guarded = function (this: unknown, ...args: unknown[]) {
    if (!new.target) throw new TypeError(`Failed to construct '${Original.name}': Please use the 'new' operator`);
    const prepared = prepareParts(texts, args[0]);
    // with its own iterator: the constructor walks it, and the page's could hand it other parts than were judged
    if (prepared) args[0] = ownIterator(prepared.given);
    const blob = construct(Original, args, new.target === (Guarded as unknown) ? Original : new.target) as Blob;
    const text = prepared && blobText(prepared.seen, typeOfBlob(blob), decode);
    if (text !== undefined) texts.set(blob, text);
    return blob;
  } as unknown as T;
  standIn(win, name, Original, Guarded, { parent });
}

/**
 * A slice holds part of its Blob's text: the whole is judged (never less than the browser parses).
 * Where it was cut from is kept too: a file sent in pieces is judged as the whole file.
 */
function hookSlice(OriginalBlob: typeof Blob, texts: KeptMap<Blob, readonly string[]>): void {
  const slice = OriginalBlob.prototype.slice;
  OriginalBlob.prototype.slice = function (this: Blob, ...args: Parameters<Blob['slice']>) {
    const part = apply(slice, this, args);
    const facts = blobFacts(this);
    if (!facts) return part;
    const text = texts.get(this);
    if (text !== undefined) texts.set(part, text);
    pieces.set(part, pieceFrom(this, facts.size, args[0], args[1], (b) => pieces.get(b)));
    return part;
  };
}

/**
 * FormData keeps a File of its own for a Blob appended to it (named 'blob', or the name given): the
 * piece a page appends is known by the File FormData hands back, read right after it is stored.
 */
function hookFormDataPieces(win: PageWindow): void {
  const proto = win.FormData?.prototype;
  const getAll = proto?.getAll;
  if (!proto || typeof getAll !== 'function') return;
  // eslint-disable-next-line no-restricted-syntax -- install time (document_start)
  for (const name of ['append', 'set'] as const) {
    const original = proto[name] as (this: FormData, ...args: unknown[]) => void;
    if (typeof original !== 'function') continue;
    Object.defineProperty(proto, name, {
      value: function (this: FormData, ...args: unknown[]) {
        apply(original, this, args);
        const piece = pieces.get(args[1] as Blob);
        if (!piece) return;
        const stored = apply(getAll, this, [args[0]]);
        const last = stored[stored.length - 1];
        if (last !== undefined && typeof last !== 'string') pieces.set(last, piece);
      },
      writable: true,
      configurable: true,
    });
  }
}

/** Each URL is remembered with its Blob's type, and its text when that was not judged here, for its use. */
function hookCreateObjectUrl(win: PageWindow, create: typeof URL.createObjectURL, judge: LoadJudge, texts: KeptMap<Blob, readonly string[]>): void {
  win.URL.createObjectURL = function (this: unknown, obj: Blob | MediaSource) {
    const blob = isBlob(obj) ? obj : undefined;
    const text = blob && texts.get(blob);
    const verdict = blob ? blobUrlVerdict(text, typeOfBlob(blob)) : ({ kind: 'pass' } as const);
    const toJudge = verdict.kind === 'judge';
    if (verdict.kind === 'judge') judge.markupOrCssReadings(verdict.texts);
    else if (verdict.kind === 'refuse') judge.refuse(UNREAD);
    const url = apply(create, this, [obj]);
    if (blob) madeUrls.set(url, toJudge ? { judged: true, type: typeOfBlob(blob), texts: undefined } : { judged: false, type: typeOfBlob(blob), texts: text });
    return url;
  };
}

export function hookBlobs(win: PageWindow, judge: LoadJudge): void {
  const OriginalBlob = win.Blob as typeof Blob | undefined;
  const OriginalFile = win.File as typeof File | undefined;
  const create = (win.URL as typeof URL | undefined)?.createObjectURL;
  if (typeof OriginalBlob !== 'function' || typeof create !== 'function' || typeof win.TextDecoder !== 'function') return;
  nativeBlobs.set(win, OriginalBlob);
  const texts = keptWeakMap<Blob, readonly string[]>();
  wrapConstructor(win, 'Blob', OriginalBlob, texts);
  // File's parent is Blob, the guarded one: Object.getPrototypeOf(File) must not hand out the original
  if (typeof OriginalFile === 'function') wrapConstructor(win, 'File', OriginalFile, texts, win.Blob);
  hookSlice(OriginalBlob, texts);
  hookFormDataPieces(win);
  hookCreateObjectUrl(win, create, judge, texts);
}
