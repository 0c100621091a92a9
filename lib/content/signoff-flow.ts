import type { AuditEntry } from '../audit/types';
import { sameOriginWindows } from '../editors';
import { findFormFields, focusField, readCurrentUser, readFields } from '../editors/form-fields';
import type { AppendResult, PagePolicy, TabState } from '../messaging/protocol';
import type { SignoffService } from '../signoff/service';
import type { Finding, Localized } from '../scan/types';
import { evaluateChecklist, findingKeys } from '../signoff/checklist';
import { bodyDigest, draftDigest } from '../signoff/digest';
import { pinProof } from '../signoff/pin-proof';
import { summarizeFindings } from '../signoff/summary';
import {
  NO_CONFIRMATIONS,
  type ChecklistResult,
  type Confirmations,
  type DigestInput,
  type FieldName,
  type FieldReadings,
  type Override,
  type Signoff,
  type SignoffRole,
} from '../signoff/types';
import { mountChecklist } from './checklist-host';
import { pick, terms } from '../i18n';
import { REQUIRED_FIELD_NAMES } from '../policy/limits';
import { problemText } from '../signoff/checklist-strings';
import type { PinError } from '../../components/checklist/types';
import { groupFindings, type FindingGroup, type GroupItem } from '../fix/groups';
import type { EditResult } from '../editors/edit-bridge';
import { maskMessage } from './mask-fix';
import { itemIdsOfPage } from './item-id-capture';
import { requiredOnPage, withOwnFields, type OwnFieldName, type OwnValues } from '../signoff/own-fields';
import type { SignedContent } from './release';
import type { HeldUpload } from './attachments/held-uploads';
import { placedExcerpt } from './attachments/place';

/** The background calls the checklist needs: the sign-off service's own, and the page's audit events. */
export type SignoffApi = Pick<SignoffService, 'pinChallenge' | 'signOff' | 'overrideFinding' | 'signOffFile' | 'getSignoffs' | 'voidSignoffs' | 'releasePublish' | 'getEditorIdentity'> & {
  recordAudit(entry: AuditEntry): Promise<AppendResult>;
};

/** What the controller knows: the findings on screen, whether the scan finished, the body text. */
export interface DraftSource {
  findings(): { finding: Finding; where: string }[];
  scanError(): string | null;
  bodyText(): string;
  /** Scans now whatever changed since the last scan: a digest is never taken of a stale text. */
  rescan(): Promise<void>;
  reveal(finding: Finding): void;
  /** Where a finding stands, for grouping: the title or which editor, and its table column. */
  place(finding: Finding): Omit<GroupItem, 'key' | 'finding'>;
  /** 全部打码 of one group, through its editor's API; and what it would write first. */
  mask(group: FindingGroup): EditResult;
  maskPreview(group: FindingGroup): string | null;
  undoMask(): EditResult;
  /** Focus back on the CMS's publish control the editor pressed (closing the checklist by keyboard). */
  focusPublish(): void;
  /** Lets exactly the signed content out and replays the stopped publish; false when nothing to replay. */
  release(signed: SignedContent): boolean;
  /** Block findings in what the editors will submit that the page does not show (rechecked now). */
  hiddenBlocking(): Promise<number>;
}

/** Uploads the gate refused that a reviewer may sign off, one file at a time (lib/content/attachments/held-uploads.ts). */
export interface UploadSource {
  list(): HeldUpload[];
  /** The background accepted the reviewer's sign-off of this file: it may leave once. */
  signed(key: string, signoff: Signoff): void;
}

export interface SignoffFlow {
  configure(page: PagePolicy): void;
  /** A publish was stopped: open the checklist at once. */
  attemptBlocked(): void;
  /** The stopped attempt's draft is rescanned: record why it was stopped. */
  attemptChecked(via: string): void;
  /** The findings or the form may have changed. */
  changed(): void;
  tabState(): TabState;
  /** How the released request ended (status, or none for a form post). */
  outcome(o: { route: string; endpoint: string; status?: number }): void;
  /** The audit context of this draft (title, category, editor …; no text). */
  auditContext(): AuditEntry;
}

const say = (m: Localized) => pick(m);

/** Answers about the PIN itself: said next to the PIN box that was used, not at the top. */
const PIN_CODES = new Set(['wrong-pin', 'locked', 'unknown-reviewer']);

/**
 * The pre-publish checklist on a CMS page (issue 5): reads the form, keeps the draft's digest and the
 * sign-offs the background holds for it, voids them visibly when the draft changes, and lets the
 * page's own publish run once when every section is complete and the background agrees.
 */
export function startSignoffFlow(top: Window, source: DraftSource, api: SignoffApi, uploads?: UploadSource): SignoffFlow {
  let page: PagePolicy | null = null;
  let confirmations: Confirmations = NO_CONFIRMATIONS;
  let markedImportant = false;
  const overrides = new Map<string, Override>();
  let digest = '';
  let lastInput = '';
  let signoffs: Signoff[] = [];
  let voided = false;
  let open = false;
  let busy = false;
  let message: { kind: 'error' | 'info'; text: string } | null = null;
  let fields: FieldReadings = {};
  /** What the CMS form itself holds (without Precheck's own fields). */
  let pageFields: FieldReadings = {};
  let own: OwnValues = {};
  let fieldElements: Partial<Record<FieldName, HTMLElement>> = {};
  let result: ChecklistResult | null = null;
  let editor: string | null = null;
  let storedEditor: string | null = null;
  let generation = 0;
  let releasePending = false;
  let groups: FindingGroup[] = [];
  let masked: { count: number } | null = null;
  let pinError: PinError | null = null;
  const modal = mountChecklist(top.document);

  const docs = () => sameOriginWindows(top).map((w) => w.document);

  function readForm(): DigestInput {
    fieldElements = findFormFields(docs(), page?.adapter?.fields ?? null);
    pageFields = readFields(fieldElements);
    fields = withOwnFields(pageFields, own, page?.catalogue ?? []);
    const fromPage = readCurrentUser(top.document, page?.adapter?.fields.currentUser);
    // The CMS's own login (named by the adapter) outranks the identity set in the popup.
    editor = (page?.adapter?.fields.currentUser ? fromPage : null) ?? storedEditor ?? fromPage;
    return {
      title: fields.title?.value ?? '',
      body: source.bodyText(),
      category: fields.category?.value ?? '',
      disclosure: fields.disclosure?.value ?? '',
      reviewer: fields.reviewer?.value ?? '',
    };
  }

  function keyed() {
    const items = source.findings();
    const keys = findingKeys(items.map((i) => i.finding));
    return items.map((item, i) => ({ ...item, key: keys[i]! }));
  }

  function context(): AuditEntry {
    const category = fields.category;
    return {
      event: 'publish-blocked',
      origin: top.location.origin,
      url: top.location.href,
      title: fields.title?.value,
      channel: fields.channel?.text,
      category: category ? `${category.value} ${category.text}`.trim() : undefined,
      disclosure: fields.disclosure?.text,
      editor: editor ?? undefined,
      digest,
      findings: summarizeFindings(source.findings().map((i) => i.finding)),
      confirmations: {
        accuracy: confirmations.accuracy,
        completeness: confirmations.completeness,
        timeliness: confirmations.timeliness,
        secrecy: confirmations.secrecy,
        ...(confirmations.otherUnit.involved && { otherUnit: confirmations.otherUnit.name }),
      },
    };
  }

  function evaluate(): ChecklistResult {
    const rules = page?.rules ?? {};
    result = evaluateChecklist({
      findings: source.findings().map((i) => i.finding),
      overridable: Object.fromEntries(Object.entries(rules).map(([id, s]) => [id, s.overridable])),
      overrides: [...overrides.values()],
      scanError: page ? source.scanError() : '尚未读取到本站的预检策略 / the site policy has not been read yet',
      fields,
      requiredFields: requiredOnPage(page?.requiredFields ?? [], pageFields),
      catalogue: page?.catalogue ?? [],
      importantCategories: page?.importantCategories ?? [],
      markedImportant,
      confirmations,
      reviewers: page?.reviewers ?? [],
      editor,
      signoffs,
      digest,
      now: Date.now(),
    });
    return result;
  }

  function render(): void {
    const r = evaluate();
    if (!open) return;
    const rules = page?.rules ?? {};
    const items = keyed();
    groups = groupFindings(items.map((i) => ({ key: i.key, finding: i.finding, ...source.place(i.finding) })));
    modal.render({
      result: r,
      groups: groups.map((g) => ({ id: g.id, kind: g.kind, column: g.column, count: g.items.length, keys: g.items.map((i) => i.key), maskable: g.maskable, preview: g.maskable ? source.maskPreview(g) : null })),
      masked,
      pinError,
      findings: items.map((i) => ({
        ...i,
        overridable: i.finding.severity === 'warn' && rules[i.finding.ruleId]?.overridable === true,
        override: overrides.get(i.key),
      })),
      fields,
      catalogue: page?.catalogue ?? [],
      roster: page?.reviewers ?? [],
      confirmations,
      markedImportant,
      editor,
      signoffs,
      voided,
      busy,
      message,
      actions,
      uploads: uploads && { items: uploads.list(), signFile: (key, reviewerId, pin) => actions.signFile(key, reviewerId, pin) },
    });
  }

  /** Re-reads the form and, when the signed parts changed, the digest and its sign-offs. */
  async function refresh(): Promise<void> {
    const input = readForm();
    const seen = JSON.stringify(input);
    if (seen !== lastInput) {
      lastInput = seen;
      const mine = ++generation;
      const next = await draftDigest(input);
      if (mine !== generation) return;
      if (next !== digest) {
        const previous = digest;
        const hadSignoffs = signoffs.length > 0;
        digest = next;
        signoffs = [];
        if (hadSignoffs) {
          voided = true;
          void api.voidSignoffs({ digest: previous, context: { ...context(), event: 'signoff-voided', digest: previous } }).catch(() => undefined);
        }
        // A reload of the same draft finds its sign-offs again (within the policy's window).
        const held = await api.getSignoffs(next).catch(() => [] as Signoff[]);
        if (mine !== generation) return;
        signoffs = held;
        if (held.length > 0) voided = false;
      }
    }
    render();
  }

  type PinAnswer = { ok: boolean; message?: Localized; code?: string; waitMs?: number };

  /** `at`: which PIN box the answer belongs beside (sign-reviewer, sign-principal, override:<key>). */
  async function withPin(at: string, run: () => Promise<PinAnswer | void>): Promise<void> {
    busy = true;
    message = null;
    pinError = null;
    render();
    try {
      const r = await run();
      if (r && !r.ok && r.message && r.code && PIN_CODES.has(r.code)) {
        pinError = { at, code: r.code, text: say(r.message), until: r.waitMs ? Date.now() + r.waitMs : null };
      } else if (r && !r.ok && r.message) message = { kind: 'error', text: say(r.message) };
    } catch (e) {
      message = { kind: 'error', text: `操作失败：${e instanceof Error ? e.message : String(e)}` };
    }
    busy = false;
    await refresh();
  }

  async function prove(reviewerId: string, pin: string) {
    const challenge = await api.pinChallenge({ reviewerId });
    if (!challenge.ok) return challenge;
    return { ok: true as const, challengeId: challenge.challengeId, proof: await pinProof(pin, challenge) };
  }

  const actions = {
    setOwnField(name: OwnFieldName, value: string) {
      own = { ...own, [name]: value };
      void refresh();
    },
    goToField(name: FieldName) {
      const el = fieldElements[name];
      if (el) focusField(el);
      else message = { kind: 'info', text: problemText('field_not_found', name) };
      render();
    },
    maskGroup(id: string) {
      const group = groups.find((g) => g.id === id);
      if (!group) return;
      const r = source.mask(group);
      masked = r.ok ? { count: group.items.length } : null;
      message = r.ok ? null : { kind: 'error', text: maskMessage(r) };
      render();
    },
    undoMask() {
      const r = source.undoMask();
      masked = null;
      message = r.ok ? null : { kind: 'error', text: maskMessage(r) };
      render();
    },
    goToFinding(key: string) {
      const item = keyed().find((i) => i.key === key);
      if (item) source.reveal(item.finding);
    },
    setConfirmations(c: Confirmations) {
      confirmations = c;
      render();
    },
    setMarkedImportant(v: boolean) {
      markedImportant = v;
      render();
    },
    override(key: string, reason: string, reviewerId: string, pin: string) {
      const item = keyed().find((i) => i.key === key);
      if (!item) return;
      void withPin(`override:${key}`, async () => {
        const proof = await prove(reviewerId, pin);
        if (!proof.ok) return proof;
        const { ruleId, excerpt } = item.finding;
        const r = await api.overrideFinding({ reviewerId, challengeId: proof.challengeId, proof: proof.proof, ruleId, excerpt, reason, context: context() });
        if (r.ok) {
          const who = page?.reviewers.find((p) => p.id === reviewerId);
          overrides.set(key, { key, ruleId, excerpt, reason, reviewerId, reviewerName: who?.name ?? reviewerId, at: Date.now() });
        }
        return r;
      });
    },
    signOff(role: SignoffRole, reviewerId: string, pin: string) {
      void withPin(`sign-${role}`, async () => {
        await source.rescan();
        await refresh();
        const proof = await prove(reviewerId, pin);
        if (!proof.ok) return proof;
        const r = await api.signOff({ reviewerId, role, challengeId: proof.challengeId, proof: proof.proof, digest, context: context() });
        if (r.ok) {
          signoffs = [...signoffs.filter((s) => s.role !== role), r.signoff];
          voided = false;
        }
        return r;
      });
    },
    signFile(key: string, reviewerId: string, pin: string) {
      const held = uploads?.list().find((u) => u.key === key);
      if (!uploads || !held) return;
      void withPin(`sign-file:${key}`, async () => {
        const proof = await prove(reviewerId, pin);
        if (!proof.ok) return proof;
        const { name, sha256, size, reason, linked } = held;
        // The log keeps the file's findings masked, each with its place in the file (sheet and cell).
        const findings = summarizeFindings(held.findings.map((f) => ({ ...f, excerpt: placedExcerpt(f) })));
        const r = await api.signOffFile({ reviewerId, challengeId: proof.challengeId, proof: proof.proof, file: { name, key, sha256, size, reason, ...(linked && { linked }) }, context: { ...context(), findings } });
        if (r.ok) uploads.signed(key, r.signoff);
        return r;
      });
    },
    publish() {
      void withPin('publish', async () => {
        await source.rescan();
        await refresh();
        if (!evaluate().complete) return { ok: false, message: { zh: '检查清单尚未完成', en: 'the checklist is not complete' } };
        const hidden = await source.hiddenBlocking();
        if (hidden > 0) {
          return {
            ok: false,
            message: {
              zh: `编辑器将提交的内容中还有 ${hidden} 项界面上看不到的敏感信息（如隐藏元素或源码中的注释），请在源码模式中删除后再发布`,
              en: `${hidden} blocking finding(s) in what the editor will submit are not visible on the page (hidden elements, comments in the source); remove them in source mode`,
            },
          };
        }
        const body = await bodyDigest(source.bodyText());
        const r = await api.releasePublish({
          digest,
          important: result?.important ?? true,
          editor,
          itemIds: itemIdsOfPage(top),
          context: { ...context(), event: 'publish-allowed', bodyDigest: body },
        });
        if (!r.ok) return r;
        open = false;
        releasePending = true;
        modal.hide();
        const replayed = source.release({ digest, body: source.bodyText(), fields: signedFields() });
        if (!replayed) {
          // The publish came from the page's own code (no control to press again): the editor does it.
          open = true;
          message = { kind: 'info', text: '已签发。请在 2 分钟内再次点击 CMS 的“发布”按钮，只有已签发的内容能发出' };
        }
        return r;
      });
    },
    close() {
      open = false;
      modal.hide();
      source.focusPublish();
    },
  };

  /** A record the log could not take (a full disk) is said on screen, never dropped in silence. */
  function record(entry: AuditEntry): void {
    api.recordAudit(entry).then(
      (r) => {
        if (r.ok) return;
        message = { kind: 'error', text: say(r.message) };
        render();
      },
      (e: unknown) => {
        message = { kind: 'error', text: `审计日志未能记录（${e instanceof Error ? e.message : String(e)}） / the audit log could not record this` };
        render();
      },
    );
  }

  /** The signed form fields by their name in the form, for the release ticket to compare. */
  function signedFields(): { name: string; value: string }[] {
    return (['title', 'category', 'disclosure', 'reviewer'] as const).flatMap((n) => {
      const el = fieldElements[n] as HTMLInputElement | undefined;
      const name = el?.getAttribute('name');
      return el && name && typeof el.value === 'string' ? [{ name, value: el.value }] : [];
    });
  }

  top.document.addEventListener('change', () => flow.changed(), true);
  // A plain form post navigates away without a status the page could see: recorded as submitted.
  top.addEventListener('pagehide', () => {
    if (!releasePending) return;
    releasePending = false;
    void api.recordAudit({ ...context(), event: 'publish-outcome', detail: { result: 'submitted', via: 'navigation' } }).catch(() => undefined);
  });

  const flow: SignoffFlow = {
    outcome(o) {
      if (!releasePending) return;
      releasePending = false;
      const ok = o.status !== undefined && o.status >= 200 && o.status < 300;
      const detail = { via: o.route, endpoint: o.endpoint, result: o.status === undefined ? 'submitted' : ok ? 'ok' : 'failed', status: o.status ?? -1 };
      record({ ...context(), event: 'publish-outcome', detail });
    },
    auditContext: () => context(),
    configure(next) {
      page = next;
      void api.getEditorIdentity().then(
        (name) => {
          storedEditor = name;
          void refresh();
        },
        () => void refresh(),
      );
    },
    attemptBlocked() {
      open = true;
      message = null;
      void refresh();
    },
    attemptChecked(via) {
      void refresh().then(() => {
        const problems = result ? Object.values(result.sections).flatMap((s) => s.problems.map((p) => p.code)) : [];
        record({ ...context(), event: 'publish-blocked', detail: { via, reasons: [...new Set(problems)].join(',') } });
      });
    },
    changed() {
      // The hot path (every rescan, every title keystroke): the form and the digest only matter while
      // the checklist is open or a sign-off is held that an edit would void.
      if (open || signoffs.length > 0) void refresh();
    },
    tabState() {
      readForm();
      const r = evaluate();
      const count = (s: string) => source.findings().filter((i) => i.finding.severity === s).length;
      const needed = r.important ? 2 : 1;
      return {
        findings: { block: count('block'), warn: count('warn'), info: count('info') },
        fields: REQUIRED_FIELD_NAMES
          .filter((n) => fields[n]?.present || page?.requiredFields.includes(n))
          .map((n) => ({
            name: n,
            label: terms().field[n],
            ok: !r.sections.fields.problems.some((p) => p.field === n),
            text: fields[n]?.text ?? '',
          })),
        signoff: voided ? 'void' : signoffs.length === 0 ? 'none' : signoffs.length >= needed && !r.needs.reviewer && !r.needs.principal ? 'signed' : 'partial',
        blocked: open && !r.complete,
        editor,
      };
    },
  };
  return flow;
}
