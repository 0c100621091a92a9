/**
 * What the checklist reads of the page (DraftSource): the findings the panel lists plus those of the
 * files the draft links to, the editors' text, where each finding stands, 全部打码, and the release of
 * exactly the signed content. Built from the controller's parts; nothing of its own.
 */
import type { ScanOptions } from '../scan/engine';
import type { TableColumn } from '../fix/groups';
import type { Finding } from '../scan/types';
import { requestEditorApis } from '../editors/api-bridge';
import { hiddenHtmlText } from '../gate/html-text';
import { scanSubmittedContent } from './api-check';
import type { DraftFiles } from './attachments/draft-files';
import type { DraftWatch, LocatedFinding } from './draft-watch';
import type { MaskFix } from './mask-fix';
import type { PanelView } from './panel-view';
import type { Release } from './release';
import type { DraftSource } from './signoff-flow';
import { tableColumnOf } from './table-column';

export interface ChecklistSourceParts {
  docs: () => Document[];
  options: () => ScanOptions;
  draft: DraftWatch;
  panel: PanelView;
  fix: MaskFix;
  release: Release;
  files: DraftFiles;
  /** The publish is about to be released: the panel and the signed items hear of it. */
  releasing: () => void;
  /** The CMS's ids of the item this page edits. */
  itemIds: () => string[];
}

/** Block findings in what the editors will submit that the page does not show. */
async function hiddenBlocking(p: ChecklistSourceParts): Promise<number> {
  const submitted = (await scanSubmittedContent(p.docs(), p.options())).filter((f) => f.severity === 'block').length;
  const onScreen = p.panel.findings.filter((e) => e.finding.severity === 'block').length;
  return Math.max(0, submitted - onScreen);
}

/**
 * The panel's entry of a finding, by a map made once per panel list (a list .find() per finding was
 * quadratic: thousands of findings on a 1 MB 公示 draft, each placed on every checklist render).
 */
function entryLookup(panel: PanelView): (finding: Finding) => LocatedFinding | undefined {
  let list: LocatedFinding[] | null = null;
  let byFinding = new Map<Finding, LocatedFinding>();
  return (finding) => {
    if (list !== panel.findings) {
      list = panel.findings;
      byFinding = new Map(list.map((e) => [e.finding, e]));
    }
    return byFinding.get(finding);
  };
}

export function checklistSource(p: ChecklistSourceParts): DraftSource {
  const { draft, panel, fix, release, files } = p;
  const { linked } = files;
  const entryOf = entryLookup(panel);
  // A finding's table column, read from the DOM once: a rescan makes new Finding objects, so a kept
  // column is never one of an older text.
  const columns = new WeakMap<Finding, TableColumn | null>();
  const columnOf = (entry: LocatedFinding): TableColumn | null => {
    let column = columns.get(entry.finding);
    if (column === undefined) {
      const range = entry.session?.rangeOf(entry.finding);
      column = (range && entry.session && tableColumnOf(range, entry.session.handle.root)) || null;
      columns.set(entry.finding, column);
    }
    return column;
  };
  // One list for everything that counts findings: the checklist, the popup's state and its page scan.
  return {
    findings: () => [...panel.findings.map(({ finding, where }) => ({ finding, where })), ...linked.findings()],
    scanError: () => panel.error ?? linked.error(),
    bodyText: () => draft.bodyText(),
    async rescan() {
      await draft.rescanStale();
      await files.readLinks();
    },
    reveal(finding) {
      const entry = entryOf(finding);
      if (entry) draft.reveal(entry);
    },
    focusPublish: () => release.control()?.focus(),
    place(finding) {
      const entry = entryOf(finding);
      const column = entry ? columnOf(entry) : null;
      return { where: entry?.session ? 'body' : 'title', source: entry ? fix.sourceOf(entry) : -1, ...(column && { column }) };
    },
    mask: (group) => fix.apply(group),
    maskPreview: (group) => fix.preview(group),
    undoMask: () => fix.undo(),
    release(signed) {
      p.releasing();
      return release.release(signed);
    },
    markupBeside: () => [...draft.markup(), ...requestEditorApis(p.docs()).map((c) => c.html)].map(hiddenHtmlText),
    // What the editors' APIs will really submit, read again now: text the page does not show
    // (hidden elements, comments in source mode) must not ride along with a sign-off.
    hiddenBlocking: () => hiddenBlocking(p),
    itemIds: p.itemIds,
    large: () => draft.isLarge(),
  };
}
