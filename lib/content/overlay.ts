import type { Severity } from '../scan/types';

export interface OverlayItem {
  range: Range;
  severity: Severity;
}

const COLOR: Record<Severity, string> = {
  block: 'rgba(229, 57, 53, 0.28)',
  warn: 'rgba(255, 179, 0, 0.30)',
  info: 'rgba(120, 144, 156, 0.18)',
};

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A rect in a frame's viewport, moved into the top viewport and clipped to every frame on the way. */
function toTopViewport(rect: DOMRect, win: Window): Box | null {
  let box: Box = { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
  for (let w = win; w !== w.parent && w.frameElement; w = w.parent) {
    const frame = w.frameElement.getBoundingClientRect();
    const dx = frame.left + w.frameElement.clientLeft;
    const dy = frame.top + w.frameElement.clientTop;
    box = {
      left: Math.max(box.left + dx, frame.left),
      top: Math.max(box.top + dy, frame.top),
      right: Math.min(box.right + dx, frame.right),
      bottom: Math.min(box.bottom + dy, frame.bottom),
    };
    if (box.right <= box.left || box.bottom <= box.top) return null;
  }
  return box;
}

/**
 * Fallback for browsers without the CSS Custom Highlight API: translucent boxes drawn over the
 * findings from Range.getClientRects(), in a layer on the top document that ignores the pointer.
 * The editor's DOM is never touched; the boxes follow scrolling in every frame.
 */
export class OverlayPainter {
  private readonly layer: HTMLElement;
  private items: OverlayItem[] = [];
  private frame = 0;
  private readonly watched = new WeakSet<Window>();

  constructor(private readonly top: Window) {
    const host = top.document.createElement('precheck-overlay');
    const shadow = host.attachShadow({ mode: 'open' });
    this.layer = top.document.createElement('div');
    this.layer.style.cssText = 'position:fixed;inset:0;pointer-events:none;z-index:2147483646;';
    shadow.append(this.layer);
    (top.document.body ?? top.document.documentElement).after(host);
    this.watch(top);
  }

  paint(items: OverlayItem[]): void {
    this.items = items;
    for (const { range } of items) {
      const win = range.startContainer.ownerDocument?.defaultView;
      if (win) this.watch(win);
    }
    this.schedule();
  }

  get boxCount(): number {
    return this.layer.childElementCount;
  }

  private watch(win: Window): void {
    if (this.watched.has(win)) return;
    this.watched.add(win);
    win.addEventListener('scroll', () => this.schedule(), { capture: true, passive: true });
    win.addEventListener('resize', () => this.schedule(), { passive: true });
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = this.top.requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private draw(): void {
    const doc = this.top.document;
    const boxes: HTMLElement[] = [];
    for (const { range, severity } of this.items) {
      const win = range.startContainer.ownerDocument?.defaultView;
      if (!win) continue;
      for (const rect of range.getClientRects()) {
        const box = toTopViewport(rect, win);
        if (!box) continue;
        const el = doc.createElement('div');
        el.dataset.severity = severity;
        el.style.cssText = `position:fixed;left:${box.left}px;top:${box.top}px;width:${box.right - box.left}px;height:${box.bottom - box.top}px;background:${COLOR[severity]};border-bottom:2px solid ${severity === 'block' ? '#c62828' : '#b26a00'};`;
        boxes.push(el);
      }
    }
    this.layer.replaceChildren(...boxes);
  }
}
