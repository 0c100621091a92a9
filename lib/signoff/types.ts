/**
 * The sign-off's data: what is read from the CMS form, what the checklist says about it, and what a
 * reviewer's sign-off covers. Shared by the in-page checklist (content script), the background (the
 * authority on PINs and sign-offs) and the popup. No raw draft text travels in any of these: findings
 * carry masked excerpts, the draft itself only as its digest.
 */
import type { RequiredField } from '../policy/schema';
import type { Finding, Localized, Severity } from '../scan/types';

/** The form fields the checklist reads (policy.requiredFields names a subset of them). */
export type FieldName = RequiredField;

export interface FieldReading {
  /** The field exists on the page (found through the adapter's selector, its name/id, or its label). */
  present: boolean;
  /** The submitted value (a select's option value, an input's text), trimmed. */
  value: string;
  /** What the editor sees: a select's option text; for inputs the same as value. */
  text: string;
  /** The CMS has no such field: Precheck asks for it in the checklist itself (category, disclosure). */
  own?: boolean;
}

export type FieldReadings = Partial<Record<FieldName, FieldReading>>;

/** 公开方式 as article 13 names them. Only 主动公开 may go on the website. */
export const DISCLOSURE_MODES = ['主动公开', '依申请公开', '不予公开'] as const;
export type DisclosureMode = (typeof DISCLOSURE_MODES)[number];

/** The parts of a draft a sign-off covers (article 14): any change to one of them voids it. */
export interface DigestInput {
  title: string;
  /** The body's text as the editors hold it (markup already removed). */
  body: string;
  category: string;
  disclosure: string;
  reviewer: string;
}

/** The reviewer's confirmations of article 14(2), and article 5's other-unit confirmation. */
export interface Confirmations {
  accuracy: boolean;
  completeness: boolean;
  timeliness: boolean;
  secrecy: boolean;
  /** The item concerns another unit (article 5): that unit must have confirmed it, by name. */
  otherUnit: { involved: boolean; name: string; confirmed: boolean };
}

export const NO_CONFIRMATIONS: Confirmations = {
  accuracy: false,
  completeness: false,
  timeliness: false,
  secrecy: false,
  otherUnit: { involved: false, name: '', confirmed: false },
};

export type SignoffRole = 'reviewer' | 'principal';

/** A reviewer's sign-off of one digest, as the background stored it after verifying the PIN. */
export interface Signoff {
  digest: string;
  reviewerId: string;
  reviewerName: string;
  role: SignoffRole;
  /** epoch ms */
  at: number;
  /** epoch ms; after this the draft must be signed again (policy.signoff.validMinutes). */
  expiresAt: number;
}

/**
 * An overridden finding. A finding is known by its rule, its masked excerpt and which occurrence of
 * that pair it is, so the same override survives a rescan but not a different number.
 */
export interface Override {
  key: string;
  ruleId: string;
  excerpt: string;
  reason: string;
  reviewerId: string;
  reviewerName: string;
  at: number;
}

/** The roster as a page sees it (no PIN records). */
export interface RosterEntry {
  id: string;
  name: string;
  unit: string;
  role: SignoffRole;
}

export interface ChecklistInput {
  findings: readonly Finding[];
  /** The findings' keys (findingKeys) when the caller keeps them already. */
  keys?: readonly string[];
  /** Per rule id: may a warn finding of it be overridden (policy)? Block findings never may. */
  overridable: Readonly<Record<string, boolean>>;
  overrides: readonly Override[];
  /** A scan failed or could not finish: publishing stays blocked (fail closed) and this says why. */
  scanError: string | null;
  fields: FieldReadings;
  requiredFields: readonly FieldName[];
  catalogue: readonly { id: string; name: string }[];
  importantCategories: readonly string[];
  /** The editor ticked 重要信息. */
  markedImportant: boolean;
  confirmations: Confirmations;
  reviewers: readonly RosterEntry[];
  /** The editor's identity (set in the popup, or the CMS's logged-in user via the adapter). */
  editor: string | null;
  /** Sign-offs the background holds for `digest` that have not expired. */
  signoffs: readonly Signoff[];
  digest: string;
  now: number;
}

export type SectionId = 'findings' | 'fields' | 'confirm' | 'signoff';

export interface ChecklistProblem {
  /** Stable code for tests and the audit log, e.g. 'finding-block', 'field-missing', 'disclosure-not-public'. */
  code: string;
  message: Localized;
  /** The form field this is about ("go to field" focuses it). */
  field?: FieldName;
  /** The finding this is about (its override key). */
  findingKey?: string;
  severity?: Severity;
}

export interface ChecklistSection {
  id: SectionId;
  complete: boolean;
  problems: ChecklistProblem[];
}

export interface ChecklistResult {
  sections: Record<SectionId, ChecklistSection>;
  /** Important (policy category or the editor's mark): a principal must sign too. */
  important: boolean;
  /** The sign-offs still missing. */
  needs: { reviewer: boolean; principal: boolean };
  /** Every section complete: 发布 becomes available. */
  complete: boolean;
}
