/**
 * The draft's files: those it links to on the CMS's origin (read at checklist time, their findings
 * join it) and the uploads the gate refused for what they hold — with linked files that hold a block
 * finding or cannot be checked — each waiting for a reviewer to sign off on exactly that file.
 */
import type { DraftWatch } from '../draft-watch';
import type { PageFiles } from './page-files';
import { HeldUploads } from './held-uploads';
import { addressHoldsBlock, hrefsOf, LinkedAttachments } from './linked';

export class DraftFiles {
  readonly linked: LinkedAttachments;
  readonly held: HeldUploads;

  constructor(
    files: PageFiles,
    private readonly draft: DraftWatch,
    private readonly top: Window,
  ) {
    this.held = new HeldUploads(files);
    // A linked file's findings join the checklist until a reviewer signs that file off for the publish.
    // An address is judged with the policy's rule settings, as the draft is.
    this.linked = new LinkedAttachments(files, { signed: (key) => this.held.isLinkSigned(key), refused: (url) => addressHoldsBlock(url, draft.scanOptions) });
  }

  /** Reads the draft's links again; a linked file with a block finding or not checkable waits for a reviewer. */
  async readLinks(): Promise<void> {
    const hrefs = [...this.draft.sessions.values()].flatMap((s) => hrefsOf(s.handle.root));
    await this.linked.refresh(hrefs, this.top.document.baseURI, this.top.location.origin);
    this.held.linkedNow(this.linked.linkedKeys());
  }
}
