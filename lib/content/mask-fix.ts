/**
 * "全部打码" on the page: the findings of one group are masked in their editor through the editor's
 * own API (lib/editors/edit-bridge.ts), as one undoable step, and the last such step can be undone.
 * Only the offsets and the masks go to the MAIN world; it checks the text still masks the same.
 */
import { requestEdit, type EditResult, type MaskEdit } from '../editors/edit-bridge';
import { publishMask } from '../fix/publish-mask';
import type { FindingGroup } from '../fix/groups';
import type { DraftWatch, LocatedFinding } from './draft-watch';
import type { EditorSession } from './editor-session';
import { statusText } from '../i18n';

/** Why 全部打码 did not happen, in the page's language. */
export function maskMessage(r: Extract<EditResult, { ok: false }>): string {
  if (r.reason === 'changed') return statusText('mask_changed');
  if (r.reason === 'edited') return statusText('mask_undo_edited');
  if (r.reason === 'failed') return statusText('mask_failed', r.detail ?? '');
  return statusText('mask_unsupported');
}

export class MaskFix {
  private last: EditorSession | null = null;

  constructor(private readonly draft: DraftWatch) {}

  /** The editor a finding is in, by its position on the page (-1: the title). */
  sourceOf(entry: LocatedFinding): number {
    return entry.session ? [...this.draft.sessions.values()].indexOf(entry.session) : -1;
  }

  private session(source: number): EditorSession | undefined {
    return [...this.draft.sessions.values()][source];
  }

  /** What "全部打码" would write for the group's first finding (shown before it is applied). */
  preview(group: FindingGroup): string | null {
    const s = this.session(group.source);
    const f = group.items[0]?.finding;
    return s && f ? publishMask(f.kind, s.text.slice(f.start, f.end)) : null;
  }

  apply(group: FindingGroup): EditResult {
    const s = this.session(group.source);
    if (!s || !group.maskable) return { ok: false, reason: 'no-editor' };
    const text = s.text;
    const edits: MaskEdit[] = group.items.flatMap(({ finding: f }) => {
      const replacement = publishMask(f.kind, text.slice(f.start, f.end));
      return replacement === null ? [] : [{ start: f.start, end: f.end, kind: f.kind, replacement }];
    });
    const result = requestEdit(s.handle.root, { op: 'mask', textLength: text.length, edits });
    if (result.ok) {
      this.last = s;
      s.schedule(0);
    }
    return result;
  }

  get canUndo(): boolean {
    return this.last !== null;
  }

  undo(): EditResult {
    const s = this.last;
    if (!s) return { ok: false, reason: 'no-editor' };
    this.last = null;
    const result = requestEdit(s.handle.root, { op: 'undo' });
    s.schedule(0);
    return result;
  }
}
