/**
 * The gate on one page: every outgoing request the MAIN-world guard, the navigation watcher or a
 * worker reports is judged here (lib/gate/verdict.ts) with what this page knows — its scan settings,
 * the draft in its editors, the release ticket, the items signed on this site. Any exception refuses
 * (fail closed) and says why. Listeners hear every refusal and every spent ticket.
 */
import { blobBodyText } from '../../gate/blob-body';
import { decodeOutgoing } from '../../gate/decode';
import { RecentSends } from '../../gate/recent-sends';
import { shownEndpoint } from '../../gate/shown-endpoint';
import { JudgedEncryptions } from '../../gate/sealed';
import type { DraftFingerprint } from '../../gate/draft-match';
import { embeddedBytes, embeddedDocument } from '../../gate/embedded-files';
import type { ReleaseTicket } from '../../gate/ticket';
import type { Decoded, Entry, FileRef, Outgoing, RawBody, Verdict } from '../../gate/types';
import { judge, type GateContext } from '../../gate/verdict';
import { withoutFiles } from '../../gate/without-files';
import type { GuardAnswer } from '../../intercept/channel-protocol';
import { scan, type ScanOptions } from '../../scan/engine';
import { FileVerdicts, isDocumentBody } from './files';
import type { GestureTracker } from './gestures';
import { pick } from '../../i18n';
import { anyShippedPublish } from '../../gate/shipped-publish';

export interface GatePolicy {
  draftSaves: 'scan' | 'allow';
  declaredDraftSave: (method: string, url: string, decoded: Decoded) => boolean;
  declaredPublish: (method: string, url: string, decoded: Decoded) => boolean;
  declaredWithdraw: (method: string, url: string, decoded: Decoded) => boolean;
  /** The request meets the browser's network block (a publish rule without a body field condition). */
  networkBlocked: (method: string, url: string) => boolean;
  listIds: (method: string, url: string, decoded: Decoded) => string[] | null;
}

export interface GateDeps {
  /** False on a page the policy does not cover (Firefox grants a host on every port): stand down. */
  covered(): boolean;
  /**
   * The page's policy has been read (its site adapter names the list publishes): until then a request
   * that changes something is held, or waited with where it can wait (a list page's script published
   * unsigned 43 in the moment after load, judged as if the CMS had no adapter).
   */
  policyRead?(): boolean;
  /** Settles once the page's policy is read, or after a while without it. */
  policyReady?(): Promise<void>;
  scanOptions(): ScanOptions;
  draft(): DraftFingerprint | null;
  policy(): GatePolicy;
  signedItems(): ReadonlySet<string>;
  /** Item ids of the rows ticked on a list page. */
  ticked(): string[];
  gestures: GestureTracker;
  files: FileVerdicts;
  /**
   * Signed items published from the list through an endpoint the adapter names: the browser blocks it
   * (network backstop) until the background lifts the block for this tab; resolves once lifted.
   */
  openNetwork?(ids: string[]): Promise<boolean>;
  /**
   * The gate of the page that holds or opened this window, where this window's gate is its own (a
   * window the page opened; in Firefox, any frame): it knows the page's draft, this one does not.
   */
  page?(): PageAsk | null;
  /**
   * This load's relay key (lib/background/relay-key.ts), null until known: a question through this
   * window's relay (page code can call it) spends a release only when it carries the key.
   */
  relayKey?(): string | null;
  /** How a request this gate released for another window ended, as that window's gate reports it (the relay). */
  outcome?(o: NonNullable<Outgoing['relayOutcome']>): void;
  now?: () => number;
}

/** Another window's gate as this one asks it. */
export interface PageAsk {
  judge(o: Outgoing): Verdict;
  peek(o: Outgoing): Verdict;
  /** How a request that spent the page's release ended (its audit log records the publish's outcome). */
  outcome?(o: { route: string; endpoint: string; status?: number; response?: string }): void;
  /** Settles once this window can ask so that the page may release (the relay key has come, or will not). */
  ready?(): Promise<void>;
}

export type JudgedListener = (o: Outgoing, v: Verdict) => void;

/** What the page's own error path shows: it names the content's problem only where there is one. */
function refusalText(v: Extract<Verdict, { pass: false }>): string {
  if (v.publish) return '发布前预检：发布须先完成检查清单并由审核人签发，已阻止';
  if (v.reason === 'teaching') return '发布前预检：正在教 Precheck 认识此页面，请求已拦下，没有发出';
  // a clean draft to a draft save no adapter declares, or sealed by the page's script
  if (v.reason === 'draft-save-unsigned' || v.reason === 'sealed-body') return '发布前预检：这次保存带着稿件正文，未经签发，已阻止';
  if (v.reason === 'error') return '发布前预检：未能检查此请求，已阻止';
  return '发布前预检：此请求含有须处理的敏感信息，已阻止';
}

const POLICY_UNREAD = { zh: '本站的预检策略尚未读取完，改动内容的请求暂不放行', en: "this site's policy is not read yet: a request that changes something is held" };

/** How long after a released submission its navigation may still arrive (the browser starts it at once). */
const FOLLOW_UP_MS = 3_000;

const toAnswer = (v: Verdict): GuardAnswer => (v.pass ? { pass: true, ...(v.usedTicket && { released: true }) } : { pass: false, message: refusalText(v) });

/** Any exception refuses (fail closed) and says why. */
function verdictOf(o: Outgoing, ctx: GateContext, decoded?: Decoded): Verdict {
  try {
    // Without `decoded` judge() decodes the request itself, and its error is the refusal's reason.
    return judge(o, ctx, decoded);
  } catch (e) {
    return { pass: false, reason: 'error', publish: false, findings: [], detail: e instanceof Error ? e.message : String(e) };
  }
}

/** The request decoded, or null when it cannot be: the verdict then fails on it and says why. */
function decodedOrNull(o: Outgoing): Decoded | null {
  try {
    return decodeOutgoing(o);
  } catch {
    return null;
  }
}

/** How many bytes a body is: its bytes when it was bytes that are no text, else its UTF-8 text. */
function bodyBytes(body: RawBody): number {
  if (body.kind !== 'text') return 0;
  if (body.bytes !== undefined) return Math.floor((body.bytes.replace(/=+$/, '').length * 3) / 4);
  return new TextEncoder().encode(body.text).length;
}

const TEACHING: Verdict = { pass: false, reason: 'teaching', publish: false, findings: [] };

export class PageGate {
  private ticket: ReleaseTicket | null = null;
  /** The release the last released request spent, and where that request went (giveBack). */
  private spent: { ticket: ReleaseTicket; endpoint: string } | null = null;
  /**
   * A submission released before it left (form.submit() judged by the guard, a form aimed at a frame
   * or a new window judged on its entry list) comes back once more as the navigation that carries it
   * out: the spent ticket still covers that one navigation — same URL, same content, right away.
   */
  private followUp: { ticket: ReleaseTicket | null; files: ReadonlySet<string>; url: string; until: number } | null = null;
  private readonly listeners = new Set<JudgedListener>();
  /** The fields of what left lately (lib/gate/recent-sends.ts). */
  private readonly recent = new RecentSends();
  /** Encryptions whose plaintext was judged and let through: their ciphertext may follow. */
  private readonly encryptions = new JudgedEncryptions();
  /** Endpoints of requests that left on the page's release (PageAsk): their outcome is the page's. */
  private readonly pageReleases: string[] = [];
  /** Teach mode: every request is held and shown to it (nothing leaves while the admin demonstrates). */
  private teaching: ((o: Outgoing) => void) | null = null;

  constructor(private readonly deps: GateDeps) {}

  /** Holds every request of the page (refused, never sent) and shows each to `seen`, until the returned stop. */
  holdForTeaching(seen: (o: Outgoing) => void): () => void {
    this.teaching = seen;
    return () => {
      if (this.teaching === seen) this.teaching = null;
    };
  }

  setTicket(ticket: ReleaseTicket | null): void {
    this.ticket = ticket;
  }

  hasTicket(): boolean {
    return this.ticket !== null && (this.deps.now ?? Date.now)() <= this.ticket.expiresAt;
  }

  onJudged(listener: JudgedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The verdict now, from what is known now (files not yet read are pending). */
  judge(o: Outgoing): Verdict {
    if (!this.deps.covered()) return { pass: true, reason: 'not-covered' };
    const v = this.judgeKnown(o);
    if (!v.pass || this.deps.policyRead?.() !== false) return v;
    // a read passes unless some CMS publishes by it (a script's image load of PbootCMS's 点击开启 at load)
    if (/^(?:GET|HEAD)$/i.test(o.method) && !anyShippedPublish(o.method, o.url, decodeOutgoing(o))) return v;
    return { pass: false, reason: 'error', publish: false, findings: [], detail: pick(POLICY_UNREAD) };
  }

  private judgeKnown(o: Outgoing): Verdict {
    const request: Outgoing = { ...o, control: o.control ?? this.deps.gestures.current() };
    if (this.teaching) return this.heldForTeaching(request, this.teaching);
    const page = this.deps.page?.();
    if (!page) return this.judgeHere(request);
    // The page's gate is asked first without spending its release (its refusal is judged there, so
    // it lists it); it spends the release only once this gate lets the request out too.
    const lean = withoutFiles(request);
    if (!page.peek(lean).pass) return page.judge(lean);
    const v = this.judgeHere(request);
    if (!v.pass) return v;
    const pv = page.judge(lean);
    if (!pv.pass) return pv;
    if (!pv.usedTicket) return v;
    // released by the page: its guard reports how the request ended, which goes to the page (hub.outcome)
    this.pageReleases.push(shownEndpoint(request.url));
    return { ...v, usedTicket: true };
  }

  /**
   * The request that spent this window's release to `endpoint` was never sent (its fetch aborted while
   * it was judged): the release is this window's again, if no other took its place. True when given back.
   */
  giveBack(endpoint: string): boolean {
    const spent = this.spent;
    if (!spent || spent.endpoint !== endpoint || this.ticket !== null) return false;
    this.spent = null;
    this.followUp = null;
    this.ticket = spent.ticket;
    return true;
  }

  /** Was `endpoint` one of the requests the page's release let out (and not yet asked of)? Asked once per outcome. */
  takePageRelease(endpoint: string): boolean {
    const i = this.pageReleases.indexOf(endpoint);
    if (i < 0) return false;
    this.pageReleases.splice(i, 1);
    return true;
  }

  /** This window's own verdict: its ticket, its files, its follow-up navigation. */
  private judgeHere(request: Outgoing): Verdict {
    const now = (this.deps.now ?? Date.now)();
    const follow = this.followUp && request.route === 'form' && request.url === this.followUp.url && now <= this.followUp.until ? this.followUp : null;
    // A question through the frame relay (page code can call it) gets no release: neither the ticket
    // nor a signed file's pass is used or spent by it.
    const releases = !request.relayed;
    // What each field carried to the same endpoint just before: the request may be one piece of many.
    const decoded = decodedOrNull(request);
    const encrypted = (size: number) => this.encryptions.fits(size, now);
    const v = verdictOf(request, { ...this.context(follow, releases), encrypted, ...(decoded && { before: this.recent.before(request, decoded, now) }) }, decoded ?? undefined);
    // Refused pieces too: a sending goes on after its first refusal, and what follows is read with it.
    if (decoded) this.recent.record(request, decoded, now);
    if (v.pass && (request.route === 'encrypt' || request.route === 'worker.encrypt')) this.encryptions.add(bodyBytes(request.body), now);
    if (v.pass && v.reason === 'encrypted-judged' && decoded?.sealed) this.encryptions.take(decoded.sealed, now);
    const files = v.pass && releases ? this.deps.files.spend(request) : [];
    if (v.pass && follow && (v.usedTicket || follow.files.size > 0)) {
      // The navigation of a submission already released (and already reported): not a second publish.
      this.followUp = null;
      return v;
    }
    if (v.pass && (v.usedTicket || files.length > 0)) {
      const ticket = v.usedTicket ? this.ticket : null;
      this.followUp = request.navigatesHere ? { ticket, files: new Set(files), url: request.url, until: now + FOLLOW_UP_MS } : null;
      if (v.usedTicket) {
        this.spent = ticket && { ticket, endpoint: shownEndpoint(request.url) };
        this.ticket = null;
      }
    }
    // Draft saves too: an item saved again with unsigned content loses its sign-off (controller).
    if (!v.pass || v.usedTicket || v.reason === 'draft-save') for (const l of this.listeners) l(request, v);
    return v;
  }

  /**
   * The verdict on content that may still change before it leaves (a form's entry list while the
   * page's own formdata listeners are still to run): a release is not spent and nobody is told.
   */
  peek(o: Outgoing): Verdict {
    if (!this.deps.covered()) return { pass: true, reason: 'not-covered' };
    if (this.teaching) return TEACHING;
    const page = this.deps.page?.()?.peek(withoutFiles(o));
    if (page && !page.pass) return page;
    return verdictOf({ ...o, control: o.control ?? this.deps.gestures.current() }, this.context(null, !o.relayed));
  }

  private heldForTeaching(request: Outgoing, seen: (o: Outgoing) => void): Verdict {
    try {
      seen(request);
    } catch {
      // What teach mode makes of it is its own business: the request stays held either way.
    }
    // Not told to the panel or the log: the teach banner says what happened, and no publish was tried.
    return TEACHING;
  }

  /** Content keys are the isolated world's to give: none that came along with a question is kept. */
  answer(o: Outgoing): GuardAnswer {
    const question = this.received(o);
    if (question.relayOutcome) {
      this.deps.outcome?.(question.relayOutcome);
      return { pass: true };
    }
    return toAnswer(question.relayPeek ? this.peek(question) : this.judge(question));
  }

  /**
   * A question as the MAIN-world guard hands it over: without content keys, and relayed (no release)
   * unless it came through the relay with this load's key — from another window's gate, not page code,
   * which may then also ask for a peek.
   */
  private received(o: Outgoing): Outgoing {
    const { relayKey, relayPeek, relayOutcome, ...question } = o;
    const key = this.deps.relayKey?.() ?? null;
    const ours = question.relayed === true && key !== null && relayKey === key;
    return { ...question, embedded: undefined, ...(ours && { relayed: false, relayPeek, relayOutcome }) };
  }

  /** Reads the Blobs a request carries (text bodies, files) first, then judges it. */
  async answerAsync(o: Outgoing, blobs: Blob[]): Promise<GuardAnswer> {
    let request: Outgoing;
    try {
      // a window's first request may come before it can ask its page for a release (Firefox: the key),
      // or before this page's policy is read
      await Promise.all([this.deps.page?.()?.ready?.(), this.deps.policyReady?.()]);
      request = await this.readEmbedded(await this.resolveBlobs(this.received(o), blobs));
    } catch (e) {
      return this.answer({ ...o, body: { kind: 'opaque', what: e instanceof Error ? e.message : String(e) } });
    }
    const v = this.judge(request);
    if (v.pass && v.reason === 'signed-items' && v.items && this.deps.policy().networkBlocked(o.method, o.url)) {
      // Not before the browser lets it through: a request refused by the network would look like a
      // broken CMS. If the background does not lift the block, the page learns it was refused.
      const opened = await (this.deps.openNetwork?.(v.items) ?? Promise.resolve(true)).catch(() => false);
      if (!opened) return { pass: false, message: '发布前预检：未能为已签发的条目放行网络请求，已阻止' };
    }
    return toAnswer(v);
  }

  private async resolveBlobs(o: Outgoing, blobs: Blob[]): Promise<Outgoing> {
    if (o.body.kind !== 'entries') return o;
    const entries: Entry[] = [];
    for (const [name, value] of o.body.entries) {
      if (typeof value === 'string') {
        entries.push([name, value]);
        continue;
      }
      // A content key is the isolated world's to give, from bytes it read: one that came along is dropped.
      const ref: FileRef = { ...value, key: undefined, syncPicture: undefined };
      const blob = ref.blob === undefined ? undefined : blobs[ref.blob];
      if (!blob) {
        entries.push([name, ref]);
        continue;
      }
      entries.push([name, await this.readPart(name, ref, blob, ref.piece?.whole === undefined ? undefined : blobs[ref.piece.whole])]);
    }
    if (!(entries.length === 1 && entries[0]![0] === '(blob)' && typeof entries[0]![1] === 'string')) return { ...o, body: { kind: 'entries', entries, contentType: o.body.contentType } };
    // A Blob sent whole is its text; its type leaves as the Content-Type header (a probe's carried the ID).
    const type = (o.body.entries[0]![1] as FileRef).type;
    const headers: [string, string][] = [...(o.headers ?? []), ...(type ? [['content-type', type] as [string, string]] : [])];
    return { ...o, body: { kind: 'text', text: entries[0]![1], contentType: o.body.contentType }, ...(headers.length > 0 && { headers }) };
  }

  /** The documents the request carries as base64 (lib/gate/embedded-files.ts) read and scanned as files. */
  private async readEmbedded(o: Outgoing): Promise<Outgoing> {
    const keys = new Map<string, string>();
    for (const part of decodeOutgoing({ ...o, embedded: undefined }).parts) {
      const doc = embeddedDocument(part.raw ?? part.text);
      const bytes = doc && !keys.has(doc.payload) ? embeddedBytes(doc) : null;
      if (!doc || !bytes) continue;
      const ref: FileRef = { name: part.name, filename: '', type: doc.type, size: bytes.length };
      const { key } = await this.deps.files.learn(ref, new Blob([bytes], { type: doc.type }));
      if (key) keys.set(doc.payload, key);
    }
    return keys.size > 0 ? { ...o, embedded: keys } : o;
  }

  /**
   * A file part with its content key, or a Blob body's text. A piece of a larger Blob (a chunked
   * upload) is judged as that whole (lib/gate/pieces.ts): the whole is read, its key or text stands
   * for the piece.
   */
  private async readPart(name: string, ref: FileRef, blob: Blob, whole: Blob | undefined): Promise<FileRef | string> {
    const source = whole && ref.piece ? { blob: whole, ref: { ...ref, filename: ref.piece.filename || ref.filename, type: ref.piece.type, size: ref.piece.size } } : { blob, ref };
    // A Blob sent as the whole body is the body (its text), unless it is a document.
    if (name === '(blob)' && !(await isDocumentBody(source.blob, source.ref))) return blobBodyText(new Uint8Array(await source.blob.arrayBuffer()));
    const files = this.deps.files;
    const { key } = source.blob === whole ? await files.learnWhole(ref.piece?.wholeName, source.ref, whole) : await files.learn(source.ref, source.blob);
    return { ...ref, key };
  }

  /**
   * `follow`: the released submission this request carries out, whose ticket and file passes it may
   * use; `releases` false: no ticket and no file pass at all.
   */
  private context(follow: { ticket: ReleaseTicket | null; files: ReadonlySet<string> } | null, releases = true): GateContext {
    const policy = this.deps.policy();
    const options = this.deps.scanOptions();
    const spent = follow?.files ?? new Set<string>();
    return {
      scan: (text) => scan(text, options),
      draft: this.deps.draft(),
      ticket: !releases ? null : (follow?.ticket ?? (this.hasTicket() ? this.ticket : null)),
      draftSaves: policy.draftSaves,
      declaredDraftSave: policy.declaredDraftSave,
      declaredPublish: policy.declaredPublish,
      declaredWithdraw: policy.declaredWithdraw,
      listIds: policy.listIds,
      signedItems: this.deps.signedItems(),
      file: (ref: FileRef) => this.deps.files.state(ref, spent, releases),
      ticked: () => this.deps.ticked(),
      now: (this.deps.now ?? Date.now)(),
    };
  }
}
