import { statusText, terms } from '../../lib/i18n';
import { COLOR, button, primary } from './styles';
import type { ChecklistResult } from '../../lib/signoff/types';
import type { ChecklistActions } from './types';

interface DockFooterProps {
  result: ChecklistResult;
  /** openCount(result), counted once by the dock for the strip and the status alike. */
  open: number;
  busy: boolean;
  actions: Pick<ChecklistActions, 'close' | 'publish'>;
}

/** The status line, 关闭, and 发布: disabled while anything is open or a request is running. */
export function DockFooter({ result, open, busy, actions }: DockFooterProps) {
  const t = terms();
  const held = !result.complete || busy;
  return (
    <footer style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '10px 16px', borderTop: `1px solid ${COLOR.line}` }}>
      <span data-status="" data-open={open} style={{ flex: 1, color: result.complete ? COLOR.ok : COLOR.block }}>
        {result.complete ? t.status.ready : statusText('status_open', open)}
      </span>
      <button type="button" style={button} data-action="close" onClick={actions.close}>
        {t.action.close}
      </button>
      <button type="button" style={{ ...primary, ...(held ? { opacity: 0.6, cursor: 'not-allowed' } : {}) }} data-action="publish" disabled={held} onClick={actions.publish}>
        {busy ? t.status.working : t.action.publish}
      </button>
    </footer>
  );
}
