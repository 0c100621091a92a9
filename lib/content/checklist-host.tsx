import { createRoot, type Root } from 'react-dom/client';
import { ChecklistDock, type ChecklistDockProps } from '../../components/checklist/ChecklistDock';
import { DOCK_COLLAPSED, DOCK_WIDTH, FOCUS_CSS } from '../../components/checklist/styles';

export type ChecklistProps = Omit<ChecklistDockProps, 'dock'>;

export interface ChecklistHost {
  /** Shows the checklist (attaching it on first use) with these props. */
  render(props: ChecklistProps): void;
  /** Takes the checklist off the screen; its inputs, PINs included, are discarded. */
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
  ['top', '0'],
  ['right', '0'],
  ['bottom', '0'],
  ['z-index', '2147483647'],
  ['display', 'block'],
];

/**
 * Typing in the checklist must not reach the CMS's own key handlers (hotkeys, "unsaved changes"
 * tracking). They run in the bubble phase above the host; React has handled the event by then.
 */
const KEPT_INSIDE = ['keydown', 'keyup', 'keypress', 'input', 'beforeinput'];

/** The narrowest dock that still fits its buttons, and the room the editor keeps at the least. */
const MIN_WIDTH = 320;
const MIN_PAGE = 560;

/**
 * Makes room for the dock: the page is narrowed by its width (a margin on <html>), so the editor
 * reflows beside it instead of under it. The page's own inline value comes back when it closes.
 */
function pageMargin(doc: Document) {
  const html = doc.documentElement;
  let saved: [string, string] | null = null;
  return {
    set(px: number) {
      saved ??= [html.style.getPropertyValue('margin-right'), html.style.getPropertyPriority('margin-right')];
      html.style.setProperty('margin-right', `${px}px`, 'important');
    },
    restore() {
      if (!saved) return;
      if (saved[0]) html.style.setProperty('margin-right', saved[0], saved[1]);
      else html.style.removeProperty('margin-right');
      saved = null;
    },
  };
}

/**
 * The pre-publish checklist in a shadow root on the top document, docked on the right: page CSS
 * does not reach it, and it is outside every editor's DOM. Attached only when first shown, so a page
 * that never publishes never gets the element. While `overlay()` says so (a large draft), it lies
 * over the page's right edge instead of narrowing the page: narrowing makes the editor lay out the
 * whole draft again, one frame of seconds for a 1 MB 公示 list.
 */
export function mountChecklist(doc: Document, overlay: () => boolean = () => false): ChecklistHost {
  let host: HTMLElement | null = null;
  let root: Root | null = null;
  let last: ChecklistProps | null = null;
  let collapsed = false;
  let width = DOCK_WIDTH;
  const margin = pageMargin(doc);

  function attach(): Root {
    if (!host) {
      host = doc.createElement('precheck-checklist');
      host.setAttribute('data-precheck', '');
      for (const [prop, value] of HOST_STYLE) host.style.setProperty(prop, value, 'important');
      for (const type of KEPT_INSIDE) host.addEventListener(type, (e) => e.stopPropagation());
      // Open: Playwright's locators (the e2e tests) reach through open shadow roots only.
      const shadow = host.attachShadow({ mode: 'open' });
      const mount = doc.createElement('div');
      mount.style.height = '100%';
      const focus = doc.createElement('style');
      focus.textContent = FOCUS_CSS;
      shadow.append(focus, mount);
      root = createRoot(mount);
    }
    return root!;
  }

  const dock = {
    toggle() {
      collapsed = !collapsed;
      if (last) show(last);
    },
    resize(px: number) {
      const viewport = doc.defaultView?.innerWidth ?? 1366;
      width = Math.round(Math.max(MIN_WIDTH, Math.min(px, viewport - MIN_PAGE)));
      if (last) show(last);
    },
  };

  function show(props: ChecklistProps): void {
    last = props;
    const r = attach();
    // Opening puts the checklist last in the document, above Precheck's panel and anything the page
    // added; document.open (or a CMS rebuilding <body>) may also have dropped it.
    if (host!.style.getPropertyValue('display') !== 'block' || !host!.isConnected) doc.documentElement.append(host!);
    const px = collapsed ? DOCK_COLLAPSED : width;
    host!.style.setProperty('display', 'block', 'important');
    host!.style.setProperty('width', `${px}px`, 'important');
    if (overlay()) margin.restore();
    else margin.set(px);
    host!.dataset.complete = props.result.complete ? 'true' : 'false';
    r.render(<ChecklistDock {...props} dock={{ ...dock, collapsed }} />);
  }

  return {
    render: show,
    hide() {
      if (!host || !root) return;
      root.render(null);
      last = null;
      host.style.setProperty('display', 'none', 'important');
      margin.restore();
      delete host.dataset.complete;
    },
    unmount() {
      root?.unmount();
      host?.remove();
      margin.restore();
      root = null;
      host = null;
      last = null;
    },
  };
}
