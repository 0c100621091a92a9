/**
 * The draft on a CMS page: finds the editors in every same-origin frame and the title field, keeps an
 * EditorSession per editor and the title's findings current, and offers what the rest of Precheck reads
 * — the findings (worst first), the body text, and the draft's fingerprint the gate recognises it by.
 */
import { discoverEditors, sameOriginWindows } from '../editors';
import { findTitleInput } from '../editors/title-field';
import { fingerprintDraft, hasDraftLetters, type DraftFingerprint } from '../gate/draft-match';
import { scan, type ScanOptions } from '../scan/engine';
import { terms } from '../i18n';
import { SEVERITY_RANK, type Finding } from '../scan/types';
import { EditorSession } from './editor-session';

/** Characters of each editor read to tell a draft from an empty editor inside a click. */
const HEAD_CHARS = 4096;

/**
 * Characters of text from which a draft counts as large (a long 公示 list): what costs time in
 * proportion to the whole draft — the editors' own getContent(), laying the editor out again — is
 * then not done on a publish click. ~50K characters of text are ~150 KB of an editor's HTML, whose
 * getContent() alone takes ≈ 50 ms in TinyMCE.
 */
export const LARGE_DRAFT_CHARS = 50_000;

export interface LocatedFinding {
  finding: Finding;
  /** 标题 or 正文 (Title or Body), in the page's language. */
  where: string;
  session: EditorSession | null;
}

export interface DraftHooks {
  /** An editor was rescanned (its findings and text changed). */
  editorChanged(): void;
  /** The title was rescanned. */
  titleChanged(): void;
  /** A same-origin window was found (guard it, configure it). */
  windowFound(win: Window): void;
}

export class DraftWatch {
  readonly sessions = new Map<HTMLElement, EditorSession>();
  private title: HTMLInputElement | null = null;
  private titleFindings: Finding[] = [];
  private version = 0;
  private fingerprintCache: { key: string; value: DraftFingerprint | null } | null = null;
  private readonly onTitle = () => this.scanTitle();

  constructor(
    private readonly top: Window,
    private options: ScanOptions,
    private readonly hooks: DraftHooks,
  ) {}

  discover(): void {
    const windows = sameOriginWindows(this.top);
    for (const w of windows) this.hooks.windowFound(w);
    const found = discoverEditors(this.top);
    const roots = new Set(found.map((h) => h.root));
    for (const [root, session] of this.sessions) {
      if (!roots.has(root) || !root.isConnected) {
        session.dispose();
        this.sessions.delete(root);
        this.version++;
      }
    }
    for (const handle of found) {
      if (!this.sessions.has(handle.root)) this.sessions.set(handle.root, new EditorSession(handle, this.options, () => this.editorRescanned()));
    }
    for (const session of this.sessions.values()) if (session.valueChanged && !session.dirty) session.schedule(0);
    const nextTitle = findTitleInput(windows.map((w) => w.document).filter((d) => !roots.has(d.body)));
    if (nextTitle !== this.title) {
      this.title?.removeEventListener('input', this.onTitle);
      this.title = nextTitle;
      this.title?.addEventListener('input', this.onTitle);
      this.scanTitle();
    }
  }

  /** The policy's scan settings the draft is scanned with. */
  get scanOptions(): ScanOptions {
    return this.options;
  }

  configure(options: ScanOptions): void {
    this.options = options;
    for (const s of this.sessions.values()) s.reconfigure(options);
    this.scanTitle();
  }

  private editorRescanned(): void {
    this.version++;
    this.hooks.editorChanged();
  }

  private scanTitle(): void {
    this.titleFindings = this.title ? scan(this.title.value, this.options) : [];
    this.hooks.titleChanged();
  }

  /** Every finding, worst first. */
  findings(): LocatedFinding[] {
    const place = terms().place;
    return [
      ...this.titleFindings.map((finding) => ({ finding, where: place.title, session: null })),
      ...[...this.sessions.values()].flatMap((s) => s.findings.map((finding) => ({ finding, where: place.body, session: s }))),
    ].sort((a, b) => SEVERITY_RANK[b.finding.severity] - SEVERITY_RANK[a.finding.severity]);
  }

  error(): string | null {
    return [...this.sessions.values()].find((s) => s.error)?.error ?? null;
  }

  /** Long enough that work in proportion to the whole draft is not done on a click (LARGE_DRAFT_CHARS). */
  isLarge(): boolean {
    let chars = 0;
    for (const s of this.sessions.values()) chars += s.text.length;
    return chars > LARGE_DRAFT_CHARS;
  }

  bodyText(): string {
    return [...this.sessions.values()].map((s) => s.text).join('\n');
  }

  /** Each editor's markup as it stands (a textarea's value, a rich editor's DOM), for what it holds besides its text. */
  markup(): string[] {
    return [...this.sessions.values()].map((s) => (s.isTextarea ? (s.handle.root as HTMLTextAreaElement).value : s.handle.root.innerHTML));
  }

  /**
   * The draft as the gate recognises it, from the editors' text as it is NOW — never from the last
   * debounced scan, which may be a keystroke behind (a draft typed and sent at once must still be
   * recognised). Recomputed only when an editor changed since.
   */
  fingerprint(): DraftFingerprint | null {
    const sessions = [...this.sessions.values()];
    const key = this.cacheKey(sessions);
    if (this.fingerprintCache?.key !== key) {
      this.fingerprintCache = { key, value: fingerprintDraft(sessions.map((s) => s.liveText()).join('\n')) };
    }
    return this.fingerprintCache.value;
  }

  /**
   * fingerprint() !== null, without fingerprinting: asked inside a publish click, where normalising
   * and hashing a 1 MB draft would hold the blocked panel back. Reads the fingerprint when current.
   */
  hasDraft(): boolean {
    const sessions = [...this.sessions.values()];
    if (this.fingerprintCache?.key === this.cacheKey(sessions)) return this.fingerprintCache.value !== null;
    // the first few thousand characters settle it for any real draft; the whole text only when they do not
    const heads = sessions.map((s) => s.leadingText(HEAD_CHARS));
    if (hasDraftLetters(heads.map((h) => h.text).join('\n'))) return true;
    return !heads.every((h) => h.whole) && hasDraftLetters(sessions.map((s) => s.liveText()).join('\n'));
  }

  private cacheKey(sessions: EditorSession[]): string {
    const texts = sessions.filter((s) => s.isTextarea).map((s) => s.liveText());
    return `${this.version}|${sessions.map((s) => s.changes).join(',')}|${texts.join('\u0000')}`;
  }

  /** Scans now what changed since the last scan (a publish attempt decides on the latest text). */
  async rescanStale(): Promise<void> {
    const stale = [...this.sessions.values()].filter((s) => s.dirty || s.valueChanged);
    await Promise.all(stale.map((s) => s.rescan()));
  }

  dispose(): void {
    for (const s of this.sessions.values()) s.dispose();
    this.sessions.clear();
    this.title?.removeEventListener('input', this.onTitle);
    this.version++;
  }

  hasEditors(): boolean {
    return this.sessions.size > 0;
  }

  /** Selects a finding in its editor, or in the title field. */
  reveal(entry: LocatedFinding): void {
    if (entry.session) entry.session.reveal(entry.finding);
    else if (this.title) {
      this.title.focus();
      this.title.setSelectionRange(entry.finding.start, entry.finding.end);
    }
  }
}
