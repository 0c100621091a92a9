import type { AuditEntry } from '../audit/types';
import { sameOriginWindows } from '../editors';
import type { AppendResult, PagePolicy, TabState } from '../messaging/protocol';
import type { SignoffService } from '../signoff/service';
import type { Finding } from '../scan/types';
import { evaluateChecklist, keptFindingKeys } from '../signoff/checklist';
import { bodyDigest } from '../signoff/digest';
import { summarizeFindings } from '../signoff/summary';
import { NO_CONFIRMATIONS, type ChecklistResult, type Confirmations, type FieldName, type Override, type Signoff, type SignoffRole } from '../signoff/types';
import { mountChecklist } from './checklist-host';
import { pick } from '../i18n';
import { problemText } from '../signoff/checklist-strings';
import { groupFindings, type FindingGroup, type GroupItem } from '../fix/groups';
import type { EditResult } from '../editors/edit-bridge';
import { maskMessage } from './mask-fix';
import { requiredOnPage, type OwnFieldName } from '../signoff/own-fields';
import type { SignedForRelease } from '../gate/ticket';
import type { HeldUpload } from './attachments/held-uploads';
import { placedExcerpt } from './attachments/place';
import { auditContext } from './signoff/audit-context';
import { DraftForm } from './signoff/draft-form';
import { DraftSignoffs } from './signoff/draft-signoffs';
import { provePin, StepStatus, type PinAnswer } from './signoff/step-status';
import { tabStateOf } from './signoff/tab-state';
import { mapSoon, yieldToPage } from './yield';

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
  /** The CMS's ids of the item this page edits: publishing it by id from the list passes after the release. */
  itemIds(): string[];
  /** Focus back on the CMS's publish control the editor pressed (closing the checklist by keyboard). */
  focusPublish(): void;
  /** Lets exactly the signed content out and replays the stopped publish; false when nothing to replay. */
  release(signed: SignedForRelease): boolean;
  /** What the editors' markup holds besides their text (comments, attribute values), as they will submit it. */
  markupBeside(): string[];
  /** Block findings in what the editors will submit that the page does not show (rechecked now). */
  hiddenBlocking(): Promise<number>;
  /** A large draft (a 1 MB 公示 list): the checklist lies over the page instead of narrowing it. */
  large(): boolean;
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

const NOT_COMPLETE = { zh: '检查清单尚未完成', en: 'the checklist is not complete' };
const NO_POLICY = { zh: '尚未读取到本站的预检策略', en: 'the site policy has not been read yet' };
const PRESS_AGAIN = {
  zh: '已签发。请在 2 分钟内再次点击 CMS 的“发布”按钮，只有已签发的内容能发出',
  en: "Signed off. Press the CMS's own Publish button again within 2 minutes: only the signed content can leave",
};

function hiddenMessage(hidden: number) {
  return {
    zh: `编辑器将提交的内容中还有 ${hidden} 项界面上看不到的敏感信息（如隐藏元素或源码中的注释），请在源码模式中删除后再发布`,
    en: `${hidden} blocking finding(s) in what the editor will submit are not visible on the page (hidden elements, comments in the source); remove them in source mode`,
  };
}

/**
 * The pre-publish checklist on a CMS page (issue 5): reads the form (DraftForm), keeps the draft's
 * digest and the sign-offs the background holds for it (DraftSignoffs), voids them visibly when the
 * draft changes, and lets the page's own publish run once when every section is complete and the
 * background agrees.
 */
class Checklist implements SignoffFlow {
  private page: PagePolicy | null = null;
  private confirmations: Confirmations = NO_CONFIRMATIONS;
  private markedImportant = false;
  private readonly overrides = new Map<string, Override>();
  private open = false;
  private releasePending = false;
  private groups: FindingGroup[] = [];
  private masked: { count: number } | null = null;
  private result: ChecklistResult | null = null;
  /** Renders started: one overtaken while its findings were being placed is not shown. */
  private renders = 0;
  /** A refresh asked for and not started yet: the asks of one burst share it. */
  private refreshing: Promise<void> | null = null;
  private readonly keysOf = keptFindingKeys();
  private readonly form: DraftForm;
  private readonly signed: DraftSignoffs;
  private readonly status = new StepStatus();
  private readonly modal: ReturnType<typeof mountChecklist>;

  constructor(
    private readonly top: Window,
    private readonly source: DraftSource,
    private readonly api: SignoffApi,
    private readonly uploads?: UploadSource,
  ) {
    this.form = new DraftForm(top, () => sameOriginWindows(top).map((w) => w.document), () => source.bodyText());
    this.signed = new DraftSignoffs(api);
    this.modal = mountChecklist(top.document, () => source.large());
    top.document.addEventListener('change', () => this.changed(), true);
    // A plain form post navigates away without a status the page could see: recorded as submitted.
    top.addEventListener('pagehide', () => {
      if (!this.releasePending) return;
      this.releasePending = false;
      void api.recordAudit({ ...this.auditContext(), event: 'publish-outcome', detail: { result: 'submitted', via: 'navigation' } }).catch(() => undefined);
    });
  }

  private findings(): Finding[] {
    return this.source.findings().map((i) => i.finding);
  }

  private keyed() {
    const items = this.source.findings();
    const keys = this.keysOf(items.map((i) => i.finding));
    return items.map((item, i) => ({ ...item, key: keys[i]! }));
  }

  auditContext(): AuditEntry {
    const { fields, editor } = this.form;
    return auditContext(this.top.location, { fields, editor, digest: this.signed.digest, findings: this.findings(), confirmations: this.confirmations });
  }

  private evaluate(): ChecklistResult {
    const page = this.page;
    const rules = page?.rules ?? {};
    const findings = this.findings();
    this.result = evaluateChecklist({
      findings,
      keys: this.keysOf(findings),
      overridable: Object.fromEntries(Object.entries(rules).map(([id, s]) => [id, s.overridable])),
      overrides: [...this.overrides.values()],
      scanError: page ? this.source.scanError() : pick(NO_POLICY),
      fields: this.form.fields,
      requiredFields: requiredOnPage(page?.requiredFields ?? [], this.form.pageFields),
      catalogue: page?.catalogue ?? [],
      importantCategories: page?.importantCategories ?? [],
      markedImportant: this.markedImportant,
      confirmations: this.confirmations,
      reviewers: page?.reviewers ?? [],
      editor: this.form.editor,
      signoffs: this.signed.signoffs,
      digest: this.signed.digest,
      now: Date.now(),
    });
    return this.result;
  }

  /**
   * Shows the checklist as it is now, in this task when it can (a finding's place is kept once read).
   * Placing every finding (its table column, for the groups) reads the DOM: the first time, thousands
   * of findings on a 1 MB 公示 draft are placed in paced slices, and a render that a newer one overtook
   * while placing is dropped, so what is shown is never older than what it replaced. `paced`: a
   * render the page caused (a refresh, not a click in the checklist) shows a large draft's groups in
   * a task after the one that evaluated and placed them: each step of a 1 MB draft's takes 10–20 ms.
   */
  private render(paced = false): void {
    const result = this.evaluate();
    if (!this.open) return;
    const items = this.keyed();
    const turn = ++this.renders;
    const placed = mapSoon(items, (i) => ({ key: i.key, finding: i.finding, ...this.source.place(i.finding) }));
    if (Array.isArray(placed) && !paced) this.show(result, items, groupFindings(placed));
    else
      void Promise.resolve(placed).then(async (all) => {
        if (paced) await yieldToPage();
        if (turn === this.renders && this.open) this.show(result, items, groupFindings(all));
      });
  }

  private show(result: ChecklistResult, items: ReturnType<Checklist['keyed']>, groups: FindingGroup[]): void {
    const rules = this.page?.rules ?? {};
    const source = this.source;
    this.groups = groups;
    const uploads = this.uploads;
    this.modal.render({
      result,
      groups: groups.map((g) => ({ id: g.id, kind: g.kind, column: g.column, count: g.items.length, keys: g.items.map((i) => i.key), maskable: g.maskable, preview: g.maskable ? source.maskPreview(g) : null })),
      masked: this.masked,
      pinError: this.status.pinError,
      findings: items.map((i) => ({ ...i, overridable: i.finding.severity === 'warn' && rules[i.finding.ruleId]?.overridable === true, override: this.overrides.get(i.key) })),
      fields: this.form.fields,
      catalogue: this.page?.catalogue ?? [],
      roster: this.page?.reviewers ?? [],
      confirmations: this.confirmations,
      markedImportant: this.markedImportant,
      editor: this.form.editor,
      signoffs: this.signed.signoffs,
      voided: this.signed.voided,
      busy: this.status.busy,
      message: this.status.message,
      actions: this.actions,
      uploads: uploads && { items: uploads.list(), signFile: (key, reviewerId, pin) => this.signFile(key, reviewerId, pin) },
    });
  }

  /**
   * Re-reads the form and, when the signed parts changed, the digest and its sign-offs; then renders.
   * The asks of one burst share one read and one render in a task after them: a publish click sets
   * off three (the stop, the recheck's panel update, the blocked record), and on a 1 MB draft a read
   * (the fields looked up through the editors' documents) and a render each take tens of ms. On a
   * large draft the render waits for a task of its own too.
   */
  private refresh(): Promise<void> {
    this.refreshing ??= yieldToPage().then(async () => {
      this.refreshing = null;
      const current = await this.signed.update(this.form.read(this.page), (previous) => ({ ...this.auditContext(), event: 'signoff-voided', digest: previous }));
      if (!current) return;
      const large = this.source.large();
      if (large) await yieldToPage();
      this.render(large);
    });
    return this.refreshing;
  }

  private withPin(at: string, step: () => Promise<PinAnswer | void>): void {
    void this.status.run(at, step, () => this.render(), () => this.refresh());
  }

  /** A record the log could not take (a full disk) is said on screen, never dropped in silence. */
  private record(entry: AuditEntry): void {
    const say = (text: string) => {
      this.status.message = { kind: 'error', text };
      this.render();
    };
    this.api.recordAudit(entry).then(
      (r) => (r.ok ? undefined : say(pick(r.message))),
      (e: unknown) => say(`审计日志未能记录（${e instanceof Error ? e.message : String(e)}） / the audit log could not record this`),
    );
  }

  // --- what the editor does in the checklist ---

  private readonly actions = {
    setOwnField: (name: OwnFieldName, value: string) => {
      this.form.setOwn(name, value);
      void this.refresh();
    },
    goToField: (name: FieldName) => {
      if (!this.form.goTo(name)) this.status.message = { kind: 'info', text: problemText('field_not_found', name) };
      this.render();
    },
    maskGroup: (id: string) => this.maskGroup(id),
    undoMask: () => {
      const r = this.source.undoMask();
      this.masked = null;
      this.status.message = r.ok ? null : { kind: 'error', text: maskMessage(r) };
      this.render();
    },
    goToFinding: (key: string) => {
      const item = this.keyed().find((i) => i.key === key);
      if (item) this.source.reveal(item.finding);
    },
    setConfirmations: (c: Confirmations) => {
      this.confirmations = c;
      this.render();
    },
    setMarkedImportant: (v: boolean) => {
      this.markedImportant = v;
      this.render();
    },
    override: (key: string, reason: string, reviewerId: string, pin: string) => this.override(key, reason, reviewerId, pin),
    signOff: (role: SignoffRole, reviewerId: string, pin: string) => this.signOff(role, reviewerId, pin),
    publish: () => this.withPin('publish', () => this.publish()),
    close: () => {
      this.open = false;
      this.modal.hide();
      this.source.focusPublish();
    },
  };

  private maskGroup(id: string): void {
    const group = this.groups.find((g) => g.id === id);
    if (!group) return;
    const r = this.source.mask(group);
    this.masked = r.ok ? { count: group.items.length } : null;
    this.status.message = r.ok ? null : { kind: 'error', text: maskMessage(r) };
    this.render();
  }

  private override(key: string, reason: string, reviewerId: string, pin: string): void {
    const item = this.keyed().find((i) => i.key === key);
    if (!item) return;
    this.withPin(`override:${key}`, async () => {
      const proof = await provePin(this.api, reviewerId, pin);
      if (!proof.ok) return proof;
      const { ruleId, excerpt } = item.finding;
      const r = await this.api.overrideFinding({ reviewerId, challengeId: proof.challengeId, proof: proof.proof, ruleId, excerpt, reason, context: this.auditContext() });
      if (r.ok) {
        const who = this.page?.reviewers.find((p) => p.id === reviewerId);
        this.overrides.set(key, { key, ruleId, excerpt, reason, reviewerId, reviewerName: who?.name ?? reviewerId, at: Date.now() });
      }
      return r;
    });
  }

  private signOff(role: SignoffRole, reviewerId: string, pin: string): void {
    this.withPin(`sign-${role}`, async () => {
      await this.source.rescan();
      await this.refresh();
      const proof = await provePin(this.api, reviewerId, pin);
      if (!proof.ok) return proof;
      const r = await this.api.signOff({ reviewerId, role, challengeId: proof.challengeId, proof: proof.proof, digest: this.signed.digest, context: this.auditContext() });
      if (r.ok) this.signed.add(r.signoff);
      return r;
    });
  }

  private signFile(key: string, reviewerId: string, pin: string): void {
    const uploads = this.uploads;
    const held = uploads?.list().find((u) => u.key === key);
    if (!uploads || !held) return;
    this.withPin(`sign-file:${key}`, async () => {
      const proof = await provePin(this.api, reviewerId, pin);
      if (!proof.ok) return proof;
      const { name, sha256, size, reason, linked } = held;
      // The log keeps the file's findings masked, each with its place in the file (sheet and cell).
      const findings = summarizeFindings(held.findings.map((f) => ({ ...f, excerpt: placedExcerpt(f) })));
      const file = { name, key, sha256, size, reason, ...(linked && { linked }) };
      const r = await this.api.signOffFile({ reviewerId, challengeId: proof.challengeId, proof: proof.proof, file, context: { ...this.auditContext(), findings } });
      if (r.ok) uploads.signed(key, r.signoff);
      return r;
    });
  }

  /** 发布: checked once more against what the editors will submit, then released and replayed once. */
  private async publish(): Promise<PinAnswer> {
    await this.source.rescan();
    await this.refresh();
    if (!this.evaluate().complete) return { ok: false, message: NOT_COMPLETE };
    const hidden = await this.source.hiddenBlocking();
    if (hidden > 0) return { ok: false, message: hiddenMessage(hidden) };
    const digest = this.signed.digest;
    const body = await bodyDigest(this.source.bodyText());
    const r = await this.api.releasePublish({
      digest,
      important: this.result?.important ?? true,
      editor: this.form.editor,
      itemIds: this.source.itemIds(),
      context: { ...this.auditContext(), event: 'publish-allowed', bodyDigest: body },
    });
    if (!r.ok) return r;
    this.open = false;
    this.releasePending = true;
    this.modal.hide();
    const beside = [...this.source.markupBeside(), ...this.form.pageTexts()];
    if (!this.source.release({ digest, body: this.source.bodyText(), fields: this.form.signedFields(), beside })) {
      // The publish came from the page's own code (no control to press again): the editor does it.
      this.open = true;
      this.status.message = { kind: 'info', text: pick(PRESS_AGAIN) };
    }
    return r;
  }

  // --- SignoffFlow: what the controller tells the checklist ---

  outcome(o: { route: string; endpoint: string; status?: number }): void {
    if (!this.releasePending) return;
    this.releasePending = false;
    const ok = o.status !== undefined && o.status >= 200 && o.status < 300;
    const detail = { via: o.route, endpoint: o.endpoint, result: o.status === undefined ? 'submitted' : ok ? 'ok' : 'failed', status: o.status ?? -1 };
    this.record({ ...this.auditContext(), event: 'publish-outcome', detail });
  }

  configure(next: PagePolicy): void {
    this.page = next;
    void this.api.getEditorIdentity().then(
      (name) => {
        this.form.storedEditor = name;
        void this.refresh();
      },
      () => void this.refresh(),
    );
  }

  attemptBlocked(): void {
    this.open = true;
    this.status.message = null;
    void this.refresh();
  }

  attemptChecked(via: string): void {
    void this.refresh().then(() => {
      const problems = this.result ? Object.values(this.result.sections).flatMap((s) => s.problems.map((p) => p.code)) : [];
      this.record({ ...this.auditContext(), event: 'publish-blocked', detail: { via, reasons: [...new Set(problems)].join(',') } });
    });
  }

  changed(): void {
    // The hot path (every rescan, every title keystroke): the form and the digest only matter while
    // the checklist is open or a sign-off is held that an edit would void.
    if (this.open || this.signed.signoffs.length > 0) void this.refresh();
  }

  tabState(): TabState {
    this.form.read(this.page);
    const { signoffs, voided } = this.signed;
    return tabStateOf({
      result: this.evaluate(),
      findings: this.findings(),
      fields: this.form.fields,
      requiredFields: this.page?.requiredFields ?? [],
      signoffs,
      voided,
      open: this.open,
      editor: this.form.editor,
    });
  }
}

export function startSignoffFlow(top: Window, source: DraftSource, api: SignoffApi, uploads?: UploadSource): SignoffFlow {
  return new Checklist(top, source, api, uploads);
}
