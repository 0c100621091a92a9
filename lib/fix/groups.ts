/**
 * A pasted 低保 table holds dozens of IDs and phones: listed one by one they bury the editor. Findings
 * are grouped by where they are (title, or which editor), by kind, and — inside a table — by column,
 * so that "身份证号码 列：25 项" is one line with one "全部打码". Pure: the page says where each
 * finding stands (lib/content/table-column.ts); this only sorts them into groups.
 */
import { SEVERITY_RANK, type Finding, type Kind, type Severity } from '../scan/types';
import { isMaskable } from './publish-mask';

/** A table column in the draft: which table (a number that tells the page's tables apart), which column, its header. */
export interface TableColumn {
  table: number;
  /** 0-based, counting column spans. */
  index: number;
  /** The header cell's text, when the table has a header row; the page's own words. */
  header: string | null;
}

export interface GroupItem {
  /** The finding's override key (lib/signoff/checklist.ts findingKeys). */
  key: string;
  finding: Finding;
  /** 'title' or 'body' (an editor's text). */
  where: 'title' | 'body';
  /** Which editor: its position among the page's editors; -1 for the title. */
  source: number;
  column?: TableColumn;
}

export interface FindingGroup {
  id: string;
  kind: Kind;
  where: GroupItem['where'];
  source: number;
  column?: TableColumn;
  /** The worst severity in the group. */
  severity: Severity;
  counts: Record<Severity, number>;
  items: GroupItem[];
  /** "全部打码" applies: a personal kind in an editor (the title is the CMS's field, not an editor). */
  maskable: boolean;
}

function groupId(item: GroupItem): string {
  const column = item.column ? `${item.column.table}:${item.column.index}` : '-';
  return `${item.where}|${item.source}|${item.finding.kind}|${column}`;
}

/** Groups in the order an editor works through them: the worst first, then as they appear. */
export function groupFindings(items: readonly GroupItem[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const item of items) {
    const id = groupId(item);
    let group = groups.get(id);
    if (!group) {
      group = {
        id,
        kind: item.finding.kind,
        where: item.where,
        source: item.source,
        ...(item.column && { column: item.column }),
        severity: item.finding.severity,
        counts: { block: 0, warn: 0, info: 0 },
        items: [],
        maskable: item.where === 'body' && isMaskable(item.finding.kind),
      };
      groups.set(id, group);
    }
    group.items.push(item);
    group.counts[item.finding.severity]++;
    if (SEVERITY_RANK[item.finding.severity] > SEVERITY_RANK[group.severity]) group.severity = item.finding.severity;
  }
  const order = [...groups.values()];
  const first = (g: FindingGroup) => (g.where === 'title' ? -1 : g.source * 1e9 + g.items.reduce((m, i) => Math.min(m, i.finding.start), Infinity));
  return order.sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || first(a) - first(b));
}
