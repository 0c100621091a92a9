/**
 * The gate's data: what a page is about to send (collected by the MAIN-world hooks or the isolated
 * world's form and navigation listeners) and the verdict on it. Pure data, no DOM: the same shapes
 * cross the private channel between the two worlds as JSON.
 */
import type { Finding } from '../scan/types';

/** Every way a page can make data leave, as the README's route table names them. */
export const ROUTES = [
  'form',
  'form.submit',
  'navigation',
  'link',
  'window.open',
  'fetch',
  'xhr',
  'beacon',
  'websocket',
  'websocket.send',
  'eventsource',
  'element-url',
  'worker',
  'worker.fetch',
  'worker.xhr',
  'worker.websocket',
  'worker.beacon',
  'message',
  'history',
  'cookie',
  'window.name',
  'webrtc',
  'encrypt',
  'worker.encrypt',
] as const;
export type Route = (typeof ROUTES)[number];

/** A file part of a body: the bytes are scanned by the attachment scanner, never copied into a verdict. */
export interface FileRef {
  name: string;
  filename: string;
  type: string;
  size: number;
  /** Index into the blobs sent beside the request (async channel only). */
  blob?: number;
  /**
   * The key the file is judged by, set by the isolated world once it has read the bytes: its content
   * key (lib/content/attachments/file-key.ts: SHA-256 and size), under which the attachment scanner's
   * result is looked up, or a random `picture:` key when its first bytes are a picture, sound, film or
   * font (lib/content/gate/sent-pictures.ts). A file without one has not been read: it is pending,
   * never clean.
   */
  key?: string;
  /**
   * A synchronous request's part that says it is a picture (XHR with async false, fetchLater): it
   * cannot wait for a read and is taken at its word (lib/intercept/main/serialize.ts withoutBlobs).
   * Every other file that was not read is pending.
   */
  syncPicture?: true;
  /**
   * The file is a piece page code cut by `slice()` from a larger Blob (a chunked upload,
   * lib/gate/pieces.ts): the whole is judged, and `key` is then the whole's.
   */
  piece?: FilePiece;
}

export interface FilePiece {
  /** Index of the whole Blob among the blobs sent beside the request (async channel only). */
  whole?: number;
  start: number;
  end: number;
  /** The whole's size, name and type. */
  size: number;
  filename: string;
  type: string;
  /**
   * A random name the MAIN world gave the whole (never the page): its pieces are read as one file, so
   * the whole is hashed once, not once per piece.
   */
  wholeName?: string;
}

export type Entry = [name: string, value: string | FileRef];

export type RawBody =
  | { kind: 'none' }
  /**
   * `bytes`: the body's bytes as base64, when it was bytes that are not UTF-8 text as they stand
   * (compressed, UTF-16): `text` is then their lossy UTF-8 reading (lib/gate/binary-text.ts).
   */
  | { kind: 'text'; text: string; contentType?: string; bytes?: string }
  /** FormData and URLSearchParams, entry by entry. */
  | { kind: 'entries'; entries: Entry[]; contentType?: string }
  /** A body the hooks could not read (a stream): it is judged as unknown content, never passed unread. */
  | { kind: 'opaque'; what: string };

export interface Outgoing {
  /**
   * Content keys of the documents the request carries as base64 (lib/gate/embedded-files.ts), by
   * their base64: set by the isolated world once it has read them, never by the page's side.
   */
  embedded?: ReadonlyMap<string, string>;
  route: Route;
  method: string;
  /** Absolute URL. */
  url: string;
  body: RawBody;
  /** The label of the control the user used for this (the submitter, the element clicked just before). */
  control?: string;
  /** Item ids the page shows as ticked (list pages: the row checkboxes). */
  ticked?: string[];
  /**
   * A submission judged before it leaves (form.submit(), a form aimed at a frame) that the browser
   * then carries out as a navigation of this page or one of its frames — which the gate sees again.
   */
  navigatesHere?: boolean;
  /**
   * Asked through a window's relay: by a frame's guard its own isolated script has not answered, or
   * by the gate of another window of the page (lib/content/gate/page-relay.ts). Page code can call the
   * relay too, so such a question spends no release — unless it carries this load's `relayKey`.
   */
  relayed?: boolean;
  /** Carried by a question another window's gate asks through the relay (lib/background/relay-key.ts). */
  relayKey?: string;
  /** With the relay key: that gate peeks (PageGate.peek), so nothing is spent or told. */
  relayPeek?: boolean;
  /**
   * With the relay key: no question, but how a request this page's gate released for that window
   * ended (its audit log's publish-outcome; Firefox, where the windows' content scripts live apart).
   */
  relayOutcome?: { route: string; endpoint: string; status?: number; response?: string };
  /**
   * Request headers the page wrote (fetch and XHR headers, a fetch's referrer as `referer`): they
   * leave with the request as surely as its body.
   */
  headers?: [name: string, value: string][];
}

/** One piece of text the request carries, with where it came from. */
export interface TextPart {
  /** Field name or JSON path (`info[content]`, `data.article.body`); `(path)` / `(query)` for URL parts. */
  name: string;
  text: string;
  /** The value as sent, when `text` was converted from HTML (the ticket compares what a reader sees). */
  raw?: string;
  /**
   * The value is compressed text too large to unpack (base64 or hex of a compression bomb): `text` is
   * empty, and the request is judged as unreadable (Decoded.opaque).
   */
  unreadable?: string;
}

export interface Decoded {
  parts: TextPart[];
  files: FileRef[];
  /** Something could not be decoded (an opaque stream): judged as if it carried unknown text. */
  opaque: string | null;
  /** A JSON body's numbers and booleans by path: not scanned (no text), read by adapter field conditions. */
  scalars?: TextPart[];
  /** Bytes of the largest ciphertext-like value or body the request carries, 0 when none (lib/gate/sealed.ts). */
  sealed?: number;
}

/** 'encrypted-judged': ciphertext of an encryption whose plaintext the gate judged (lib/gate/sealed.ts). */
export type PassReason = 'no-text' | 'clean' | 'draft-save' | 'ticket' | 'signed-items' | 'not-covered' | 'encrypted-judged';
export type RefuseReason =
  | 'block-finding'
  | 'needs-signoff'
  | 'draft-save-block'
  /** Carries the draft to a draft save that words name and the site adapter does not declare. */
  | 'draft-save-unsigned'
  | 'unsigned-items'
  | 'no-item-ids'
  | 'file-pending'
  | 'file-block'
  | 'file-unreadable'
  | 'opaque-body'
  /** Ciphertext the page's script made, big enough to hold the draft (lib/gate/sealed.ts). */
  | 'sealed-body'
  /** Teach mode holds every request while the administrator shows it a list's publish control. */
  | 'teaching'
  | 'error';

export type Verdict =
  | { pass: true; reason: PassReason; usedTicket?: boolean; /** signed items a list-page publish names */ items?: string[] }
  | {
      pass: false;
      reason: RefuseReason;
      /** A publish (it carries the draft or publish words point to it): the checklist opens. */
      publish: boolean;
      /** Masked findings only (Finding.excerpt is always masked). */
      findings: Finding[];
      /** Item ids that lack a sign-off (list-page publish). */
      items?: string[];
      /** Extra words for the panel (an exception's message, a file's name). */
      detail?: string;
      /** The content key of the file refused (file-block, file-unreadable): a reviewer may sign it off. */
      file?: string;
    };
