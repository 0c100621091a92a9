/**
 * The pre-publication checklist: what still stands between this draft and 发布, section by section,
 * in the words a county editor reads (Chinese first). Pure: the page gathers the input, the
 * background stays the authority on who signed; this only says what is missing.
 */
import { KIND_LABELS } from '../scan/kind-labels';
import type { Finding, Localized } from '../scan/types';
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


const FIELD_LABELS: Record<FieldName, Localized> = {
  title: { zh: '标题', en: 'title' },
  channel: { zh: '栏目', en: 'channel' },
  category: { zh: '信息类别', en: 'category' },
  disclosure: { zh: '公开方式', en: 'disclosure mode' },
  reviewer: { zh: '审核人', en: 'reviewer' },
};

const CONFIRMATION_LABELS: Record<Exclude<keyof Confirmations, 'otherUnit'>, Localized> = {
  accuracy: { zh: '审核人尚未确认内容准确（第十四条第二项）', en: 'the reviewer has not confirmed the content is accurate (article 14(2))' },
  completeness: { zh: '审核人尚未确认内容完整（第十四条第二项）', en: 'the reviewer has not confirmed the content is complete (article 14(2))' },
  timeliness: { zh: '审核人尚未确认内容时效（第十四条第二项）', en: 'the reviewer has not confirmed the content is timely (article 14(2))' },
  secrecy: { zh: '审核人尚未确认内容不涉密（保密审查，第十四条第二项）', en: 'the reviewer has not confirmed the content holds no secrets (article 14(2))' },
};

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

function findingProblems(input: ChecklistInput): ChecklistProblem[] {
  const problems: ChecklistProblem[] = [];
  if (input.scanError !== null) {
    problems.push({
      code: 'scan-incomplete',
      message: {
        zh: `检查未能完成（${input.scanError}），为安全起见暂不能发布，请刷新页面后重试`,
        en: `The check could not finish (${input.scanError}), so publishing stays blocked; reload the page and try again`,
      },
    });
  }
  // An override given by the editor would be the editor approving their own draft.
  const overridden = new Set(input.overrides.filter((o) => !sameName(o.reviewerName, input.editor)).map((o) => o.key));
  const keys = findingKeys(input.findings);
  input.findings.forEach((f, i) => {
    const findingKey = keys[i]!;
    const label = KIND_LABELS[f.kind];
    const base = { findingKey, severity: f.severity };
    if (f.severity === 'block') {
      problems.push({
        ...base,
        code: 'finding-block',
        message: { zh: `${label.zh}必须删除或修改后才能发布：${f.excerpt}`, en: `${label.en} must be removed or changed before publishing: ${f.excerpt}` },
      });
    } else if (f.severity === 'warn' && input.overridable[f.ruleId] !== true) {
      problems.push({
        ...base,
        code: 'finding-warn',
        message: {
          zh: `${label.zh}须修改后才能发布（本单位规定此项不能放行）：${f.excerpt}`,
          en: `${label.en} must be changed before publishing (the unit's policy allows no override): ${f.excerpt}`,
        },
      });
    } else if (f.severity === 'warn' && !overridden.has(findingKey)) {
      problems.push({
        ...base,
        code: 'finding-needs-override',
        message: {
          zh: `${label.zh}需要核实：请修改，或由审核人说明理由后放行：${f.excerpt}`,
          en: `check this ${label.en}: change it, or have a reviewer let it through with a reason: ${f.excerpt}`,
        },
      });
    }
  });
  return problems;
}

function fieldMissing(field: FieldName, reading: FieldReading | undefined): ChecklistProblem {
  const label = FIELD_LABELS[field];
  const message =
    reading?.present === true
      ? { zh: `请填写「${label.zh}」`, en: `the ${label.en} is required` }
      : {
          zh: `页面上找不到「${label.zh}」一栏，请联系管理员检查站点适配`,
          en: `the ${label.en} field was not found on this page; ask the administrator to check the site adapter`,
        };
  return { code: 'field-missing', field, message };
}

function categoryProblem(input: ChecklistInput, reading: FieldReading): ChecklistProblem | null {
  const given = [reading.value.trim(), reading.text.trim()];
  if (input.catalogue.some((c) => given.includes(c.id) || given.includes(c.name))) return null;
  return {
    code: 'category-invalid',
    field: 'category',
    message: {
      zh: `信息类别「${shown(reading)}」不在本单位的信息类别目录中，请从目录中选择（第七条）`,
      en: `the category "${shown(reading)}" is not in the unit's catalogue; choose one from it (article 7)`,
    },
  };
}

function disclosureProblem(reading: FieldReading): ChecklistProblem | null {
  const said = `${reading.value} ${reading.text}`;
  const problem = (code: string, message: Localized): ChecklistProblem => ({ code, field: 'disclosure', message });
  // The refusing modes are looked for first: when value and text disagree, the stricter one wins.
  if (said.includes('不予公开')) {
    return problem('disclosure-not-public', {
      zh: '公开方式为「不予公开」：此信息不得在网站上发布（第十三条）',
      en: 'the disclosure mode is "not to be disclosed": this item must not be published at all (article 13)',
    });
  }
  if (said.includes('依申请公开')) {
    return problem('disclosure-not-public', {
      zh: '公开方式为「依申请公开」：此类信息只向申请人提供，不在网站上发布（第十三条）；如确应上网，请改为「主动公开」',
      en: 'the disclosure mode is "on request": such items are given to the applicant, not published on the website (article 13); if it is meant to go online, change it to "proactive"',
    });
  }
  if (said.includes('主动公开')) return null;
  return problem('disclosure-invalid', {
    zh: `无法识别公开方式「${shown(reading)}」：网站上只能发布「主动公开」的信息（第十三条）`,
    en: `unknown disclosure mode "${shown(reading)}": only proactively disclosed items may go on the website (article 13)`,
  });
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
    problems.push({
      code: 'reviewer-unknown',
      field: 'reviewer',
      message: { zh: `审核人「${named.name}」不在审核人名单中`, en: `the reviewer "${named.name}" is not on the roster` },
    });
  }
  if (sameName(named.name, input.editor)) {
    problems.push({
      code: 'self-review',
      field: 'reviewer',
      message: {
        zh: `审核人不能是编辑本人（${named.name}），请另选审核人（谁发布、谁审核、谁负责）`,
        en: `the reviewer cannot be the editor (${named.name}); choose another reviewer`,
      },
    });
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
  for (const [item, message] of Object.entries(CONFIRMATION_LABELS) as [keyof typeof CONFIRMATION_LABELS, Localized][]) {
    if (!confirmations[item]) problems.push({ code: 'confirm-missing', message });
  }
  const other = confirmations.otherUnit;
  if (other.involved && other.name.trim() === '') {
    problems.push({
      code: 'other-unit-missing',
      message: { zh: '信息涉及其他单位：请写明单位名称（第五条）', en: 'the item concerns another unit: name it (article 5)' },
    });
  } else if (other.involved && !other.confirmed) {
    problems.push({
      code: 'other-unit-unconfirmed',
      message: {
        zh: `信息涉及「${other.name.trim()}」，须经对方确认后方可发布（第五条）`,
        en: `the item concerns ${other.name.trim()}: it may be published only once that unit has confirmed it (article 5)`,
      },
    });
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
    problems.push({
      code: 'no-reviewers',
      message: {
        zh: '尚未设置审核人名单，无法签发。请管理员在选项页添加审核人',
        en: 'no reviewers are set up, so nothing can be signed off; an administrator adds them in the options page',
      },
    });
  }
  if ((needs.reviewer || needs.principal) && byEditor.length > 0) {
    problems.push({
      code: 'self-review',
      message: {
        zh: `编辑本人（${input.editor?.trim()}）的签发无效，须由其他审核人签发`,
        en: `a sign-off by the editor (${input.editor?.trim()}) does not count; another reviewer must sign`,
      },
    });
  }
  if (needs.reviewer && named && counted.length > 0) {
    problems.push({
      code: 'signer-not-named-reviewer',
      field: 'reviewer',
      message: {
        zh: `签发人须是「审核人」一栏所填的「${named.name}」`,
        en: `the sign-off must come from ${named.name}, the reviewer named in the form`,
      },
    });
  } else if (needs.reviewer) {
    problems.push({
      code: 'needs-reviewer',
      message: named
        ? { zh: `尚需审核人「${named.name}」签发（第十四条第三项）`, en: `needs ${named.name}'s sign-off (article 14(3))` }
        : { zh: '尚需审核人签发（第十四条第三项）', en: "needs a reviewer's sign-off (article 14(3))" },
    });
  }
  if (needs.principal) {
    problems.push({
      code: 'needs-principal',
      message: {
        zh: '重要信息，尚需单位主要负责人另行审核同意（第十四条第三项）',
        en: 'important item: the unit head must approve it as well, as a second person (article 14(3))',
      },
    });
  }
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
