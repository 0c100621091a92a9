import { createRoot, type Root } from 'react-dom/client';
import { ChecklistModal, type ChecklistModalProps } from '../../components/checklist/ChecklistModal';

export interface ChecklistHost {
  /** Shows the dialog (attaching it on first use) with these props. */
  render(props: ChecklistModalProps): void;
  /** Takes the dialog off the screen; its inputs, PINs included, are discarded. */
  hide(): void;
  /** Removes the host element for good. */
  unmount(): void;
}

/**
 * Host properties set through the CSSOM with !important: an inline !important declaration beats the
 * page's stylesheets (even their !important ones), and CSSOM writes are not subject to the page's CSP.
 * `all: initial` first, so no inherited page font or colour reaches into the shadow root.
 */
const HOST_STYLE: [string, string][] = [
  ['all', 'initial'],
  ['position', 'fixed'],
  ['inset', '0'],
  ['z-index', '2147483647'],
  ['display', 'block'],
];

/**
 * Typing in the dialog must not reach the CMS's own key handlers (hotkeys, "unsaved changes"
 * tracking). They run in the bubble phase above the host; React has handled the event by then.
 */
const KEPT_INSIDE = ['keydown', 'keyup', 'keypress', 'input', 'beforeinput'];

/**
 * The pre-publish checklist in a shadow root on the top document, over the whole page: page CSS
 * does not reach it, and it is outside every editor's DOM. Attached only when first shown, so a page
 * that never publishes never gets the element.
 */
export function mountChecklist(doc: Document): ChecklistHost {
  let host: HTMLElement | null = null;
  let root: Root | null = null;

  function attach(): Root {
    if (!host) {
      host = doc.createElement('precheck-checklist');
      host.setAttribute('data-precheck', '');
      for (const [prop, value] of HOST_STYLE) host.style.setProperty(prop, value, 'important');
      for (const type of KEPT_INSIDE) host.addEventListener(type, (e) => e.stopPropagation());
      // Open: Playwright's locators (the e2e tests) reach through open shadow roots only.
      const shadow = host.attachShadow({ mode: 'open' });
      const mount = doc.createElement('div');
      shadow.append(mount);
      root = createRoot(mount);
    }
    return root!;
  }

  return {
    render(props) {
      const r = attach();
      // Opening puts the dialog last in the document, above Precheck's panel and anything the page
      // added; document.open (or a CMS rebuilding <body>) may also have dropped it.
      if (host!.style.getPropertyValue('display') !== 'block' || !host!.isConnected) doc.documentElement.append(host!);
      host!.style.setProperty('display', 'block', 'important');
      host!.dataset.complete = props.result.complete ? 'true' : 'false';
      r.render(<ChecklistModal {...props} />);
    },
    hide() {
      if (!host || !root) return;
      root.render(null);
      host.style.setProperty('display', 'none', 'important');
      delete host.dataset.complete;
    },
    unmount() {
      root?.unmount();
      host?.remove();
      root = null;
      host = null;
    },
  };
}
