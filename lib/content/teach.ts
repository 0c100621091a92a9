/**
 * "Teach Precheck this CMS" pick mode (top frame only). A banner asks, in order, for the title, 栏目,
 * category, disclosure-mode and reviewer fields (each may be skipped) and the publish control, then to
 * press the CMS's own 保存草稿 and 发布 once each while Precheck holds both requests, which give the
 * draft-save and publish rules (teach/save-demonstration.ts; skippable); on a
 * page without an editor (an article list) for the list's publish control, whose request is read from
 * its markup (list-publish-from-control.ts) or, when a script builds it, from the one request the
 * administrator sends while Precheck holds it (teach/demonstration.ts). A transparent layer takes every
 * click meanwhile, so nothing on the page is pressed while picking. At the end the picks become a
 * site adapter, handed to `save`.
 */
import { sameOriginWindows } from '../editors';
import { pick } from '../i18n';
import { adapterFromPicks, listAdapterFromPick, framePathFor, sameFrame, selectorFor, type Pick, type Picks } from '../policy/adapter-from-picks';
import { listPublishFromControl } from '../policy/list-publish-from-control';
import type { TaughtSaves } from '../policy/draft-save-from-requests';
import type { ListPublishRule, SiteAdapter } from '../policy/schema';
import { demonstrateListPublish, type HoldRequests } from './teach/demonstration';
import { watchClicksOn } from './teach/clicks-on';
import { demonstrateSaves, type HoldSaves } from './teach/save-demonstration';
import { describeEditor, elementAt, hasEditor, isControlStep, targetFor, type TeachStep } from './teach/pick-dom';
import { teachText } from './teach/strings';
import { TeachView } from './teach/teach-view';

export type { TeachStep } from './teach/pick-dom';

const EDIT_STEPS: readonly TeachStep[] = ['title', 'channel', 'category', 'disclosure', 'reviewer', 'publish', 'draftSave'];
const LIST_STEPS: readonly TeachStep[] = ['listPublish'];
const stepName = (step: TeachStep) => teachText(`step_${step}`);

export interface TeachOptions {
  /** Stores the adapter; resolves with the problems when it was refused. */
  save(adapter: SiteAdapter): Promise<{ accepted: boolean; problems: { zh: string; en: string; path?: string }[] }>;
  /** The page gate's hold, for a list control whose request a script builds (shown once, never sent). */
  holdRequests?: HoldRequests;
  /** The page gate's hold, for the CMS's own 保存草稿 and 发布 shown once each (never sent). */
  holdSaves?: HoldSaves;
}

type Picked = { step: TeachStep; el: Element; pick: Pick };

let active: TeachSession | null = null;

class TeachSession {
  private readonly view: TeachView;
  private readonly steps: readonly TeachStep[];
  private index = 0;
  private readonly picked: Picked[] = [];
  private listRule: ListPublishRule | null = null;
  private note = '';
  /** Set while the administrator shows Precheck a request (the page is live meanwhile): its stop. */
  private demonstration: (() => void) | null = null;
  /**
   * The 保存草稿 / 发布 demonstration: which press it waits for, what it gave (undefined: not both
   * shown yet or skipped; null: shown, but nothing told the two requests apart), and whether the draft
   * was saved with the publish control itself (PublicCMS's 保存 with 草稿 ticked).
   */
  private saves: { waiting: 'draftSave' | 'draftPublish'; taught?: TaughtSaves | null; sharesControl?: boolean } | null = null;
  private readonly onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    this.cancel();
  };
  private readonly onScroll = () => this.render();

  constructor(
    private readonly top: Window,
    private readonly options: TeachOptions,
  ) {
    this.view = new TeachView(top.document);
    this.steps = hasEditor(top) ? EDIT_STEPS : LIST_STEPS;
    this.listen();
    this.render();
  }

  private listen(): void {
    const { layer, skip, cancel } = this.view;
    const swallow = (e: Event) => {
      e.preventDefault();
      e.stopPropagation();
    };
    for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'dblclick', 'contextmenu'] as const) layer.addEventListener(type, swallow, true);
    layer.addEventListener(
      'click',
      (e) => {
        swallow(e);
        this.pickAt(e.clientX, e.clientY);
      },
      true,
    );
    layer.addEventListener('mousemove', (e) => {
      const step = this.steps[this.index];
      const hit = elementAt(this.top.document, e.clientX, e.clientY);
      this.view.hoverOver(step && hit ? targetFor(step, hit) : null);
    });
    layer.addEventListener('mouseleave', () => this.view.hoverOver(null));
    skip.addEventListener('click', () => this.advance());
    cancel.addEventListener('click', () => this.cancel());
    this.top.addEventListener('keydown', this.onKey, true);
    this.top.addEventListener('scroll', this.onScroll, true);
  }

  private render(): void {
    this.view.showPicked(this.picked.map((p) => ({ el: p.el, label: stepName(p.step) })));
    const step = this.steps[this.index];
    if (!step) return;
    this.view.step = step === 'draftSave' ? (this.saves?.waiting ?? step) : this.demonstration ? 'demonstrate' : step;
    const ask = this.askFor(step);
    this.view.say(this.note || ask, this.note !== '');
    this.view.skip.hidden = isControlStep(step);
  }

  private askFor(step: TeachStep): string {
    if (step === 'draftSave') return this.saves?.waiting === 'draftPublish' ? teachText('draft_then_publish') : teachText('draft_demonstrate', this.index + 1, this.steps.length);
    return this.demonstration ? teachText('demonstrate') : teachText('ask', this.index + 1, this.steps.length, stepName(step));
  }

  private stopDemonstration(): void {
    this.demonstration?.();
    this.demonstration = null;
    this.view.passClicks(false);
  }

  private finish(state: 'done' | 'cancelled' | 'error', text: string, closeAfterMs: number | null): void {
    this.stopDemonstration();
    this.view.ended(state, text, state === 'error');
    this.top.removeEventListener('keydown', this.onKey, true);
    this.top.removeEventListener('scroll', this.onScroll, true);
    if (active === this) active = null;
    if (closeAfterMs !== null) this.top.setTimeout(() => this.view.host.remove(), closeAfterMs);
  }

  cancel(): void {
    if (['done', 'error', 'cancelled'].includes(this.view.step)) this.view.host.remove();
    else this.finish('cancelled', teachText('cancelled'), 0);
  }

  private async complete(): Promise<void> {
    this.view.step = 'saving';
    this.view.say(teachText('saving'));
    this.view.layer.remove();
    const picks: Partial<Picks> = {};
    for (const p of this.picked) if (p.step !== 'listPublish' && p.step !== 'draftSave') picks[p.step] = p.pick;
    const { href } = this.top.location;
    const title = this.top.document.title;
    const taught = this.saves?.taught ? { ...this.saves.taught, sharesControl: this.saves.sharesControl === true } : undefined;
    const adapter = this.listRule ? listAdapterFromPick(href, this.listRule, title) : adapterFromPicks(href, picks as Picks, describeEditor(this.top), title, taught);
    this.view.host.dataset.adapter = JSON.stringify(adapter);
    try {
      const result = await this.options.save(adapter);
      if (result.accepted) this.finish('done', this.savedText(), 6000);
      else this.finish('error', teachText('not_saved', result.problems.map((p) => `${p.path ? `${p.path}: ` : ''}${pick(p)}`).join(teachText('separator'))), null);
    } catch (e) {
      this.finish('error', teachText('not_saved', e instanceof Error ? e.message : String(e)), null);
    }
  }

  private savedText(): string {
    if (this.listRule) return teachText('saved_list');
    if (this.saves?.taught) return teachText('saved_page_drafts');
    return teachText(this.saves?.taught === null ? 'saved_page_apart' : 'saved_page');
  }

  private advance(): void {
    this.stopDemonstration();
    this.index += 1;
    this.note = '';
    if (this.index >= this.steps.length) void this.complete();
    else if (this.steps[this.index] === 'draftSave') this.demonstrateSaves();
    else this.render();
  }

  /** The CMS's own 保存草稿, then its 发布, pressed once each while Precheck holds their requests. */
  private demonstrateSaves(): void {
    const hold = this.options.holdSaves;
    if (!hold) return this.advance();
    const saves: NonNullable<TeachSession['saves']> = { waiting: 'draftSave' };
    this.saves = saves;
    this.view.passClicks(true);
    const publishControl = this.picked.find((p) => p.step === 'publish')?.el;
    const unwatch = publishControl
      ? watchClicksOn(publishControl, sameOriginWindows(this.top), () => {
          if (saves.waiting === 'draftSave') saves.sharesControl = true;
        })
      : () => {};
    const stop = demonstrateSaves(hold, this.top, {
      draftSeen: () => {
        saves.waiting = 'draftPublish';
        this.render();
      },
      done: (taught) => {
        saves.taught = taught;
        this.advance();
      },
    });
    this.demonstration = () => {
      stop();
      unwatch();
    };
    this.render();
  }

  private refuse(note: string): void {
    this.note = note;
    this.render();
  }

  private pickAt(x: number, y: number): void {
    const step = this.steps[this.index];
    const hit = elementAt(this.top.document, x, y);
    if (!step || !hit) return;
    const el = targetFor(step, hit);
    const selector = selectorFor(el);
    const framePath = framePathFor(el, this.top);
    if (!selector || !framePath) return this.refuse(teachText('not_described'));
    const firstField = this.picked.find((p) => !isControlStep(p.step));
    if (!isControlStep(step) && firstField && !sameFrame(firstField.pick.framePath, framePath)) return this.refuse(teachText('other_frame'));
    const picked = { step, el, pick: { selector, framePath } };
    if (step === 'listPublish') {
      this.listRule = listPublishFromControl(el, el.ownerDocument.defaultView?.location.href ?? this.top.location.href);
      if (!this.listRule) return this.demonstrate(picked);
    }
    this.picked.push(picked);
    this.advance();
  }

  /** The control's markup does not say where its request goes: the administrator shows it once. */
  private demonstrate(picked: Picked): void {
    const hold = this.options.holdRequests;
    if (!hold) return this.refuse(teachText('script_built'));
    // The page is live while it is shown: its checkboxes and the control take real clicks.
    this.view.passClicks(true);
    const docs = () => sameOriginWindows(this.top).map((w) => w.document);
    const found = (rule: ListPublishRule) => {
      this.listRule = rule;
      this.picked.push(picked);
      this.advance();
    };
    this.demonstration = demonstrateListPublish(docs, hold, found, () => this.refuse(teachText('no_ids')));
    this.note = '';
    this.render();
  }
}

/** Starts pick mode in the top window; a second call while one runs restarts it. */
export function startTeach(top: Window, options: TeachOptions): void {
  active?.cancel();
  active = new TeachSession(top, options);
}
