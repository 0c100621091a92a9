/**
 * Teach mode's screen, in a shadow root over the CMS page: a transparent layer that takes every click
 * (so nothing on the page is pressed while picking), the boxes of what was picked and of what is under
 * the pointer, and a banner with the question, 跳过 and 取消.
 */
import { topRect } from './pick-dom';
import { teachText } from './strings';

const Z = '2147483647';
const CSS = `
  :host { all: initial; }
  .layer { position: fixed; inset: 0; z-index: ${Z}; cursor: crosshair; background: transparent; }
  .box { position: fixed; z-index: ${Z}; pointer-events: none; box-sizing: border-box; border: 2px solid #1a73e8; background: rgba(26,115,232,.12); border-radius: 2px; }
  .box.picked { border-color: #1b7f3b; background: rgba(27,127,59,.12); }
  .box span { position: absolute; left: -2px; top: -20px; font: 12px/18px system-ui, sans-serif; background: #1b7f3b; color: #fff; padding: 0 4px; border-radius: 2px; white-space: nowrap; }
  .banner { position: fixed; z-index: ${Z}; top: 8px; left: 50%; transform: translateX(-50%); max-width: 90vw;
    font: 14px/1.5 system-ui, "Microsoft YaHei", sans-serif; color: #222; background: #fffbe6; border: 1px solid #e0c200;
    border-radius: 6px; box-shadow: 0 2px 10px rgba(0,0,0,.2); padding: 8px 12px; display: flex; gap: 10px; align-items: center; }
  .banner button { font: inherit; padding: 2px 10px; cursor: pointer; }
  .msg { flex: 1; }
  .err { color: #b3261e; }`;

export class TeachView {
  readonly host: HTMLElement;
  readonly layer: HTMLElement;
  readonly skip: HTMLButtonElement;
  readonly cancel: HTMLButtonElement;
  private readonly boxes: HTMLElement;
  private readonly hover: HTMLElement;
  private readonly msg: HTMLElement;

  constructor(private readonly doc: Document) {
    this.host = doc.createElement('precheck-teach');
    this.host.setAttribute('data-precheck', '');
    const shadow = this.host.attachShadow({ mode: 'open' });
    shadow.innerHTML = `<style>${CSS}</style>
<div class="layer" part="layer"></div>
<div class="boxes"></div>
<div class="box hover" hidden></div>
<div class="banner" role="dialog" aria-live="polite">
  <span class="msg"></span>
  <button type="button" class="skip"></button>
  <button type="button" class="cancel"></button>
</div>`;
    const $ = <T extends HTMLElement>(sel: string) => shadow.querySelector<T>(sel)!;
    [this.layer, this.boxes, this.hover, this.msg] = [$('.layer'), $('.boxes'), $('.box.hover'), $('.msg')];
    [this.skip, this.cancel] = [$<HTMLButtonElement>('.skip'), $<HTMLButtonElement>('.cancel')];
    this.skip.textContent = teachText('skip');
    this.cancel.textContent = teachText('cancel');
    (doc.body ?? doc.documentElement).after(this.host);
  }

  set step(step: string) {
    this.host.dataset.step = step;
  }

  get step(): string {
    return this.host.dataset.step ?? '';
  }

  say(text: string, error = false): void {
    this.msg.className = error ? 'msg err' : 'msg';
    this.msg.textContent = text;
  }

  /** The boxes of the elements picked so far, each labelled with its step. */
  showPicked(picked: readonly { el: Element; label: string }[]): void {
    this.boxes.replaceChildren(
      ...picked.map((p) => {
        const box = this.doc.createElement('div');
        box.className = 'box picked';
        const label = this.doc.createElement('span');
        label.textContent = p.label;
        box.append(label);
        place(box, p.el);
        return box;
      }),
    );
  }

  hoverOver(el: Element | null): void {
    if (el) place(this.hover, el);
    this.hover.hidden = el === null;
  }

  /** The page takes real clicks again (a list control shown to Precheck), or the layer catches them. */
  passClicks(pass: boolean): void {
    this.layer.hidden = pass;
    if (pass) this.hover.hidden = true;
  }

  /** The end: no layer, no 跳过; 取消 becomes 关闭. */
  ended(state: string, text: string, error: boolean): void {
    this.layer.remove();
    this.hover.hidden = true;
    this.skip.hidden = true;
    this.cancel.textContent = teachText('close');
    this.step = state;
    this.say(text, error);
  }
}

function place(box: HTMLElement, el: Element): void {
  const r = topRect(el);
  Object.assign(box.style, { left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
}
