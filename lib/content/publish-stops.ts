/**
 * What the controller does with the gate's refusals: a stopped publish opens the checklist and has its
 * draft rechecked against what the editors will submit; a refused upload a reviewer may sign off opens
 * it too; on a page without an editor (an article list) the refusal itself is the answer, logged.
 */
import type { Outgoing, Verdict } from '../gate/types';
import type { ScanOptions } from '../scan/engine';
import { scanSubmittedContent } from './api-check';
import type { DraftFiles } from './attachments/draft-files';
import type { DraftWatch } from './draft-watch';
import type { GateHub } from './gate/hub';
import { namedItems } from './item-titles';
import type { PanelView } from './panel-view';
import type { RefusalLog } from './refusal-log';
import type { Attempt, Release } from './release';
import type { SignoffFlow } from './signoff-flow';
import { afterNextPaint, yieldToPage } from './yield';

export interface PublishStopsParts {
  top: Window;
  hub: GateHub;
  draft: DraftWatch;
  panel: PanelView;
  release: Release;
  files: DraftFiles;
  log: RefusalLog;
  flow: () => SignoffFlow;
  docs: () => Document[];
  options: () => ScanOptions;
}

export class PublishStops {
  constructor(private readonly p: PublishStopsParts) {}

  /** A publish was stopped (early, or its request refused): the checklist opens, the draft is rechecked. */
  stopped(attempt: Attempt, route: string): void {
    const { release, panel, flow, top } = this.p;
    release.note(attempt);
    panel.stopped();
    // The blocked panel is painted first; the checklist (every finding placed and grouped) and the
    // recheck wait for that frame, not it for them.
    afterNextPaint(top, () => {
      flow().attemptBlocked();
      // in a task of its own: the checklist's first read of the form is one already
      void yieldToPage()
        .then(() => this.recheck())
        .then(() => flow().attemptChecked(route));
    });
  }

  /** A request the gate refused. */
  refused(o: Outgoing, verdict: Verdict & { pass: false }): void {
    const { panel, files, flow, draft, hub, log, docs } = this.p;
    // Items refused on a list page are named by their titles where the page shows them.
    const v = verdict.items ? { ...verdict, items: namedItems(docs(), verdict.items) } : verdict;
    panel.refused(o, v);
    // A file a reviewer may sign off: the checklist opens with it (the draft's sections wait beside it).
    if (v.file !== undefined && files.held.refused(v.file)) flow().attemptBlocked();
    // A page without an editor (an article list) has no draft to sign: the refusal is the answer.
    if (v.publish && draft.hasEditors()) this.stopped(hub.gestures.attempt(), o.route);
    else log.refused(o, v, flow().auditContext());
  }

  private async recheck(): Promise<void> {
    const { draft, files, panel } = this.p;
    await draft.rescanStale();
    await files.readLinks();
    try {
      panel.rechecked(await this.submittedBlocking(), null);
    } catch (e) {
      // Fail closed: the attempt stays blocked and the panel says the check could not finish.
      panel.rechecked(0, e instanceof Error ? e.message : String(e));
    }
  }

  /**
   * Block findings in what the editors' APIs would submit; null when not read now. A large draft's is
   * not read on the click: an editor's getContent() of 1 MB is one synchronous call of the page's own
   * code (≈ 1 s in TinyMCE) that cannot be sliced. Its hidden content is still looked for before
   * anything leaves: 发布 in the checklist reads the editors' APIs before letting the signed content
   * out (signoff-flow's publish()), and the gate judges every request on its own body.
   */
  private async submittedBlocking(): Promise<number | null> {
    const { draft, docs, options } = this.p;
    if (draft.isLarge()) return null;
    return (await scanSubmittedContent(docs(), options())).filter((f) => f.severity === 'block').length;
  }
}
