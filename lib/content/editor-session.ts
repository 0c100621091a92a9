import { extractTextInSlices, rangeFor, type TextMap } from '../editors/text-map';
import type { EditorHandle } from '../editors/types';
import { scanChunked } from '../scan/chunked';
import type { ScanOptions } from '../scan/engine';
import type { Finding } from '../scan/types';
import { flashRange } from './highlighter';
import { scrollRangeIntoView } from './scroll-to';
import { pacedYield, SCAN_STEP, WALK_STEP } from './yield';

const DEBOUNCE_MS = 250;

/**
 * One editable area: watches it, rescans it (debounced, chunked) and keeps its findings with the
 * text map that turns them into ranges. The hot path — a keystroke — only restarts a timer.
 */
export class EditorSession {
  findings: Finding[] = [];
  error: string | null = null;
  private map: TextMap | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private readonly stopWatching: () => void;

  constructor(
    readonly handle: EditorHandle,
    private options: ScanOptions,
    private readonly changed: () => void,
  ) {
    const root = handle.root;
    const onChange = () => {
      this.changes++;
      this.schedule();
    };
    if (handle.kind === 'textarea') {
      root.addEventListener('input', onChange);
      this.stopWatching = () => root.removeEventListener('input', onChange);
    } else {
      // A document already replaced (TinyMCE swaps its iframe's about:blank for the srcdoc) has no window.
      const Observer = root.ownerDocument.defaultView?.MutationObserver ?? MutationObserver;
      const observer = new Observer(onChange);
      observer.observe(root, { subtree: true, childList: true, characterData: true });
      this.stopWatching = () => observer.disconnect();
    }
    this.schedule(0);
  }

  /** The editor's window; null once its document was replaced (the session is disposed at the next discovery). */
  get window(): Window | null {
    return this.handle.root.ownerDocument.defaultView;
  }

  get isTextarea(): boolean {
    return this.handle.kind === 'textarea';
  }

  /** Changed since the last scan started: a publish attempt rescans before it decides. */
  dirty = true;

  /** The textarea value the last scan read (null before it). */
  private scannedValue: string | null = null;

  /**
   * A textarea whose value differs from what was scanned. Setting `value` from a script (a CMS
   * loading a saved draft) fires no input event, so this is checked on every discovery tick and
   * publish attempt instead.
   */
  get valueChanged(): boolean {
    return this.isTextarea && (this.handle.root as HTMLTextAreaElement).value !== this.scannedValue;
  }

  schedule(delay = DEBOUNCE_MS): void {
    this.dirty = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.rescan(), delay);
  }

  /** Scans now; a later call supersedes an earlier one still running. */
  async rescan(): Promise<void> {
    clearTimeout(this.timer);
    this.dirty = false;
    const generation = ++this.generation;
    // One pacer for the whole rescan: its first slice is as short as every later one (a 1 MB paste
    // must not hold the page for the first 4,000 nodes), and a small draft never waits for a timer.
    const pause = pacedYield();
    try {
      const map = this.isTextarea
        ? { text: (this.scannedValue = (this.handle.root as HTMLTextAreaElement).value), nodes: [], starts: [] }
        : await extractTextInSlices(this.handle.root, pause, WALK_STEP);
      const findings = await scanChunked(map.text, this.options, pause, SCAN_STEP);
      if (generation !== this.generation) return;
      this.map = map;
      this.findings = findings;
      this.error = null;
    } catch (e) {
      if (generation !== this.generation) return;
      // Fail closed: without a complete scan nothing can be said to be clean.
      this.error = e instanceof Error ? e.message : String(e);
    }
    this.changed();
  }

  /** Bumped by every change the editor reports (synchronously, before the next event is handled). */
  changes = 0;

  /**
   * The text as it is this instant, without markup structure (the gate reduces it to letters and
   * digits, so block boundaries do not matter): what a request sent now would carry.
   */
  liveText(): string {
    const root = this.handle.root;
    return this.isTextarea ? (root as HTMLTextAreaElement).value : (root.textContent ?? '');
  }

  /**
   * The start of liveText(), at least `chars` long when there is that much (whole text nodes), without
   * reading all of a 1 MB editor; `whole` when it is all of it.
   */
  leadingText(chars: number): { text: string; whole: boolean } {
    const root = this.handle.root;
    if (this.isTextarea) {
      const value = (root as HTMLTextAreaElement).value;
      return { text: value.slice(0, chars), whole: value.length <= chars };
    }
    const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let text = '';
    while (text.length < chars) {
      const node = walker.nextNode();
      if (!node) return { text, whole: true };
      text += (node as Text).data;
    }
    return { text, whole: walker.nextNode() === null };
  }

  /** The text the last scan read: what a sign-off's digest covers. */
  get text(): string {
    return this.map?.text ?? '';
  }

  rangeOf(finding: Finding): Range | null {
    return this.map && !this.isTextarea ? rangeFor(this.map, finding.start, finding.end) : null;
  }

  /** Scrolls the editor to a finding and selects it (selection is not content: nothing is changed). */
  reveal(finding: Finding): void {
    const root = this.handle.root;
    if (this.isTextarea) {
      const area = root as HTMLTextAreaElement;
      area.focus();
      area.setSelectionRange(finding.start, finding.end);
      return;
    }
    const range = this.rangeOf(finding);
    const win = this.window;
    if (!range || !win) return;
    root.focus({ preventScroll: true });
    scrollRangeIntoView(range);
    const selection = win.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    flashRange(win, range);
  }

  /** New settings from the policy: rescan with them. */
  reconfigure(options: ScanOptions): void {
    this.options = options;
    this.schedule(0);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.stopWatching();
  }
}
