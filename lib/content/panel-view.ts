/**
 * The findings panel of a CMS page: what the draft holds, why the last publish was stopped, and which
 * requests the gate refused. It reads the draft; it never changes it.
 */
import type { PanelActions, PanelItem, PanelRefusal, PanelState } from '../../components/Panel';
import { terms } from '../i18n';
import type { Outgoing, Verdict } from '../gate/types';
import { placedExcerpt } from './attachments/place';
import { blockReasons } from './block-reasons';
import type { DraftWatch, LocatedFinding } from './draft-watch';
import { mountPanel } from './panel-host';
import { shownEndpoint } from '../gate/shown-endpoint';

const KEEP_REFUSALS = 5;

function sameItems(a: readonly PanelItem[], b: readonly PanelItem[]): boolean {
  return a.length === b.length && a.every((x, i) => x.finding === b[i]!.finding && x.where === b[i]!.where);
}

export class PanelView {
  private readonly state: PanelState = { items: [], blocked: null, error: null, open: false, refusals: [] };
  private entries: LocatedFinding[] = [];
  private readonly panel: { render(state: PanelState): void; unmount(): void };
  /**
   * Block findings in what the editors' APIs would submit that the page does not show, counted at the
   * last publish attempt (the total then, less what was on screen then: a fix since does not make a
   * stale total contradict the count beside it).
   */
  private hiddenBlocking = 0;
  private checkError: string | null = null;

  constructor(
    doc: Document,
    private readonly draft: DraftWatch,
    private readonly changed: () => void,
  ) {
    const actions: PanelActions = {
      goTo: (index) => {
        const entry = this.entries[index];
        if (entry) this.draft.reveal(entry);
      },
      toggle: () => {
        this.state.open = !this.state.open;
        this.render();
      },
    };
    this.panel = mountPanel(doc, actions);
  }

  get findings(): LocatedFinding[] {
    return this.entries;
  }

  get error(): string | null {
    return this.state.error;
  }

  render(): void {
    this.entries = this.draft.findings();
    const items = this.entries.map(({ finding, where }) => ({ finding, where }));
    // The list kept while it holds the same findings (a publish click, a recheck): the panel's
    // virtualised list places its thousands of rows again only for a new list.
    if (!sameItems(items, this.state.items)) this.state.items = items;
    this.state.error = this.draft.error() ?? this.checkError;
    if (this.state.blocked) {
      this.state.blocked = { reasons: blockReasons(this.state.items.map((i) => i.finding), this.state.error, this.hiddenBlocking) };
    }
    this.panel.render({ ...this.state, refusals: [...this.state.refusals] });
    this.changed();
  }

  dispose(): void {
    this.panel.unmount();
  }

  /** A publish was stopped: say so at once (the reasons are refined when the recheck is done). */
  stopped(): void {
    this.state.blocked = { reasons: [] };
    this.state.open = true;
    this.render();
  }

  released(): void {
    this.state.blocked = null;
    this.render();
  }

  /** The result of the recheck after a stopped publish (`submittedBlocking` null: what the editors submit was not read). */
  rechecked(submittedBlocking: number | null, error: string | null): void {
    const onScreen = this.draft.findings().filter((e) => e.finding.severity === 'block').length;
    this.hiddenBlocking = submittedBlocking === null ? 0 : Math.max(0, submittedBlocking - onScreen);
    this.checkError = error;
    this.render();
  }

  refused(o: Outgoing, v: Extract<Verdict, { pass: false }>): void {
    const refusal: PanelRefusal = {
      route: terms().via[o.route],
      endpoint: shownEndpoint(o.url),
      reason: [terms().reason[v.reason], v.items?.join('、'), v.detail].filter(Boolean).join(terms().colon),
      excerpts: [...new Set(v.findings.map(placedExcerpt))].slice(0, 3),
      at: Date.now(),
    };
    this.state.refusals = [refusal, ...this.state.refusals].slice(0, KEEP_REFUSALS);
    this.state.open = true;
    this.render();
  }
}
