/**
 * Precheck on one CMS page (top frame): wires the draft watch, the painter, the panel, the early
 * checklist, the gate's refusals and the sign-off flow together. Each of those is its own object;
 * this file only connects them.
 */
import { sameOriginWindows } from '../editors';
import type { DraftFindings, PagePolicy, TabState } from '../messaging/protocol';
import type { ScanOptions } from '../scan/engine';
import { DraftWatch } from './draft-watch';
import { EarlyStop } from './early-stop';
import type { GateHub } from './gate/hub';
import { FindingPainter } from './paint';
import { PanelView } from './panel-view';
import { checklistSource } from './checklist-source';
import { ItemIdSync, type SignedItemsApi } from './item-id-sync';
import { Release } from './release';
import { PublishStops } from './publish-stops';
import { DraftFiles } from './attachments/draft-files';
import { RefusalLog } from './refusal-log';
import { startSignoffFlow, type DraftSource, type SignoffApi, type SignoffFlow } from './signoff-flow';
import { tickedItemIds } from './ticked-rows';
import { MaskFix } from './mask-fix';
import { keepDiscovering } from './keep-discovering';

export interface Controller {
  /** The page's policy arrived: its scan settings, the adapter's publish controls, the checklist's settings. */
  configure(options: ScanOptions, page: PagePolicy): void;
  /** For the popup: findings, fields and sign-off at a glance. */
  tabState(): TabState;
  /**
   * For the popup's 扫描此页面: the draft's findings after rescanning what changed — the list the
   * panel, the checklist and tabState() count, so the four never disagree.
   */
  draftFindings(): Promise<DraftFindings>;
  /** An editor was found on the page (a page without one may be a published item). */
  hasEditors(): boolean;
  /** Teach mode: the CMS's publish controls take real clicks (their requests held) until resumed. */
  pauseEarlyStop(): () => void;
  /** The page turned out to be outside the policy (another port of a granted host): Precheck leaves it. */
  dispose(): void;
}

export type { SignedItemsApi } from './item-id-sync';

/** The page's parts, each its own object; built together because each calls on others. */
interface Parts {
  painter: FindingPainter;
  early: EarlyStop;
  draft: DraftWatch;
  panel: PanelView;
  ids: ItemIdSync;
  source: DraftSource;
  flow: SignoffFlow;
  stops: PublishStops;
  docs: () => Document[];
}

/**
 * In this order because constructors act (the panel mounts its host, the flow mounts the checklist's
 * and starts listening). A part made later is reached through a closure, which runs only once all are made.
 */
function buildParts(top: Window, hub: GateHub, options: () => ScanOptions, signoffApi: SignoffApi, items?: SignedItemsApi): Parts {
  const painter = new FindingPainter(top);
  const early = new EarlyStop({
    hasDraft: () => draft.hasDraft(),
    stopped: ({ control }) => stops.stopped({ kind: 'click', control }, 'click'),
    frameLoaded: () => draft.discover(),
  });
  const draft: DraftWatch = new DraftWatch(top, options(), {
    editorChanged: () => {
      panel.render();
      painter.paint(draft.sessions.values());
    },
    titleChanged: () => panel.render(),
    windowFound: (w) => {
      early.ensure(w);
      // gestures, and the files chosen, dropped or pasted there (an editor's frame too)
      hub.watch(w);
    },
  });
  const panel: PanelView = new PanelView(top.document, draft, () => flow.changed());
  const release = new Release(hub.gate, early);
  const docs = () => sameOriginWindows(top).map((w) => w.document);
  const files = new DraftFiles(hub.files, draft, top);
  hub.files.onChange(() => flow.changed());
  const ids = new ItemIdSync(top, hub, () => flow.tabState().signoff === 'signed', items);
  const releasing = () => {
    panel.released();
    // A linked file's sign-off covered this publish only: the next one asks the reviewer again.
    files.held.published();
    ids.released();
  };
  const source = checklistSource({ docs, options, draft, panel, fix: new MaskFix(draft), release, files, releasing, itemIds: () => ids.ids() });
  const flow = startSignoffFlow(top, source, signoffApi, {
    list: () => files.held.list(),
    signed(key, signoff) {
      // An upload goes once; a linked file is already on the server, its sign-off is for the publish.
      if (files.held.signedOff(key, { reviewerName: signoff.reviewerName, at: signoff.at }) === 'upload') hub.filePasses.grant(key);
    },
  });
  const log = new RefusalLog((entry) => signoffApi.recordAudit(entry));
  const stops = new PublishStops({ top, hub, draft, panel, release, files, log, flow: () => flow, docs, options });
  return { painter, early, draft, panel, ids, source, flow, stops, docs };
}

/** The gate asks the draft what is signed; what it judged and what came of it go to the parts that act on them. */
function connectGate(hub: GateHub, { draft, docs, ids, stops, flow }: Parts): void {
  hub.attach(
    () => draft.fingerprint(),
    () => tickedItemIds(docs()),
  );
  hub.gate.onJudged((o, verdict) => (verdict.pass ? ids.passed(o, verdict) : stops.refused(o, verdict)));
  hub.onOutcome((o) => {
    flow.outcome(o);
    ids.outcome(o);
  });
}

export function startController(top: Window, hub: GateHub, initial: ScanOptions, signoffApi: SignoffApi, items?: SignedItemsApi): Controller {
  let options = initial;
  const parts = buildParts(top, hub, () => options, signoffApi, items);
  connectGate(hub, parts);
  const { painter, early, draft, panel, ids, source, flow } = parts;
  const stopDiscovering = keepDiscovering(top, draft, painter);

  return {
    configure(next, page) {
      options = next;
      flow.configure(page);
      early.selectors = page.adapter?.publishButtons ?? [];
      draft.configure(next);
      ids.configure(page);
    },
    tabState: () => flow.tabState(),
    async draftFindings() {
      try {
        await draft.rescanStale();
      } catch (e) {
        return { ok: false, error: e instanceof Error ? e.message : String(e) };
      }
      return { ok: true, url: top.location.href, title: top.document.title, findings: source.findings().map((l) => l.finding) };
    },
    hasEditors: () => draft.hasEditors(),
    pauseEarlyStop: () => early.pause(),
    dispose() {
      stopDiscovering();
      early.enabled = false;
      draft.dispose();
      painter.paint([]);
      panel.dispose();
    },
  };
}
