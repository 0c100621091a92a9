/**
 * Linked attachments (issue 12 item 4): at checklist time, the files the draft links to on the CMS's
 * own origin are fetched with the editor's session and scanned like an upload; their findings join
 * the checklist. A link that cannot be fetched is listed unreadable: the checklist stays blocked and
 * says why (fail closed). Each URL is fetched again at every check: the file behind a link can be
 * replaced on the server, and a reviewer's sign-off is for the bytes they saw (by content key).
 */
import { pick } from '../../i18n';
import type { Finding } from '../../scan/types';
import { holdReason } from './held-uploads';
import { attachmentPlace } from './place';
import { attachmentLinks, linkedName } from './linked-urls';
import type { PageFiles } from './page-files';
import { scan, type ScanOptions } from '../../scan/engine';
import { rules } from '../../../rules/index';
import { percentText } from '../../gate/percent-text';

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/**
 * Whether a link's address itself holds a block finding (the rule pack, percent escapes written
 * out): fetching it would send that to the server — the seventeenth probe's `list.xls?sfz=<ID>` was
 * requested by this reader while the page's publish was held. Such a file is listed unreadable.
 */
export function addressHoldsBlock(url: string, options: ScanOptions = { rules }): boolean {
  const texts = [url, percentText(url) ?? ''];
  return texts.some((t) => scan(t, options).some((f) => f.severity === 'block'));
}

/** The hrefs of an editor's content: its links, or those of the HTML source a textarea holds. */
export function hrefsOf(root: HTMLElement): string[] {
  const scope: ParentNode =
    root.tagName === 'TEXTAREA' ? new DOMParser().parseFromString((root as HTMLTextAreaElement).value, 'text/html') : root;
  return [...scope.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? '');
}

export interface LinkedOptions {
  /** A reviewer signed off this file (by content key) for the draft's publish. */
  signed?: (key: string) => boolean;
  fetchFile?: Fetch;
  /** The link's address itself holds a block finding (judged with the policy's rule settings). */
  refused?: (url: string) => boolean;
}

export class LinkedAttachments {
  private readonly keys = new Map<string, string>();
  private current: string[] = [];
  private readonly signed: (key: string) => boolean;
  private readonly fetchFile: Fetch;
  private readonly refused: (url: string) => boolean;

  constructor(
    private readonly files: PageFiles,
    options: LinkedOptions = {},
  ) {
    this.signed = options.signed ?? (() => false);
    this.fetchFile = options.fetchFile ?? ((url, init) => fetch(url, init));
    this.refused = options.refused ?? addressHoldsBlock;
  }

  /** Reads the links of the draft now; resolves once every linked file is fetched and scanned (or failed). */
  async refresh(hrefs: readonly string[], base: string, origin: string): Promise<void> {
    this.current = attachmentLinks(hrefs, base, origin);
    await Promise.all(this.current.map((u) => this.load(u)));
  }

  private async load(url: string): Promise<void> {
    const name = linkedName(url);
    if (this.refused(url)) {
      this.keys.delete(url);
      this.files.failed(name, 'link', url, { zh: '正文链接的附件地址本身含有须处理的个人信息，未读取', en: 'the linked attachment was not fetched: its address itself holds personal data' });
      return;
    }
    try {
      const r = await this.fetchFile(url, { credentials: 'same-origin', cache: 'no-store' });
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      this.keys.set(url, await this.files.learn(await r.blob(), name, 'link', url));
    } catch (e) {
      this.keys.delete(url);
      const why = e instanceof Error ? e.message : String(e);
      this.files.failed(name, 'link', url, { zh: `无法读取正文链接的附件（${why}）`, en: `the linked attachment could not be fetched (${why})` });
      // not kept: the next checklist tries again
    }
  }

  /**
   * The findings of the files the draft links to now, each placed in its file; a file a reviewer
   * signed off is listed with its sign-off instead (lib/content/attachments/held-uploads.ts).
   */
  findings(): { finding: Finding; where: string }[] {
    return this.linked().filter((f) => !this.signed(f.key)).flatMap((f) =>
      f.findings.map((finding) => ({ finding, where: attachmentPlace(finding) ?? f.name })),
    );
  }

  /**
   * Why a linked file could not be checked (the checklist stays blocked), or null. A file too large,
   * encrypted or corrupt that a reviewer confirmed unchecked (by its content key) no longer blocks.
   */
  error(): string | null {
    const bad = this.current
      .map((u) => this.files.get(this.keys.get(u) ?? `unfetched:${u}`))
      .find((f) => f && f.status !== 'scanned' && f.status !== 'scanning' && !(holdReason(f) && this.signed(f.key)));
    return bad ? `${bad.name}: ${pick(bad.reason ?? { zh: '无法检查', en: 'not checked' })}` : null;
  }

  /** The content keys of the files the draft links to now (a reviewer signs those that need it). */
  linkedKeys(): string[] {
    return this.linked().map((f) => f.key);
  }

  private linked() {
    return this.current.flatMap((u) => {
      const f = this.files.get(this.keys.get(u) ?? '');
      return f ? [f] : [];
    });
  }
}
