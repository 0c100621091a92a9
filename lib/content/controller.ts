/**
 * Precheck on one CMS page (top frame): wires the draft watch, the painter, the panel, the early
 * checklist, the gate's refusals and the sign-off flow together. Each of those is its own object;
 * this file only connects them.
 */
import { sameOriginWindows } from '../editors';
import type { Outgoing, Verdict } from '../gate/types';
import type { DraftFindings, PagePolicy, TabState } from '../messaging/protocol';
import type { ScanOptions } from '../scan/engine';
import { scanSubmittedContent } from './api-check';
import { HeldUploads } from './attachments/held-uploads';
import { hrefsOf, LinkedAttachments } from './attachments/linked';
import { DraftWatch } from './draft-watch';
import { EarlyStop } from './early-stop';
import type { GateHub } from './gate/hub';
import { FindingPainter } from './paint';
import { PanelView } from './panel-view';
import { itemIdOfSaveResponse, itemIdsOfPage, useItemIdRule } from './item-id-capture';
import { namedItems } from './item-titles';
import { Release, type Attempt } from './release';
import { RefusalLog } from './refusal-log';
import { startSignoffFlow, type SignoffApi } from './signoff-flow';
import { tickedItemIds } from './ticked-rows';
import { MaskFix } from './mask-fix';
import { tableColumnOf } from './table-column';

const DISCOVER_EVERY_MS = 1000;

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
  /** The page turned out to be outside the policy (another port of a granted host): Precheck leaves it. */
  dispose(): void;
}

/** The background's store of signed items (publish by id from the list passes for them). */
export interface SignedItemsApi {
  revoke(ids: string[]): void;
  /** The released publish's save response named the new item: it is signed too. */
  saved(id: string): void;
}

export function startController(top: Window, hub: GateHub, initial: ScanOptions, signoffApi: SignoffApi, items?: SignedItemsApi): Controller {
  let options = initial;
  const painter = new FindingPainter(top);
  const early = new EarlyStop({
    hasDraft: () => draft.fingerprint() !== null,
    stopped: ({ control }) => stopped({ kind: 'click', control }, 'click'),
    frameLoaded: () => draft.discover(),
  });
  const draft: DraftWatch = new DraftWatch(top, options, {
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
  const log = new RefusalLog((entry) => signoffApi.recordAudit(entry));
  const docs = () => sameOriginWindows(top).map((w) => w.document);
  const fix = new MaskFix(draft);
  // Uploads refused for what the file holds, and linked files with a block finding or not checkable,
  // until a reviewer signs off on exactly that file.
  const held = new HeldUploads(hub.files);
  // The files the draft links to on the CMS's origin, read at checklist time (their findings join it
  // until a reviewer signs that file off for the publish).
  const linked = new LinkedAttachments(hub.files, (key) => held.isLinkSigned(key));
  const readLinks = async () => {
    await linked.refresh([...draft.sessions.values()].flatMap((s) => hrefsOf(s.handle.root)), top.document.baseURI, top.location.origin);
    held.linkedNow(linked.linkedKeys());
  };
  hub.files.onChange(() => flow.changed());
  // One list for everything that counts findings: the checklist, the popup's state and its page scan.
  const located = () => [...panel.findings.map(({ finding, where }) => ({ finding, where })), ...linked.findings()];

  const flow = startSignoffFlow(
    top,
    {
      findings: located,
      scanError: () => panel.error ?? linked.error(),
      bodyText: () => draft.bodyText(),
      async rescan() {
        await draft.rescanStale();
        await readLinks();
      },
      reveal(finding) {
        const entry = panel.findings.find((e) => e.finding === finding);
        if (entry) draft.reveal(entry);
      },
      focusPublish: () => release.control()?.focus(),
      place(finding) {
        const entry = panel.findings.find((e) => e.finding === finding);
        const range = entry?.session?.rangeOf(finding);
        const column = range && entry?.session ? tableColumnOf(range, entry.session.handle.root) : undefined;
        return { where: entry?.session ? 'body' : 'title', source: entry ? fix.sourceOf(entry) : -1, ...(column && { column }) };
      },
      mask: (group) => fix.apply(group),
      maskPreview: (group) => fix.preview(group),
      undoMask: () => fix.undo(),
      release(signed) {
        panel.released();
        // A linked file's sign-off covered this publish only: the next one asks the reviewer again.
        held.published();
        // Publishing the saved item by id (publish.do?id=42) right here passes like it would from the list.
        hub.addSignedItems(itemIdsOfPage(top));
        return release.release(signed);
      },
      async hiddenBlocking() {
        // What the editors' APIs will really submit, read again now: text the page does not show
        // (hidden elements, comments in source mode) must not ride along with a sign-off.
        const submitted = (await scanSubmittedContent(docs(), options)).filter((f) => f.severity === 'block').length;
        const onScreen = panel.findings.filter((e) => e.finding.severity === 'block').length;
        return Math.max(0, submitted - onScreen);
      },
    },
    signoffApi,
    {
      list: () => held.list(),
      signed(key, signoff) {
        // An upload goes once; a linked file is already on the server, its sign-off is for the publish.
        if (held.signedOff(key, { reviewerName: signoff.reviewerName, at: signoff.at }) === 'upload') hub.filePasses.grant(key);
      },
    },
  );

  /** A publish was stopped (early, or its request refused): the checklist opens, the draft is rechecked. */
  function stopped(attempt: Attempt, route: string): void {
    release.note(attempt);
    panel.stopped();
    flow.attemptBlocked();
    top.setTimeout(() => void recheck().then(() => flow.attemptChecked(route)), 0);
  }

  async function recheck(): Promise<void> {
    await draft.rescanStale();
    await readLinks();
    try {
      const submitted = (await scanSubmittedContent(docs(), options)).filter((f) => f.severity === 'block').length;
      panel.rechecked(submitted, null);
    } catch (e) {
      // Fail closed: the attempt stays blocked and the panel says the check could not finish.
      panel.rechecked(0, e instanceof Error ? e.message : String(e));
    }
  }

  hub.attach(
    () => draft.fingerprint(),
    () => tickedItemIds(docs()),
  );
  /**
   * The item saved again with content that is not the signed one: what the CMS holds is no longer what
   * was signed, so publishing it from the list must not pass on the old sign-off.
   */
  function savedUnsigned(): void {
    const ids = itemIdsOfPage(top);
    if (ids.length === 0 || flow.tabState().signoff === 'signed') return;
    hub.removeSignedItems(ids);
    items?.revoke(ids);
  }

  hub.gate.onJudged((o: Outgoing, verdict: Verdict) => {
    if (verdict.pass) {
      if (verdict.reason === 'draft-save') savedUnsigned();
      return;
    }
    // Items refused on a list page are named by their titles where the page shows them.
    const v = verdict.items ? { ...verdict, items: namedItems(docs(), verdict.items) } : verdict;
    panel.refused(o, v);
    // A file a reviewer may sign off: the checklist opens with it (the draft's sections wait beside it).
    if (v.file !== undefined && held.refused(v.file)) flow.attemptBlocked();
    // A page without an editor (an article list) has no draft to sign: the refusal is the answer.
    if (v.publish && draft.hasEditors()) stopped(hub.gestures.attempt(), o.route);
    else log.refused(o, v, flow.auditContext());
  });
  hub.onOutcome((o) => {
    flow.outcome(o);
    const id = itemIdOfSaveResponse(o.response);
    if (!id) return;
    hub.addSignedItems([id]);
    items?.saved(id);
  });

  const discover = () => draft.discover();
  discover();
  const ticker = top.setInterval(discover, DISCOVER_EVERY_MS);
  top.addEventListener('load', discover);

  return {
    configure(next, page) {
      options = next;
      flow.configure(page);
      early.selectors = page.adapter?.publishButtons ?? [];
      useItemIdRule(page.adapter?.itemId);
      draft.configure(next);
    },
    tabState: () => flow.tabState(),
    async draftFindings() {
      try {
        await draft.rescanStale();
      } catch (e) {
        return { ok: false, error: e instanceof Error ? e.message : String(e) };
      }
      return { ok: true, url: top.location.href, title: top.document.title, findings: located().map((l) => l.finding) };
    },
    hasEditors: () => draft.hasEditors(),
    dispose() {
      top.clearInterval(ticker);
      top.removeEventListener('load', discover);
      early.enabled = false;
      draft.dispose();
      painter.paint([]);
      panel.dispose();
    },
  };
}
