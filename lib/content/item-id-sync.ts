/**
 * Keeps the background's list of signed items (a list page publishes by id only those) in step with
 * what happens on this page: a draft saved again with content that is not the signed one loses its
 * sign-off; a released publish names a new item's id in its save response, or — when it left as a
 * form post — on the page it leads to, which is read once when this page's policy first arrives.
 */
import type { Outgoing, Verdict } from '../gate/types';
import type { PagePolicy } from '../messaging/protocol';
import type { GateHub, Outcome } from './gate/hub';
import type { ItemIdRule } from '../policy/schema';
import { itemIdOfResultPage, itemIdOfSaveResponse, itemIdsOfPage } from './item-id-capture';

/** The background's store of signed items (publish by id from the list passes for them). */
export interface SignedItemsApi {
  revoke(ids: string[]): void;
  /** The released publish's save response named the new item: it is signed too. */
  saved(id: string): void;
  /** The released publish left as a navigation (a form post): its result page will name the item. */
  navigated(): void;
  /** This page, loaded in a tab, named this item (or none): taken only as the result of a released form post. */
  resultPage(id: string | null): void;
}

/** Routes whose release leaves the page: their answer is the next page, not a response the page reads. */
const NAVIGATING: ReadonlySet<string> = new Set(['form', 'form.submit', 'navigation', 'link']);

export class ItemIdSync {
  private resultRead = false;
  private rule: ItemIdRule | undefined;

  constructor(
    private readonly top: Window,
    private readonly hub: GateHub,
    /** The draft is signed as it stands now (a save of it keeps the sign-off). */
    private readonly signedNow: () => boolean,
    private readonly items?: SignedItemsApi,
  ) {}

  configure(page: PagePolicy): void {
    this.rule = page.adapter?.itemId;
    if (!this.resultRead && this.rule?.resultPattern) this.items?.resultPage(itemIdOfResultPage(this.top.document, this.rule));
    this.resultRead = true;
  }

  /** A request the gate let through. */
  passed(o: Outgoing, verdict: Verdict & { pass: true }): void {
    if (verdict.reason === 'draft-save') this.savedUnsigned();
    if (verdict.usedTicket && NAVIGATING.has(o.route)) this.items?.navigated();
  }

  /** How a released fetch/XHR ended: its answer may name the new item. */
  outcome(o: Outcome): void {
    const id = itemIdOfSaveResponse(o.response, this.rule);
    if (!id) return;
    this.hub.signedItems.add([id]);
    this.items?.saved(id);
  }

  /** Publishing the saved item by id (publish.do?id=42) right after its release passes as from the list. */
  released(): void {
    this.hub.signedItems.add(this.ids());
  }

  /** The ids this page edits, by its adapter's rule too. */
  ids(): string[] {
    return itemIdsOfPage(this.top, this.rule);
  }

  /** What the CMS holds is no longer what was signed: publishing it from the list must not pass. */
  private savedUnsigned(): void {
    const ids = this.ids();
    if (ids.length === 0 || this.signedNow()) return;
    this.hub.signedItems.revoke(ids);
    this.items?.revoke(ids);
  }
}
