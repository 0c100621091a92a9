import { createRoot } from 'react-dom/client';
import { FOCUS_CSS } from '../../components/checklist/styles';
import { Panel, type PanelActions, type PanelState } from '../../components/Panel';

/**
 * The panel lives in a shadow root on the top document: page CSS does not reach it, its CSS
 * does not leak, and it is outside every editor's DOM.
 */
export function mountPanel(doc: Document, actions: PanelActions): { render(state: PanelState): void; unmount(): void } {
  const host = doc.createElement('precheck-panel');
  host.setAttribute('data-precheck', '');
  const shadow = host.attachShadow({ mode: 'open' });
  const mount = doc.createElement('div');
  const focus = doc.createElement('style');
  focus.textContent = FOCUS_CSS;
  shadow.append(focus, mount);
  (doc.body ?? doc.documentElement).after(host);
  const root = createRoot(mount);
  // Counts mirrored on the host element: cheap for tests and for the popup to read.
  return {
    render(state) {
      host.dataset.block = String(state.items.filter((i) => i.finding.severity === 'block').length);
      host.dataset.warn = String(state.items.filter((i) => i.finding.severity === 'warn').length);
      host.dataset.blocked = state.blocked ? 'true' : 'false';
      root.render(<Panel state={state} actions={actions} />);
    },
    unmount() {
      root.unmount();
      host.remove();
    },
  };
}
