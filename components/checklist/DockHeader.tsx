import { terms } from '../../lib/i18n';
import { button, small } from './styles';
import type { DockControls } from './types';

/** The dock's title (the dialog is labelled by it), whose draft this is, and the collapse button. */
export function DockHeader({ editor, dock }: { editor: string | null; dock: DockControls }) {
  const t = terms();
  return (
    <header style={{ display: 'flex', alignItems: 'baseline', gap: 8, padding: '12px 16px 8px' }}>
      <h2 id="precheck-checklist-title" style={{ margin: 0, fontSize: 18, flex: 1 }}>
        {t.checklist}
      </h2>
      <span style={small}>
        {t.role.editor}
        {t.colon}
        {editor ?? '—'}
      </span>
      <button type="button" style={button} data-action="collapse" onClick={dock.toggle} aria-label={t.action.collapse}>
        »
      </button>
    </header>
  );
}
