/**
 * The pre-publication checklist: what still stands between this draft and 发布, section by section,
 * in both languages (the page shows its own; lib/signoff/checklist-strings.ts). Pure: the page gathers
 * the input, the background stays the authority on who signed; this only says what is missing.
 */
import type { Finding } from '../scan/types';
import { problemText as t } from './checklist-strings';
import type {
  ChecklistInput,
  ChecklistProblem,
  ChecklistResult,
  ChecklistSection,
  Confirmations,
  FieldName,
  FieldReading,
  SectionId,
  Signoff,
} from './types';

const CONFIRMATION_ITEMS = ['accuracy', 'completeness', 'timeliness', 'secrecy'] as const satisfies readonly Exclude<keyof Confirmations, 'otherUnit'>[];

function section(id: SectionId, problems: ChecklistProblem[]): ChecklistSection {
  return { id, complete: problems.length === 0, problems };
}

/** Names compare trimmed; an empty name is nobody, so it never matches. */
export function sameName(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = a?.trim() ?? '';
  return x !== '' && x === (b?.trim() ?? '');
}

function filled(reading: FieldReading | undefined): reading is FieldReading {
  return reading !== undefined && reading.present && reading.value.trim() !== '';
}

/** What the editor sees in a field (a select's option text), falling back to the submitted value. */
function shown(reading: FieldReading): string {
  return reading.text.trim() || reading.value.trim();
}

/**
 * One key per finding: its rule, its masked excerpt and which occurrence of that pair it is. An
 * override keyed so survives a rescan (offsets move as the editor types) but not a different value.
 */
export function findingKeys(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const pair = `${f.ruleId}|${f.excerpt}`;
    const n = seen.get(pair) ?? 0;
    seen.set(pair, n + 1);
    return `${pair}|${n}`;
  });
}

/**
 * findingKeys kept while the list holds the same Finding objects in the same order (a rescan makes new
 * ones): every render of an unchanged 1 MB 公示 draft keyed its thousands of findings again, twice.
 */
export function keptFindingKeys(): (findings: readonly Finding[]) => string[] {
  let last: readonly Finding[] = [];
  let keys: string[] = [];
  return (findings) => {
    if (findings.length !== last.length || findings.some((f, i) => f !== last[i])) {
      last = [...findings];
      keys = findingKeys(last);
    }
    return keys;
  };
}

function findingProblems(input: ChecklistInput): ChecklistProblem[] {
  const problems: ChecklistProblem[] = [];
  if (input.scanError !== null) {
    problems.push({ code: 'scan-incomplete', message: t.both('scan_incomplete', input.scanError) });
  }
  // An override given by the editor would be the editor approving their own draft.
  const overridden = new Set(input.overrides.filter((o) => !sameName(o.reviewerName, input.editor)).map((o) => o.key));
  const keys = input.keys ?? findingKeys(input.findings);
  // One message per code and kind, shared: a 1 MB 公示 draft has thousands of findings of a few kinds.
  const messages = new Map<string, ChecklistProblem['message']>();
  const say = (code: 'finding_block' | 'finding_warn' | 'finding_needs_override', kind: Finding['kind']) => {
    const id = `${code}|${kind}`;
    let message = messages.get(id);
    if (!message) messages.set(id, (message = t.both(code, kind)));
    return message;
  };
  input.findings.forEach((f, i) => {
    const base = { findingKey: keys[i]!, severity: f.severity };
    if (f.severity === 'block') {
      problems.push({ ...base, code: 'finding-block', message: say('finding_block', f.kind) });
    } else if (f.severity === 'warn' && input.overridable[f.ruleId] !== true) {
      problems.push({ ...base, code: 'finding-warn', message: say('finding_warn', f.kind) });
    } else if (f.severity === 'warn' && !overridden.has(base.findingKey)) {
      problems.push({ ...base, code: 'finding-needs-override', message: say('finding_needs_override', f.kind) });
    }
  });
  return problems;
}

function fieldMissing(field: FieldName, reading: FieldReading | undefined): ChecklistProblem {
  const message = reading?.present === true ? t.both('field_missing', field) : t.both('field_not_found', field);
  return { code: 'field-missing', field, message };
}

function categoryProblem(input: ChecklistInput, reading: FieldReading): ChecklistProblem | null {
  const given = [reading.value.trim(), reading.text.trim()];
  if (input.catalogue.some((c) => given.includes(c.id) || given.includes(c.name))) return null;
  return { code: 'category-invalid', field: 'category', message: t.both('category_invalid', shown(reading)) };
}

function disclosureProblem(reading: FieldReading): ChecklistProblem | null {
  const said = `${reading.value} ${reading.text}`;
  const problem = (code: string, message: ChecklistProblem['message']): ChecklistProblem => ({ code, field: 'disclosure', message });
  // The refusing modes are looked for first: when value and text disagree, the stricter one wins.
  if (said.includes('不予公开')) return problem('disclosure-not-public', t.both('disclosure_refused'));
  if (said.includes('依申请公开')) return problem('disclosure-not-public', t.both('disclosure_on_request'));
  if (said.includes('主动公开')) return null;
  return problem('disclosure-invalid', t.both('disclosure_unknown', shown(reading)));
}

interface NamedPerson {
  id?: string;
  name: string;
}

/** The person the form's 审核人 field names, resolved against the roster when it can be. */
function namedReviewer(input: ChecklistInput): NamedPerson | null {
  const reading = input.fields.reviewer;
  if (!filled(reading)) return null;
  const given = [reading.value.trim(), reading.text.trim()].filter((g) => g !== '');
  const entry = input.reviewers.find((r) => given.includes(r.id) || given.includes(r.name));
  return entry ? { id: entry.id, name: entry.name } : { name: shown(reading) };
}

function reviewerFieldProblems(input: ChecklistInput): ChecklistProblem[] {
  const named = namedReviewer(input);
  if (!named) return [];
  const problems: ChecklistProblem[] = [];
  if (named.id === undefined && input.reviewers.length > 0) {
    problems.push({ code: 'reviewer-unknown', field: 'reviewer', message: t.both('reviewer_unknown', named.name) });
  }
  if (sameName(named.name, input.editor)) {
    problems.push({ code: 'self-review', field: 'reviewer', message: t.both('self_review_field', named.name) });
  }
  return problems;
}

function fieldProblems(input: ChecklistInput): ChecklistProblem[] {
  const problems: ChecklistProblem[] = [];
  const { fields } = input;
  for (const field of input.requiredFields) {
    if (!filled(fields[field])) problems.push(fieldMissing(field, fields[field]));
  }
  const category = fields.category;
  if (filled(category)) {
    const problem = categoryProblem(input, category);
    if (problem) problems.push(problem);
  }
  // Article 13 has the mode decided before drafting: a 公开方式 field on the page is checked even when
  // the policy does not list it as required, since a wrong mode there is a reason not to publish.
  const disclosure = fields.disclosure;
  if (disclosure?.present === true) {
    if (!filled(disclosure)) {
      if (!input.requiredFields.includes('disclosure')) problems.push(fieldMissing('disclosure', disclosure));
    } else {
      const problem = disclosureProblem(disclosure);
      if (problem) problems.push(problem);
    }
  }
  problems.push(...reviewerFieldProblems(input));
  return problems;
}

function confirmProblems({ confirmations }: ChecklistInput): ChecklistProblem[] {
  const problems: ChecklistProblem[] = [];
  for (const item of CONFIRMATION_ITEMS) {
    if (!confirmations[item]) problems.push({ code: 'confirm-missing', message: t.both(`confirm_${item}`) });
  }
  const other = confirmations.otherUnit;
  if (other.involved && other.name.trim() === '') {
    problems.push({ code: 'other-unit-missing', message: t.both('other_unit_missing') });
  } else if (other.involved && !other.confirmed) {
    problems.push({ code: 'other-unit-unconfirmed', message: t.both('other_unit_unconfirmed', other.name.trim()) });
  }
  return problems;
}

/** Important (article 14(3)): a category the policy lists, by id or by its catalogue name, or the editor's mark. */
export function isImportant(input: Pick<ChecklistInput, 'fields' | 'catalogue' | 'importantCategories' | 'markedImportant'>): boolean {
  if (input.markedImportant) return true;
  const reading = input.fields.category;
  if (!filled(reading)) return false;
  const given = [reading.value.trim(), reading.text.trim()];
  const important = new Set(input.importantCategories);
  return given.some((g) => important.has(g)) || input.catalogue.some((c) => important.has(c.id) && given.includes(c.name));
}

function samePerson(a: Signoff, b: Signoff): boolean {
  return a.reviewerId === b.reviewerId || sameName(a.reviewerName, b.reviewerName);
}

function isBy(s: Signoff, person: NamedPerson): boolean {
  return (person.id !== undefined && s.reviewerId === person.id) || sameName(s.reviewerName, person.name);
}

export interface Signers {
  /** The first sign-off: a reviewer's, or a principal's acting as the reviewer. */
  first: Signoff | undefined;
  /** A principal's sign-off by someone other than the first signer (needed for important items). */
  principal: Signoff | undefined;
}

/**
 * Which of the sign-offs that count make up the two signatures. Either role may sign first, but one
 * person is never both signatures. The background's release check uses the same pairing.
 */
export function pickSigners(counted: readonly Signoff[], important: boolean, canSignFirst: (s: Signoff) => boolean = () => true): Signers {
  const sorted = [...counted].sort((a, b) => a.at - b.at);
  const firsts = sorted.filter(canSignFirst);
  if (important) {
    for (const first of firsts) {
      const principal = sorted.find((s) => s.role === 'principal' && !samePerson(s, first));
      if (principal) return { first, principal };
    }
  }
  return { first: firsts[0], principal: undefined };
}

interface SignoffVerdict {
  problems: ChecklistProblem[];
  needs: { reviewer: boolean; principal: boolean };
}

function signoffVerdict(input: ChecklistInput, important: boolean): SignoffVerdict {
  const current = input.signoffs.filter((s) => s.digest === input.digest && s.expiresAt > input.now);
  const byEditor = current.filter((s) => sameName(s.reviewerName, input.editor));
  const counted = current.filter((s) => !byEditor.includes(s));
  const named = namedReviewer(input);
  const { first, principal } = pickSigners(counted, important, named ? (s) => isBy(s, named) : undefined);
  const needs = { reviewer: first === undefined, principal: important && principal === undefined };

  const problems: ChecklistProblem[] = [];
  if (input.reviewers.length === 0) {
    problems.push({ code: 'no-reviewers', message: t.both('no_reviewers') });
  }
  if ((needs.reviewer || needs.principal) && byEditor.length > 0) {
    problems.push({ code: 'self-review', message: t.both('self_review_signoff', input.editor?.trim() ?? '') });
  }
  if (needs.reviewer && named && counted.length > 0) {
    problems.push({ code: 'signer-not-named-reviewer', field: 'reviewer', message: t.both('signer_not_named', named.name) });
  } else if (needs.reviewer) {
    problems.push({ code: 'needs-reviewer', message: named ? t.both('needs_named_reviewer', named.name) : t.both('needs_reviewer') });
  }
  if (needs.principal) problems.push({ code: 'needs-principal', message: t.both('needs_principal') });
  return { problems, needs };
}

export function evaluateChecklist(input: ChecklistInput): ChecklistResult {
  const important = isImportant(input);
  const verdict = signoffVerdict(input, important);
  const sections: Record<SectionId, ChecklistSection> = {
    findings: section('findings', findingProblems(input)),
    fields: section('fields', fieldProblems(input)),
    confirm: section('confirm', confirmProblems(input)),
    signoff: section('signoff', verdict.problems),
  };
  return { sections, important, needs: verdict.needs, complete: Object.values(sections).every((s) => s.complete) };
}
