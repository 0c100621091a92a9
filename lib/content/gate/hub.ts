/**
 * One gate per page, shared by its same-origin frames. The top frame's isolated script creates it at
 * document_start (before any page script runs); the isolated scripts of its same-origin frames find it
 * (isolated-world globals are shared between same-origin frames of one extension) and route their
 * guard's questions to it, so every frame is judged against the same draft and the same ticket. A
 * frame that cannot reach a hub (cross-origin, or a browser that keeps frames' content-script globals
 * apart) makes its own.
 */
import { gatePolicyOf, type PagePolicyLike } from '../../gate/adapter-rules';
import type { DraftFingerprint } from '../../gate/draft-match';
import type { GuardLink } from '../../intercept/isolated/channel';
import { UNSENT } from '../../intercept/channel-protocol';
import type { PagePolicy } from '../../messaging/protocol';
import { scan, type ScanOptions } from '../../scan/engine';
import type { Finding } from '../../scan/types';
import { knownKey } from '../attachments/file-key';
import { watchFiles } from '../attachments/file-watch';
import { FilePasses } from '../attachments/file-passes';
import { FormHold } from '../attachments/form-hold';
import { PageFiles, type FileOrigin } from '../attachments/page-files';
import { AttachmentScanner } from '../attachments/scanner';
import { FileVerdicts } from './files';
import { GestureTracker } from './gestures';
import { SignedItemsCopy } from './signed-items-copy';
import { HeldRelayKey } from './held-relay-key';
import { PageGate, type GatePolicy, type PageAsk } from './page-gate';

/** What the attachment scanner needs of the page's policy (absent before it arrives). */
type ScanPolicyPart = Partial<Pick<PagePolicy, 'rules' | 'allowList' | 'customWords' | 'attachments'>>;

const HUB_KEY = '__precheckGateHub';

export interface Outcome {
  route: string;
  endpoint: string;
  status?: number;
  /** The start of the response text (fetch, XHR): where a save names the new item's id. */
  response?: string;
}

/** How long a request waits for the page's policy before it is judged without it. */
const POLICY_WAIT_MS = 10_000;

export class GateHub {
  readonly brand = HUB_KEY;
  readonly gestures = new GestureTracker();
  readonly gate: PageGate;
  /** Every attachment this page has shown Precheck, scanned once, keyed by content. */
  readonly files: PageFiles;
  /** Files a reviewer signed off (a block finding, too large to check): each may leave once. */
  readonly filePasses = new FilePasses();
  private readonly scanner: AttachmentScanner;
  private readonly verdicts: FileVerdicts;
  private readonly hold: FormHold;
  private readonly watched = new WeakSet<Window>();
  private readonly links = new Set<GuardLink>();
  private readonly entryLists = new Set<() => void>();
  private covered = true;
  private policyRead = false;
  private readonly policyArrived: Promise<void>;
  private markPolicyRead: () => void = () => undefined;
  private options: ScanOptions;
  private policy: GatePolicy = { draftSaves: 'scan', declaredDraftSave: () => false, declaredPublish: () => false, declaredWithdraw: () => false, networkBlocked: () => false, listIds: () => null };
  private draftSource: () => DraftFingerprint | null = () => null;
  private tickedSource: () => string[] = () => [];
  private readonly outcomeListeners = new Set<(o: Outcome) => void>();
  private networkOpener: (ids: string[]) => Promise<boolean> = () => Promise.resolve(false);
  private pageGate: PageAsk | null = null;
  /** A question through another window's relay spends a release only with it (PageGate.received, page-relay.ts). */
  readonly relayKey = new HeldRelayKey();
  /** What this page knows of the items signed off on its site. */
  readonly signedItems = new SignedItemsCopy();

  constructor(initial: ScanOptions, scanner?: AttachmentScanner) {
    this.options = initial;
    this.policyArrived = new Promise<void>((resolve) => {
      this.markPolicyRead = resolve;
      // the background answers in milliseconds; without it, the gate judges as it can rather than hang the page
      setTimeout(resolve, POLICY_WAIT_MS);
    });
    this.scanner = scanner ?? new AttachmentScanner((text) => this.scanText(text));
    this.files = new PageFiles(this.scanner.scan);
    const files = (this.verdicts = new FileVerdicts(this.files, this.filePasses));
    this.hold = new FormHold({ known: (f) => this.fileKey(f) !== undefined, learn: (f) => files.keyFor(f, f.name, 'form') });
    this.gate = new PageGate({
      covered: () => this.covered,
      policyRead: () => this.policyRead,
      policyReady: () => this.policyArrived,
      scanOptions: () => this.options,
      draft: () => this.draftSource(),
      policy: () => this.policy,
      signedItems: () => this.signedItems.ids,
      ticked: () => this.tickedSource(),
      gestures: this.gestures,
      files,
      openNetwork: (ids) => this.networkOpener(ids),
      page: () => this.pageGate,
      relayKey: () => this.relayKey.get(),
      outcome: (o) => this.outcome(o),
    });
  }

  /** This hub's window is not its page's: `page` is asked first (PageGate.judge). */
  askPageFirst(page: PageAsk | null): void {
    this.pageGate = page;
  }

  /** Guards a same-origin window: its gestures, and the files chosen, dropped or pasted there. */
  watch(win: Window): void {
    this.gestures.watch(win);
    if (this.watched.has(win)) return;
    this.watched.add(win);
    watchFiles(win, (file, origin) => void this.verdicts.keyFor(file, file.name, origin).catch(() => undefined));
  }

  /**
   * The key of a File this world has read: a picture's, or the content key once it is scanned (a
   * sync verdict cannot wait for one).
   */
  fileKey(file: File): string | undefined {
    return this.verdicts.pictures.keyOf(file) ?? (this.knows(file) ? knownKey(file)?.key : undefined);
  }

  private knows(file: File): boolean {
    const key = knownKey(file)?.key;
    return key !== undefined && this.files.get(key)?.status !== 'scanning';
  }

  /** Files sent over from the MAIN world (form.submit()): read (and scanned unless pictures); their keys in order. */
  learnFiles(blobs: Blob[], origin: FileOrigin): Promise<(string | null)[]> {
    return Promise.all(blobs.map((b) => this.verdicts.keyFor(b, (b as File).name ?? 'blob', origin).catch(() => null)));
  }

  /** A native form post with unread files: held, read, and submitted again (lib/content/attachments/form-hold.ts). */
  holdFiles(fd: FormData, source: Element | null): boolean {
    return this.hold.hold(fd, source, () => {
      const a = this.gestures.attempt();
      return a.kind === 'submit' ? (a.submitter ?? a.form) : null;
    });
  }

  /**
   * An entry list being judged (lib/intercept/isolated/navigation.ts), looked at again whenever page
   * code changes it; returns what ends that. Kept by the page's hub: a frame the page reached first is
   * guarded with its parent's channel, so its changes are told to the parent's isolated world.
   */
  watchEntryList(look: () => void): () => void {
    this.entryLists.add(look);
    return () => void this.entryLists.delete(look);
  }

  /** Page code changed an entry list the browser built, in some frame of the page: each watched one is looked at. */
  entryListsChanged(): void {
    for (const look of [...this.entryLists]) look();
  }

  /** The same for a submission aimed at another window, submitted again by `replay`. */
  holdEntryList(fd: FormData, form: HTMLFormElement, replay: () => void): boolean {
    return this.hold.holdThen(fd, form, replay);
  }

  private scanText(text: string): Finding[] {
    return scan(text, this.options);
  }

  addLink(link: GuardLink): void {
    this.links.add(link);
    if (!this.covered) link.setCovered(false);
  }

  /**
   * The page's policy is read, or cannot be (the background did not answer): the gate judges with what
   * it has from now on instead of holding every request that changes something.
   */
  policySettled(): void {
    this.policyRead = true;
    this.markPolicyRead();
  }

  /** The page's policy arrived (or changed). */
  configure(options: ScanOptions, page: PagePolicyLike & { covered: boolean } & ScanPolicyPart): void {
    this.options = options;
    this.policy = gatePolicyOf(page);
    this.policySettled();
    if (page.rules && page.allowList && page.customWords && page.attachments) {
      this.scanner.configure({ rules: page.rules, allowList: page.allowList, customWords: page.customWords, attachments: page.attachments });
    }
    if (page.covered !== this.covered) {
      this.covered = page.covered;
      for (const l of this.links) l.setCovered(page.covered);
    }
  }

  /** How signed items get the browser's block of an adapter publish endpoint lifted (the background). */
  setNetworkOpener(open: (ids: string[]) => Promise<boolean>): void {
    this.networkOpener = open;
  }

  /** The controller's draft and the list page's ticked rows. */
  attach(draft: () => DraftFingerprint | null, ticked: () => string[]): void {
    this.draftSource = draft;
    this.tickedSource = ticked;
  }

  onOutcome(listener: (o: Outcome) => void): void {
    this.outcomeListeners.add(listener);
  }

  /** How a released request ended; one the page's release let out is the page's to record. */
  outcome(o: Outcome): void {
    // never sent: this window's release comes back for the retry; a page's release stays spent, and
    // nothing of it is left to be matched with a later request's outcome
    if (o.status === UNSENT) {
      if (!this.gate.giveBack(o.endpoint)) this.gate.takePageRelease(o.endpoint);
      return;
    }
    if (this.pageGate?.outcome && this.gate.takePageRelease(o.endpoint)) return this.pageGate.outcome(o);
    for (const l of this.outcomeListeners) l(o);
  }

  static find(win: Window): GateHub | null {
    for (let w: Window = win; ; w = w.parent) {
      try {
        // Each frame evaluates its own copy of this class: the brand, not instanceof, identifies a hub.
        const hub = (w as unknown as Record<string, unknown>)[HUB_KEY] as GateHub | undefined;
        if (hub?.brand === HUB_KEY) return hub;
      } catch {
        return null;
      }
      if (w === w.parent) return null;
    }
  }

  /** This very window already has a hub (its own, not a parent's). */
  static inWindow(win: Window): boolean {
    return Object.prototype.hasOwnProperty.call(win, HUB_KEY);
  }

  static create(win: Window, initial: ScanOptions, scanner?: AttachmentScanner): GateHub {
    const hub = new GateHub(initial, scanner);
    Object.defineProperty(win, HUB_KEY, { value: hub, configurable: false, enumerable: false, writable: false });
    return hub;
  }
}
