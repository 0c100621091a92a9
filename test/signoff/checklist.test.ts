import { describe, expect, it } from 'vitest';
import { ARTICLE_7_CATALOGUE } from '../../lib/policy/catalogue';
import { REQUIRED_FIELD_NAMES } from '../../lib/policy/schema';
import type { Finding } from '../../lib/scan/types';
import { evaluateChecklist, findingKeys, isImportant, keptFindingKeys, pickSigners } from '../../lib/signoff/checklist';
import type { ChecklistInput, ChecklistResult, FieldReading, SectionId, Signoff } from '../../lib/signoff/types';

const NOW = 1_700_000_000_000;
const DIGEST = 'a'.repeat(64);

function field(value: string, text = value): FieldReading {
  return { present: true, value, text };
}

function signoff(reviewerId: string, reviewerName: string, role: Signoff['role'], at = NOW - 1000, extra: Partial<Signoff> = {}): Signoff {
  return { digest: DIGEST, reviewerId, reviewerName, role, at, expiresAt: at + 30 * 60_000, ...extra };
}

function finding(ruleId: string, severity: Finding['severity'], excerpt: string, kind: Finding['kind'] = 'phone'): Finding {
  return { ruleId, kind, severity, start: 0, end: excerpt.length, excerpt, message: '' };
}

/** A draft ready to publish: clean, every field filled, confirmed and signed by the named reviewer. */
function ready(change: Partial<ChecklistInput> = {}): ChecklistInput {
  return {
    findings: [],
    overridable: { mobile: true, email: false },
    overrides: [],
    scanError: null,
    fields: {
      title: field('关于低保资金发放情况的公示'),
      channel: field('c3', '通知公告'),
      category: field('12', '扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施'),
      disclosure: field('1', '主动公开'),
      reviewer: field('wang', '王审核'),
    },
    requiredFields: [...REQUIRED_FIELD_NAMES],
    catalogue: ARTICLE_7_CATALOGUE,
    importantCategories: ['02', '04', '06'],
    markedImportant: false,
    confirmations: {
      accuracy: true,
      completeness: true,
      timeliness: true,
      secrecy: true,
      otherUnit: { involved: false, name: '', confirmed: false },
    },
    reviewers: [
      { id: 'wang', name: '王审核', unit: '县民政局', role: 'reviewer' },
      { id: 'li', name: '李审核', unit: '县民政局', role: 'reviewer' },
      { id: 'zhao', name: '赵局长', unit: '县民政局', role: 'principal' },
    ],
    editor: '张编辑',
    signoffs: [signoff('wang', '王审核', 'reviewer')],
    digest: DIGEST,
    now: NOW,
    ...change,
  };
}

function codes(result: ChecklistResult, id: SectionId): string[] {
  return result.sections[id].problems.map((p) => p.code);
}

describe('findingKeys', () => {
  it('numbers repeated rule+excerpt pairs so each finding has its own key', () => {
    const findings = [finding('mobile', 'warn', '139****5678'), finding('mobile', 'warn', '139****5678'), finding('email', 'warn', 'a***@q.com'), finding('mobile', 'warn', '138****0000')];
    expect(findingKeys(findings)).toEqual(['mobile|139****5678|0', 'mobile|139****5678|1', 'email|a***@q.com|0', 'mobile|138****0000|0']);
  });
});

describe('keptFindingKeys', () => {
  const a = finding('mobile', 'warn', '139****5678');
  const b = finding('mobile', 'warn', '139****5678');
  const c = finding('email', 'warn', 'a***@q.com');

  it('gives the same keys array again while the list holds the same findings, in a new array too', () => {
    const keysOf = keptFindingKeys();
    const first = keysOf([a, b, c]);
    expect(first).toEqual(findingKeys([a, b, c]));
    expect(keysOf([a, b, c])).toBe(first);
  });

  it('keys again when a finding is new (a rescan), the order or the length changed', () => {
    const keysOf = keptFindingKeys();
    const first = keysOf([a, b, c]);
    const rescanned = finding('email', 'warn', 'b***@q.com');
    expect(keysOf([a, b, rescanned])).toEqual(findingKeys([a, b, rescanned]));
    expect(keysOf([c, a])).toEqual(['email|a***@q.com|0', 'mobile|139****5678|0']);
    expect(keysOf([c, a, b])).not.toBe(first);
    expect(keysOf([])).toEqual([]);
  });

  it('is not fooled by the caller changing the array it was given', () => {
    const keysOf = keptFindingKeys();
    const list = [a, c];
    keysOf(list);
    list[1] = b;
    expect(keysOf(list)).toEqual(['mobile|139****5678|0', 'mobile|139****5678|1']);
  });

  it('keys a large list the same as evaluateChecklist does without them', () => {
    const findings = Array.from({ length: 50 }, (_, i) => finding(i % 2 ? 'mobile' : 'email', i % 3 ? 'warn' : 'block', `x${i % 7}`));
    const keys = keptFindingKeys()(findings);
    expect(evaluateChecklist(ready({ findings, keys }))).toEqual(evaluateChecklist(ready({ findings })));
  });
});

describe('evaluateChecklist', () => {
  it('lets a clean, filled-in, confirmed and signed draft through', () => {
    const result = evaluateChecklist(ready());
    expect(Object.values(result.sections).flatMap((s) => s.problems)).toEqual([]);
    expect(result).toMatchObject({ complete: true, important: false, needs: { reviewer: false, principal: false } });
  });

  // Each row: a change to the ready draft, the section and problem code it must produce.
  it.each<[string, Partial<ChecklistInput>, SectionId, string]>([
    ['a failed scan', { scanError: '扫描超时' }, 'findings', 'scan-incomplete'],
    ['a block finding', { findings: [finding('cn-id', 'block', '110105********002X', 'cn-id')] }, 'findings', 'finding-block'],
    ['a warn finding of a rule that cannot be overridden', { findings: [finding('email', 'warn', 'a***@q.com', 'email')] }, 'findings', 'finding-warn'],
    ['an overridable warn finding not yet overridden', { findings: [finding('mobile', 'warn', '139****5678')] }, 'findings', 'finding-needs-override'],
    ['an empty title', { fields: { ...ready().fields, title: field('') } }, 'fields', 'field-missing'],
    ['no channel field on the page', { fields: { ...ready().fields, channel: { present: false, value: '', text: '' } } }, 'fields', 'field-missing'],
    ['a category outside the catalogue', { fields: { ...ready().fields, category: field('99', '其他杂项') } }, 'fields', 'category-invalid'],
    ['disclosure 依申请公开', { fields: { ...ready().fields, disclosure: field('2', '依申请公开') } }, 'fields', 'disclosure-not-public'],
    ['disclosure 不予公开', { fields: { ...ready().fields, disclosure: field('3', '不予公开') } }, 'fields', 'disclosure-not-public'],
    ['an unknown disclosure mode', { fields: { ...ready().fields, disclosure: field('x', '部分公开') } }, 'fields', 'disclosure-invalid'],
    ['a reviewer not on the roster', { fields: { ...ready().fields, reviewer: field('孙某') } }, 'fields', 'reviewer-unknown'],
    ['the editor named as reviewer', { editor: '王审核' }, 'fields', 'self-review'],
    ['accuracy not confirmed', { confirmations: { ...ready().confirmations, accuracy: false } }, 'confirm', 'confirm-missing'],
    ['completeness not confirmed', { confirmations: { ...ready().confirmations, completeness: false } }, 'confirm', 'confirm-missing'],
    ['timeliness not confirmed', { confirmations: { ...ready().confirmations, timeliness: false } }, 'confirm', 'confirm-missing'],
    ['secrecy not confirmed', { confirmations: { ...ready().confirmations, secrecy: false } }, 'confirm', 'confirm-missing'],
    ['another unit without its name', { confirmations: { ...ready().confirmations, otherUnit: { involved: true, name: ' ', confirmed: true } } }, 'confirm', 'other-unit-missing'],
    ['another unit that has not confirmed', { confirmations: { ...ready().confirmations, otherUnit: { involved: true, name: '县财政局', confirmed: false } } }, 'confirm', 'other-unit-unconfirmed'],
    ['no roster', { reviewers: [], fields: { ...ready().fields, reviewer: field('') }, requiredFields: ['title'] }, 'signoff', 'no-reviewers'],
    ['no sign-off', { signoffs: [] }, 'signoff', 'needs-reviewer'],
    ['a sign-off of another digest', { signoffs: [signoff('wang', '王审核', 'reviewer', NOW - 1000, { digest: 'b'.repeat(64) })] }, 'signoff', 'needs-reviewer'],
    ['an expired sign-off', { signoffs: [signoff('wang', '王审核', 'reviewer', NOW - 1000, { expiresAt: NOW })] }, 'signoff', 'needs-reviewer'],
    ['a sign-off by someone other than the named reviewer', { signoffs: [signoff('li', '李审核', 'reviewer')] }, 'signoff', 'signer-not-named-reviewer'],
    ['a sign-off by the editor', { editor: '李审核', fields: { ...ready().fields, reviewer: field('') }, requiredFields: [], signoffs: [signoff('li', '李审核', 'reviewer')] }, 'signoff', 'self-review'],
    ['an important category without the principal', { fields: { ...ready().fields, category: field('06', '财政预算、决算报告') } }, 'signoff', 'needs-principal'],
  ])('%s → %s: %s', (_, change, sectionId, code) => {
    const result = evaluateChecklist(ready(change));
    expect(codes(result, sectionId)).toContain(code);
    expect(result.sections[sectionId].complete).toBe(false);
    expect(result.complete).toBe(false);
    for (const p of result.sections[sectionId].problems) expect(p.message.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('says which required field is missing, in Chinese', () => {
    const result = evaluateChecklist(ready({ fields: { ...ready().fields, category: field('', '请选择') } }));
    expect(result.sections.fields.problems).toHaveLength(1);
    expect(result.sections.fields.problems[0]).toMatchObject({ code: 'field-missing', field: 'category', message: { zh: '请填写「信息类别」' } });
  });

  it('explains why 依申请公开 and 不予公开 items are not published (article 13)', () => {
    const onRequest = evaluateChecklist(ready({ fields: { ...ready().fields, disclosure: field('依申请公开') } }));
    expect(onRequest.sections.fields.problems[0]?.message.zh).toContain('只向申请人提供');
    const notPublic = evaluateChecklist(ready({ fields: { ...ready().fields, disclosure: field('不予公开') } }));
    expect(notPublic.sections.fields.problems[0]?.message.zh).toContain('不得');
  });

  it('checks the disclosure mode even when the policy does not require the field', () => {
    const result = evaluateChecklist(ready({ requiredFields: ['title'], fields: { ...ready().fields, disclosure: field('不予公开') } }));
    expect(codes(result, 'fields')).toEqual(['disclosure-not-public']);
  });

  it('does not complain about optional fields the page does not have', () => {
    const { title } = ready().fields;
    const result = evaluateChecklist(ready({ requiredFields: ['title'], fields: { title } }));
    expect(result.sections.fields.problems).toEqual([]);
  });

  it('accepts the category by catalogue name as well as by id', () => {
    const result = evaluateChecklist(ready({ fields: { ...ready().fields, category: field('扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施') } }));
    expect(result.sections.fields.problems).toEqual([]);
  });

  it('names the finding in both languages (its masked excerpt is shown beside it, not inside) and keys it for the override', () => {
    const result = evaluateChecklist(ready({ findings: [finding('cn-id', 'block', '110105********002X', 'cn-id')] }));
    expect(result.sections.findings.problems[0]).toMatchObject({
      code: 'finding-block',
      findingKey: 'cn-id|110105********002X|0',
      severity: 'block',
      message: { zh: '身份证号必须删除或打码后才能发布', en: 'This resident ID number must be removed or masked before publishing' },
    });
  });

  it('never blocks on info findings', () => {
    const result = evaluateChecklist(ready({ findings: [finding('landline', 'info', '0952-6012345')] }));
    expect(result.complete).toBe(true);
  });

  describe('overrides', () => {
    const warn = finding('mobile', 'warn', '139****5678');
    const override = { key: 'mobile|139****5678|0', ruleId: 'mobile', excerpt: '139****5678', reason: '单位办公电话', reviewerId: 'li', reviewerName: '李审核', at: NOW };

    it('clears an overridable warn finding', () => {
      expect(evaluateChecklist(ready({ findings: [warn], overrides: [override] })).complete).toBe(true);
    });

    it('does not clear a warn finding whose rule is not overridable', () => {
      const result = evaluateChecklist(ready({ findings: [warn], overrides: [override], overridable: { mobile: false } }));
      expect(codes(result, 'findings')).toEqual(['finding-warn']);
    });

    it('never clears a block finding', () => {
      const block = { ...warn, severity: 'block' as const };
      const result = evaluateChecklist(ready({ findings: [block], overrides: [override] }));
      expect(codes(result, 'findings')).toEqual(['finding-block']);
    });

    it('covers only the occurrence it was given for', () => {
      const result = evaluateChecklist(ready({ findings: [warn, warn], overrides: [override] }));
      expect(result.sections.findings.problems.map((p) => p.findingKey)).toEqual(['mobile|139****5678|1']);
    });

    it('does not count an override given by the editor', () => {
      const result = evaluateChecklist(ready({ findings: [warn], overrides: [{ ...override, reviewerName: '张编辑' }] }));
      expect(codes(result, 'findings')).toEqual(['finding-needs-override']);
    });
  });

  describe('sign-off', () => {
    const important = { fields: { ...ready().fields, category: field('06', '财政预算、决算报告') } };

    it('needs the principal for an important category, and is satisfied by a second person', () => {
      expect(evaluateChecklist(ready(important)).needs).toEqual({ reviewer: false, principal: true });
      const both = evaluateChecklist(ready({ ...important, signoffs: [signoff('wang', '王审核', 'reviewer'), signoff('zhao', '赵局长', 'principal', NOW - 500)] }));
      expect(both).toMatchObject({ complete: true, important: true, needs: { reviewer: false, principal: false } });
    });

    it('treats a draft the editor marked important like an important category', () => {
      expect(evaluateChecklist(ready({ markedImportant: true })).needs.principal).toBe(true);
    });

    it('does not let one principal be both signatures', () => {
      const result = evaluateChecklist(
        ready({ ...important, fields: { ...important.fields, reviewer: field('zhao', '赵局长') }, signoffs: [signoff('zhao', '赵局长', 'principal'), signoff('zhao', '赵局长', 'reviewer')] }),
      );
      expect(result.needs).toEqual({ reviewer: false, principal: true });
    });

    it('accepts a principal signing first when the reviewer field names them, with a second principal', () => {
      const reviewers = [...ready().reviewers, { id: 'qian', name: '钱书记', unit: '县民政局', role: 'principal' as const }];
      const result = evaluateChecklist(
        ready({ ...important, reviewers, fields: { ...important.fields, reviewer: field('赵局长') }, signoffs: [signoff('qian', '钱书记', 'principal', NOW - 2000), signoff('zhao', '赵局长', 'principal')] }),
      );
      expect(result.complete).toBe(true);
    });

    it('counts a sign-off by the named reviewer even when someone else signed earlier', () => {
      const result = evaluateChecklist(ready({ signoffs: [signoff('li', '李审核', 'reviewer', NOW - 5000), signoff('wang', '王审核', 'reviewer')] }));
      expect(result.complete).toBe(true);
    });

    it('lets anyone on the roster sign when the form names nobody', () => {
      const result = evaluateChecklist(ready({ requiredFields: ['title'], fields: { ...ready().fields, reviewer: field('') }, signoffs: [signoff('li', '李审核', 'reviewer')] }));
      expect(result.complete).toBe(true);
    });

    it('ignores the editor’s own sign-off but accepts another reviewer’s', () => {
      const result = evaluateChecklist(ready({ editor: ' 李审核 ', signoffs: [signoff('li', '李审核', 'reviewer'), signoff('wang', '王审核', 'reviewer')] }));
      expect(result.complete).toBe(true);
    });

    it('tells the administrator to set up the roster', () => {
      const result = evaluateChecklist(ready({ reviewers: [] }));
      expect(result.sections.signoff.problems[0]?.message.zh).toContain('尚未设置审核人名单');
      expect(result.sections.signoff.problems[0]?.message.zh).toContain('选项页');
    });
  });
});

describe('isImportant', () => {
  const base = { catalogue: ARTICLE_7_CATALOGUE, importantCategories: ['02', '04', '06'], markedImportant: false };

  it.each([
    ['06', '财政预算、决算报告', true],
    ['x6', '财政预算、决算报告', true],
    ['06', '', true],
    ['12', '扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施', false],
    ['', '', false],
  ])('category value %j, text %j → %s', (value, text, expected) => {
    expect(isImportant({ ...base, fields: { category: field(value, text) } })).toBe(expected);
  });

  it('is true when the editor marked the draft important', () => {
    expect(isImportant({ ...base, markedImportant: true, fields: {} })).toBe(true);
  });
});

describe('pickSigners', () => {
  it('pairs a first signer with a principal who is someone else', () => {
    const a = signoff('wang', '王审核', 'reviewer', NOW - 2000);
    const p = signoff('zhao', '赵局长', 'principal', NOW - 1000);
    expect(pickSigners([p, a], true)).toEqual({ first: a, principal: p });
    expect(pickSigners([p], true)).toEqual({ first: p, principal: undefined });
    expect(pickSigners([a], false)).toEqual({ first: a, principal: undefined });
  });
});
