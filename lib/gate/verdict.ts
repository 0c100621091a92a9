/**
 * The gate's decision on one outgoing request: may it leave? Content decides; names only narrow the
 * cases in which list-page publishing is held; the site adapter's declarations, in which a clean draft
 * may be saved.
 *
 * 1. A block finding never leaves, unless the release ticket covers exactly this content (or the
 *    request is a draft save the site adapter declares and the unit accepts personal data in drafts
 *    on its own server).
 * 2. A request that carries the draft is a publish unless the site adapter declares it a draft save:
 *    the ticket or nothing. A 草稿 label or an autosave URL declares nothing.
 * 3. Without the draft, a request that publish words point to and that names saved items passes only
 *    when every item has a sign-off.
 * 4. Everything else (list loads, polling, assets) passes untouched.
 */
import type { Finding } from '../scan/types';
import { decodeOutgoing, draftCandidateText, isFileHeaderPart, joinedText } from './decode';
import { carriesDraft, type DraftFingerprint } from './draft-match';
import { assembled, joinFindings, signedPiece } from './pieces-sent';
import type { Before } from './recent-sends';
import { couldHoldDraft } from './sealed';
import { itemIdsOf, tickedNamedBy } from './item-ids';
import { matchesTicket, signedBeside, type ReleaseTicket } from './ticket';
import type { Decoded, FileRef, Outgoing, Verdict } from './types';
import { isDraftLabel, isDraftUrl, isPublishLabel, isPublishUrl } from './words';

export type FileState = { state: 'clean' } | { state: 'pending' } | { state: 'unreadable'; reason: string } | { state: 'findings'; findings: Finding[] };

export interface GateContext {
  /** The page's scan (rules and policy settings applied); findings are masked. */
  scan(text: string): Finding[];
  /** The draft on this page, or null (no editor, or an empty one). */
  draft: DraftFingerprint | null;
  ticket: ReleaseTicket | null;
  /** Policy gate.draftSaves: 'allow' accepts personal data in the draft saves the site adapter declares. */
  draftSaves: 'scan' | 'allow';
  /** The site adapter declares this request a draft save (its URL, and a body field where the rule names one). */
  declaredDraftSave: (method: string, url: string, decoded: Decoded) => boolean;
  /** The site adapter declares this request a publish (including list-page publish). */
  declaredPublish: (method: string, url: string, decoded: Decoded) => boolean;
  /** The site adapter declares this request a withdrawal (取消发布): no publish, whatever its address says. */
  declaredWithdraw?: (method: string, url: string, decoded: Decoded) => boolean;
  /** Item ids on this site with a valid sign-off. */
  signedItems: ReadonlySet<string>;
  /** The ids of an adapter-declared list-page publish (null when the request is none). */
  listIds?: (method: string, url: string, decoded: Decoded) => string[] | null;
  /** Item ids of the rows ticked on a list page, read only when a request publishes by id. */
  ticked?(): string[];
  /** What the attachment scanner knows about a file in the body. */
  file(ref: FileRef): FileState;
  now: number;
  /**
   * What each part's field carried to the same endpoint just before (lib/gate/recent-sends.ts), by
   * part name: a request may be one piece of a draft sent in several.
   */
  before?: ReadonlyMap<string, Before>;
  /** Could sealed bytes of this size be the ciphertext of an encryption the gate judged (lib/gate/sealed.ts)? */
  encrypted?: (size: number) => boolean;
}

const blocks = (findings: readonly Finding[]) => findings.filter((f) => f.severity === 'block');

type Refusal = Extract<Verdict, { pass: false }>;

function fileProblems(decoded: Decoded, ctx: GateContext): Refusal | null {
  for (const ref of decoded.files) {
    if (ref.size === 0) continue;
    const s = ctx.file(ref);
    if (s.state === 'pending') return { pass: false, reason: 'file-pending', publish: false, findings: [], detail: ref.filename };
    const file = ref.key === undefined ? {} : { file: ref.key };
    if (s.state === 'unreadable') return { pass: false, reason: 'file-unreadable', publish: false, findings: [], detail: `${ref.filename}: ${s.reason}`, ...file };
    if (s.state === 'findings' && blocks(s.findings).length > 0) {
      return { pass: false, reason: 'file-block', publish: false, findings: blocks(s.findings), detail: ref.filename, ...file };
    }
  }
  return null;
}

/** `decoded`: the request already decoded by the caller (the page's gate reads its fields first). */
export function judge(o: Outgoing, ctx: GateContext, decoded: Decoded = decodeOutgoing(o)): Verdict {
  if (decoded.parts.length === 0 && decoded.files.length === 0 && !decoded.opaque) return { pass: true, reason: 'no-text' };
  const text = joinedText(decoded);
  // With the pieces sent before it: a number cut between two requests, a draft sent piece by piece.
  const whole = ctx.before && ctx.before.size > 0 ? assembled(decoded, ctx.before) : null;
  const found = [...blocks(ctx.scan(text)), ...(whole ? joinFindings(decoded, ctx.before!, (t) => blocks(ctx.scan(t))) : [])];
  // Joined again only when a file's name or type is among the parts (a 1 MB body is not copied twice).
  const candidate = decoded.parts.some((p) => isFileHeaderPart(p.name)) ? draftCandidateText(decoded) : text;
  const carries = carriesDraft(ctx.draft, candidate) || (whole !== null && carriesDraft(ctx.draft, joinedText(whole)));
  const declared = ctx.declaredPublish(o.method, o.url, decoded);
  // Only the adapter declares a draft save: a 草稿 label or URL word may name one, never release one.
  // Draft words count only where the URL does not say publish (/api/drafts/42/publish publishes); a
  // request the adapter names a publish is one whatever else it says (WordPress publishes a post.php
  // that sends `publish`, even beside `save`).
  const draftSave = !declared && ctx.declaredDraftSave(o.method, o.url, decoded);
  const saysDraft = draftSave || (!declared && (isDraftLabel(o.control) || isDraftUrl(o.url)) && !isPublishUrl(o.url));
  const piece = whole && carries && ctx.ticket && found.length === 0 ? signedPiece(ctx.ticket, decoded, ctx.before!, ctx.now, (t) => carriesDraft(ctx.draft, t)) : null;
  const ticketFits = ctx.ticket !== null && found.length === 0 && (matchesTicket(ctx.ticket, decoded, ctx.now) || (piece === 'whole' && signedBeside(ctx.ticket, decoded)));

  if (decoded.opaque && !ticketFits) return { pass: false, reason: 'opaque-body', publish: carries, findings: [], detail: decoded.opaque };
  const files = fileProblems(decoded, ctx);
  if (files) return { ...files, publish: carries && !saysDraft };
  if (found.length > 0) {
    if (draftSave && ctx.draftSaves === 'allow') return { pass: true, reason: 'draft-save' };
    return { pass: false, reason: saysDraft ? 'draft-save-block' : 'block-finding', publish: carries && !saysDraft, findings: found };
  }
  if (carries) {
    if (ticketFits) return { pass: true, reason: 'ticket', usedTicket: true };
    // A piece of the signed draft, the rest still to come: the last piece spends the release.
    if (piece === 'begun' && signedBeside(ctx.ticket!, decoded)) return { pass: true, reason: 'ticket' };
    if (draftSave) return { pass: true, reason: 'draft-save' };
    // Named a draft save by words alone: held like a publish. A click on 保存草稿 opens the checklist
    // early; a timer's autosave is refused without opening it every minute.
    if (saysDraft) return { pass: false, reason: 'draft-save-unsigned', publish: !!o.control, findings: [] };
    return { pass: false, reason: 'needs-signoff', publish: true, findings: [] };
  }
  return judgeSealed(decoded, ctx, saysDraft) ?? judgeItems(o, decoded, ctx, { draftSave, declared });
}

/**
 * Ciphertext big enough to hold the page's draft (lib/gate/sealed.ts) is judged as the draft itself
 * would be, for nothing tells it is not: held until the sign-off, whose release it then spends while
 * the editor still holds the signed draft. A draft save is held too: its content cannot be read, and a
 * URL word or a label says nothing of it (the checklist is not opened for one). The gate cannot compare
 * the ciphertext itself with what was signed: the release lets one such request out, whatever the
 * script sealed from the page (README).
 */
function judgeSealed(decoded: Decoded, ctx: GateContext, draftSave: boolean): Verdict | null {
  const size = decoded.sealed ?? 0;
  const draft = ctx.draft;
  if (size === 0 || !draft || !couldHoldDraft(size, draft.length)) return null;
  if (ctx.encrypted?.(size)) return { pass: true, reason: 'encrypted-judged' };
  // The sealed bytes cannot be compared with what was signed; the draft they come from can: an edit
  // after the sign-off (an ID put back in) asks for a new one.
  if (ctx.ticket && ctx.now <= ctx.ticket.expiresAt && draft.norm === ctx.ticket.body) return { pass: true, reason: 'ticket', usedTicket: true };
  return { pass: false, reason: 'sealed-body', publish: !draftSave, findings: [], detail: `${size} B` };
}

/** No draft, no finding: held only when it publishes saved items by id. */
function judgeItems(o: Outgoing, decoded: Decoded, ctx: GateContext, { draftSave, declared }: { draftSave: boolean; declared: boolean }): Verdict {
  const named = (isPublishLabel(o.control ?? '') || isPublishUrl(o.url)) && !ctx.declaredWithdraw?.(o.method, o.url, decoded);
  if (draftSave || (!declared && !named)) return { pass: true, reason: 'clean' };
  const reads = !declared && /^(?:GET|HEAD)$/i.test(o.method);
  const ids = ctx.listIds?.(o.method, o.url, decoded) ?? itemIdsOf(decoded, tickedFor(o, decoded, ctx, reads));
  if (ids.length === 0) {
    // A page load whose URL merely says "audit" is not a publish; a request that changes something is.
    if (reads) return { pass: true, reason: 'clean' };
    // The signed draft of this page, published by a request that names no item (publish.do after save).
    if (ctx.ticket && ctx.now <= ctx.ticket.expiresAt) return { pass: true, reason: 'ticket', usedTicket: true };
    return { pass: false, reason: 'no-item-ids', publish: true, findings: [] };
  }
  const unsigned = ids.filter((id) => !ctx.signedItems.has(id));
  if (unsigned.length === 0) return { pass: true, reason: 'signed-items', items: ids };
  return { pass: false, reason: 'unsigned-items', publish: true, findings: [], items: unsigned };
}

/**
 * The ticked rows a request may act on. A request that changes something (or a declared publish) may
 * act on all of them through the server's session; an undeclared GET only on those it names: while a
 * publish gesture is current every request carries its label, the editor's own stylesheet load too,
 * and holding those for the ticked rows left an editor blank.
 */
function tickedFor(o: Outgoing, decoded: Decoded, ctx: GateContext, reads: boolean): string[] {
  const ticked = o.ticked ?? ctx.ticked?.() ?? [];
  return reads ? tickedNamedBy(decoded, ticked) : ticked;
}
