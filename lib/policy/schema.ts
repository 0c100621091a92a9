/**
 * The policy, version 2: where Precheck runs, how it reads each CMS, what the rules do, what a draft
 * must fill in, who may sign off, and how long the audit log is kept. Every object is strict, so a
 * misspelt key is reported instead of silently ignored. validate.ts is the way in; this file only
 * says what is valid.
 */
import { z } from 'zod';
import type { EditorKind } from '../editors/types';
import {
  ALWAYS,
  collectorToken,
  collectorUrl,
  email,
  fieldPattern,
  framePath,
  idPattern,
  idString,
  isRecord,
  nonBlank,
  originPattern,
  phone,
  pinRecord,
  publishUrlPattern,
  report,
  selector,
  severity,
  uniqueBy,
  urlPattern,
} from './fields';
import { DEFAULT_ATTACHMENT_MAX_MB, REQUIRED_FIELD_NAMES } from './limits';
import { covers, parseMatchPattern, type MatchPattern } from './match-pattern';
import { isRuleId } from './rule-ids';

export const POLICY_VERSION = 2;

export const EDITOR_KINDS = [
  'ueditor',
  'kindeditor',
  'ckeditor4',
  'ckeditor4-inline',
  'ckeditor5',
  'tinymce',
  'quill',
  'wangeditor',
  'design-mode',
  'contenteditable',
  'textarea',
] as const satisfies readonly EditorKind[];
// Compile-time guard: a new EditorKind must be added above, or this type stops compiling.
type AssertNever<T extends never> = T;
export type EditorKindsComplete = AssertNever<Exclude<EditorKind, (typeof EDITOR_KINDS)[number]>>;

export { REQUIRED_FIELD_NAMES } from './limits';

/**
 * A field the request must send for the rule to match (lib/policy/request-rule.ts), for CMSes that
 * post every action to one address and name it in a field: EmpireCMS's `enews=CheckNews_all`,
 * WordPress's `publish` / `save` submit names. Read in the decoded body (urlencoded, multipart, JSON)
 * and the query string. The browser's network backstop sees no body: a rule with a field condition is
 * judged by the page gate only (lib/gate/backstop-rules.ts).
 */
const requestField = z.strictObject({
  /** the field's name as sent (`enews`, `publish`; a nested JSON key as `data.action`) */
  name: nonBlank(100),
  /** RegExp source tested against each of the field's decoded values, blank ones too (`^`: sent at all, PHP's isset); missing: any non-blank value */
  pattern: fieldPattern.optional(),
  /** true: the rule needs the field NOT sent (PublicCMS: a save without `draft` publishes) */
  absent: z.boolean().optional(),
});

const publishRequest = z.strictObject({
  method: z.enum(['POST', 'PUT', 'PATCH']).optional(),
  /** Source of a RegExp tested against the request's absolute URL. */
  urlPattern: publishUrlPattern,
  field: requestField.optional(),
});

/** How a list-page publish request names its items (read by lib/policy/list-publish.ts). */
const itemIds = z.strictObject({
  /**
   * the query string, the request body (urlencoded, multipart or JSON), or either — for servers that
   * read a parameter from both alike (Spring MVC, PHP's $_REQUEST): ids in the query of a post count
   */
  from: z.enum(['query', 'body', 'either']),
  /** parameter name as sent: `ids[]`, `qstr`, `id`, `p` */
  name: nonBlank(100),
  /** several ids in one value (DedeCMS `42`43`) */
  separator: z.string().min(1).max(5).optional(),
  /** RegExp source whose first group is the id, for ids inside a path-like value (PbootCMS `/id/42/`) */
  pattern: idPattern.optional(),
});

const listPublish = z.strictObject({
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH']).optional(),
  /** Source of a RegExp tested against the request's absolute URL. */
  urlPattern: publishUrlPattern,
  field: requestField.optional(),
  ids: itemIds,
  /** the list rows' checkboxes, whose values are the ids the button publishes */
  rowCheckbox: selector.optional(),
});

/** Where the edit page says which item it edits, so that a sign-off can be bound to the item id. */
const itemId = z.strictObject({
  /** the form's id field (a hidden input) */
  field: selector.optional(),
  /** the edit page's URL parameter (`?id=42`, `?aid=42`) */
  urlParam: nonBlank(50).optional(),
  /** dotted path to the id in the save response's JSON (`data.id`) */
  responsePath: z.string().regex(/^[A-Za-z_$][\w$]*(\.[A-Za-z_$0-9][\w$]*)*$/).max(200).optional(),
  /** RegExp source whose first group is the id in the save response's text (`/edit/id/(\d+)`, `autosave_gid:(\d+)`) */
  responsePattern: idPattern.optional(),
  /**
   * RegExp source whose first group is the id on the page a released form post leads to — read in its
   * address, its links and its text (DedeCMS: `archives_do\.php\?aid=(\d+)&dopost=editArchives`)
   */
  resultPattern: idPattern.optional(),
});

export const siteAdapterSchema = z.strictObject({
  id: idString,
  name: nonBlank(100),
  /** Pages this adapter applies to; each must lie inside one of the policy's origins. */
  match: z.array(urlPattern).min(1).max(20),
  editor: z.strictObject({
    kind: z.enum(EDITOR_KINDS),
    framePath: framePath.optional(),
    /** The editor's element when the page has several (e.g. '#ueditor_0'). */
    selector: selector.optional(),
  }),
  fields: z.strictObject({
    /** Where the form lives when it is not the top document (TRS WCM style frames). */
    framePath: framePath.optional(),
    title: selector.optional(),
    channel: selector.optional(),
    category: selector.optional(),
    disclosure: selector.optional(),
    reviewer: selector.optional(),
    publisher: selector.optional(),
    attachments: selector.optional(),
    /**
     * The CMS's logged-in user (the editor, article 4's 谁发布). Looked up in the top document and its
     * same-origin frames, not only under framePath: CMS headers usually sit outside the form's frame.
     */
    currentUser: selector.optional(),
  }),
  /** Controls the built-in publish-word heuristics would miss (icon buttons, odd labels). */
  publishButtons: z.array(selector).max(20).default(() => []),
  publishRequests: z.array(publishRequest).max(20).default(() => []),
  /** Endpoints that only store a draft on the CMS (保存草稿, autosave): a clean draft may go there unsigned. */
  draftRequests: z.array(publishRequest).max(20).optional(),
  /** Publishing saved items from the article list (tick rows → 发布, or per-row links). Optional. */
  listPublish: z.array(listPublish).max(20).optional(),
  /**
   * Endpoints that take items offline (取消发布, 撤回): no publish, though their address names one
   * (ThinkCMF's publish/no/1). Read on the address as sent; a declared publish outranks them.
   */
  withdrawRequests: z.array(publishRequest).max(20).optional(),
  /** How the edit page names its item, to bind a sign-off to the id a list publish sends. Optional. */
  itemId: itemId.optional(),
});

const ruleSetting = z.strictObject({
  enabled: z.boolean().optional(),
  severity: severity.optional(),
  /** May an editor publish past a finding by giving a reason? Missing: only block findings are hard stops. */
  overridable: z.boolean().optional(),
});

const rulesSchema = z.record(z.string(), ruleSetting).superRefine((value: unknown, ctx) => {
  if (!isRecord(value)) return;
  for (const id of Object.keys(value)) {
    if (!isRuleId(id)) report(ctx, { zh: '不是已知的规则编号', en: 'is not a known rule id' }, [id]);
  }
}, ALWAYS);

const customWord = z.strictObject({
  word: nonBlank(50),
  severity,
  note: z.string().max(200).optional(),
});

const reviewerSchema = z.strictObject({
  id: idString,
  name: nonBlank(50),
  unit: nonBlank(100),
  /** 'principal' is the unit head (主要负责人) who must also sign important items (article 14(3)). */
  role: z.enum(['reviewer', 'principal']),
  pin: pinRecord,
});

const policyObject = z.strictObject({
  version: z.literal(POLICY_VERSION),
  origins: z.array(originPattern).min(1).max(200).superRefine(uniqueBy(), ALWAYS),
  adapters: z.array(siteAdapterSchema).max(100).superRefine(uniqueBy('id'), ALWAYS),
  rules: rulesSchema,
  allowList: z.strictObject({
    phones: z.array(phone).max(500).default(() => []),
    emails: z.array(email).max(500).default(() => []),
  }),
  customWords: z.array(customWord).max(1000).superRefine(uniqueBy('word'), ALWAYS),
  requiredFields: z.array(z.enum(REQUIRED_FIELD_NAMES)).superRefine(uniqueBy(), ALWAYS),
  catalogue: z
    .array(z.strictObject({ id: idString, name: nonBlank(100) }))
    .min(1)
    .max(500)
    .superRefine(uniqueBy('id'), ALWAYS),
  importantCategories: z.array(idString).superRefine(uniqueBy(), ALWAYS),
  reviewers: z.array(reviewerSchema).max(500).superRefine(uniqueBy('id'), ALWAYS),
  gate: z
    .strictObject({
      /**
       * 'scan' (default): a draft save (保存草稿, autosave) that carries a block finding is refused like
       * any request. 'allow': the unit accepts personal data in drafts kept on its own CMS server —
       * publishing them still needs the checklist and a sign-off.
       */
      draftSaves: z.enum(['scan', 'allow']),
    })
    .default(() => ({ draftSaves: 'scan' as const })),
  signoff: z.strictObject({
    /** A sign-off survives a page reload for this long, then the reviewer signs again. */
    validMinutes: z.int().min(1).max(1440),
  }),
  audit: z.strictObject({
    retentionDays: z.int().min(30).max(36500),
    collectorUrl: collectorUrl.optional(),
    /** Sent as `Authorization: Bearer …`: the collector keeps each unit's records apart by it. */
    collectorToken: collectorToken.optional(),
  }),
  /** The unit this browser publishes for: its name heads the printed review form (article 15). */
  unit: z
    .strictObject({
      name: z.string().trim().max(100),
    })
    .default(() => ({ name: '' })),
  /** Attachments larger than maxMB are not opened: reported as not scanned, for the reviewer to confirm. */
  attachments: z
    .strictObject({
      maxMB: z.int().min(1).max(1024).default(DEFAULT_ATTACHMENT_MAX_MB),
    })
    .default(() => ({ maxMB: DEFAULT_ATTACHMENT_MAX_MB })),
  meta: z
    .strictObject({
      name: z.string().max(100).optional(),
      note: z.string().max(1000).optional(),
      updatedAt: z.iso.datetime({ offset: true }).optional(),
      updatedBy: z.string().max(100).optional(),
    })
    .default(() => ({})),
});

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.map((v) => (isRecord(v) ? v : {})) : [];
}

/** Checks between top-level keys. Reads `unknown`: it runs even when other parts failed. */
function crossCheck(value: unknown, ctx: z.core.$RefinementCtx): void {
  if (!isRecord(value)) return;
  const catalogueIds = new Set(records(value.catalogue).map((c) => c.id));
  const important = Array.isArray(value.importantCategories) ? (value.importantCategories as unknown[]) : [];
  important.forEach((id, i) => {
    if (typeof id === 'string' && Array.isArray(value.catalogue) && !catalogueIds.has(id)) {
      report(ctx, { zh: '不在信息类别目录中', en: 'is not in the catalogue' }, ['importantCategories', i]);
    }
  });
  // An empty roster means sign-off is not set up yet (a fresh install); a roster without a unit head
  // could never release an important item, which article 14(3) says needs the 主要负责人.
  const roster = records(value.reviewers);
  if (important.length > 0 && roster.length > 0 && !roster.some((r) => r.role === 'principal')) {
    report(
      ctx,
      { zh: '中没有主要负责人（principal），重要信息类别的稿件将无人能签发', en: 'has no principal, so items in important categories could never be signed off' },
      ['reviewers'],
    );
  }
  // Coverage is judged only against a fully valid origin list: with a broken origin, "outside every
  // origin" would be a consequence of that problem, not a second one.
  const parsedOrigins = strings(value.origins).map((o) => parseMatchPattern(o, true));
  const origins = parsedOrigins.flatMap((r) => (r.ok ? [r.pattern] : []));
  if (origins.length === 0 || origins.length !== parsedOrigins.length) return;
  records(value.adapters).forEach((adapter, a) => {
    strings(adapter.match).forEach((m, j) => {
      const parsed = parseMatchPattern(m, false);
      if (parsed.ok && !origins.some((o: MatchPattern) => covers(o, parsed.pattern))) {
        report(ctx, { zh: '不在任何适用网址（origins）范围内，这个适配永远不会生效', en: 'lies outside every origin, so this adapter would never apply' }, [
          'adapters',
          a,
          'match',
          j,
        ]);
      }
    });
  });
}

export const policySchema = policyObject.superRefine(crossCheck, ALWAYS);

export type Policy = z.output<typeof policySchema>;
/** What a policy file may omit (defaults fill in `meta`, empty lists, …). */
export type PolicyInput = z.input<typeof policySchema>;
export type SiteAdapter = z.output<typeof siteAdapterSchema>;
export type PublishRequestRule = z.output<typeof publishRequest>;
export type RequestFieldRule = z.output<typeof requestField>;
export type ListPublishRule = z.output<typeof listPublish>;
export type ItemIdsRule = z.output<typeof itemIds>;
export type ItemIdRule = z.output<typeof itemId>;
export type RuleSetting = z.output<typeof ruleSetting>;
export type CustomWord = z.output<typeof customWord>;
export type Reviewer = z.output<typeof reviewerSchema>;
export type PinRecord = z.output<typeof pinRecord>;
export type RequiredField = (typeof REQUIRED_FIELD_NAMES)[number];
export type PolicyKey = Exclude<keyof Policy, 'version'>;

/** The top-level keys IT can set through managed storage, in display order. */
export const POLICY_KEYS = Object.keys(policyObject.shape).filter((k): k is PolicyKey => k !== 'version');
