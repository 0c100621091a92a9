/** Audit records in plain words: every detail code Precheck writes becomes words, in one language. */
import { describe, expect, it } from 'vitest';
import { editorText, eventSentence, findingsSummary, recordSummary, wallTime } from '../../lib/audit/describe';
import { AUDIT_EVENTS, type AuditEvent, type AuditRecord } from '../../lib/audit/types';
import { REASON_CODES, TERMS } from '../../lib/i18n';

function rec(event: AuditEvent, detail?: AuditRecord['detail'], extra: Partial<AuditRecord> = {}): AuditRecord {
  return { seq: 9, id: 'x', time: '2025-04-08T16:42:05.120+08:00', policyVersion: 'p', prevHash: '', hash: 'h', event, ...(detail && { detail }), ...extra };
}

const CJK = /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/;

/** What the extension writes (lib/content/signoff-flow.ts, lib/signoff/service.ts, lib/audit/service.ts), and what it reads as. */
const CASES: [string, AuditRecord, string, string][] = [
  [
    'a publish stopped at the button, with the checklist reasons',
    rec('publish-blocked', { via: 'click', reasons: 'field-missing,confirm-missing,needs-reviewer' }),
    '点击发布按钮时被拦截：必填项未填写、审核确认未完成、待审核人签发',
    "Stopped (publish button clicked): required fields are empty, the reviewer's confirmations are missing, waiting for the reviewer's sign-off",
  ],
  ['a publish stopped for a script request, no reasons', rec('publish-blocked', { via: 'fetch', reasons: '' }), '页面脚本发送请求时被拦截', 'Stopped (request sent by the page script)'],
  [
    'a publish that went through',
    rec('publish-outcome', { via: 'click', endpoint: '/api/publish', result: 'ok', status: 200 }),
    '发布成功（服务器返回状态码 200），提交地址 /api/publish',
    'Published (the server answered 200), sent to /api/publish',
  ],
  ['a publish the server refused', rec('publish-outcome', { via: 'xhr', endpoint: '', result: 'failed', status: 500 }), '发布失败（服务器返回状态码 500）', 'Publish failed (the server answered 500)'],
  ['a publish with no network', rec('publish-outcome', { via: 'fetch', endpoint: '', result: 'failed', status: 0 }), '发布失败：网络错误，未连上服务器', 'Publish failed: network error, the server was not reached'],
  [
    'a form post that navigated away',
    rec('publish-outcome', { result: 'submitted', via: 'navigation' }),
    '已提交：页面随即跳转，未得到服务器的结果',
    'Submitted: the page moved on before the server answered',
  ],
  [
    'an override',
    rec('finding-overridden', { ruleId: 'mobile', excerpt: '139****5678', reason: '单位办公电话', reviewerId: 'r1', reviewerName: '李四' }),
    '豁免「手机号码」 139****5678，理由：单位办公电话',
    'Overrode "Mobile phone number" 139****5678; reason: 单位办公电话',
  ],
  [
    'an upload signed off despite its findings',
    rec('attachment-signed', { file: '低保名单.xlsx', fileKey: 'sha256:ab:5120', sha256: 'ab', size: 5120, reason: 'block' }),
    '签发附件「低保名单.xlsx」（5.0 KB）：含有须处理的敏感信息，审核人同意上传一次',
    'Signed off the attachment "低保名单.xlsx" (5.0 KB): it holds findings; the reviewer allowed one upload',
  ],
  [
    'a linked attachment signed off for one publish despite its findings',
    rec('attachment-signed', { file: '低保名单.xlsx', fileKey: 'sha256:ab:5120', sha256: 'ab', size: 5120, reason: 'block', linked: true }),
    '签发正文链接的附件「低保名单.xlsx」（5.0 KB）：含有须处理的敏感信息，审核人同意随稿件发布一次',
    'Signed off the linked attachment "低保名单.xlsx" (5.0 KB): it holds findings; the reviewer allowed one publish of the draft with it',
  ],
  [
    'an encrypted upload confirmed unchecked',
    rec('attachment-signed', { file: '名单.xlsx', fileKey: 'sha256:ab:5120', sha256: 'ab', size: 5120, reason: 'encrypted' }),
    '签发附件「名单.xlsx」（5.0 KB）：已加密，无法读取，未经检查，审核人同意上传一次',
    'Signed off the attachment "名单.xlsx" (5.0 KB): encrypted, could not be read, not checked; the reviewer allowed one upload',
  ],
  ['a voided sign-off', rec('signoff-voided', { count: 2 }), '稿件已修改，2 项签发作废', 'The draft changed: 2 sign-offs voided'],
  [
    'a wrong PIN at sign-off',
    rec('pin-failed', { reviewerId: 'r1', reviewerName: '李四', action: 'signoff', remaining: 3, waitSeconds: 0 }),
    '李四签发时 PIN 错误，还可再试 3 次',
    'Wrong PIN for 李四 while signing off; 3 tries left',
  ],
  [
    'a wrong PIN at a PIN reset, with a wait',
    rec('pin-failed', { reviewerId: 'r1', reviewerName: '李四', action: 'pin-reset', remaining: 0, waitSeconds: 30 }),
    '李四重设 PIN 时 PIN 错误，还可再试 0 次，须等待 30 秒',
    'Wrong PIN for 李四 while resetting a PIN; 0 tries left, must wait 30 s',
  ],
  ['an important publish allowed', rec('publish-allowed', { important: true }), '重要信息，须经主要负责人签发', 'Important item: the unit head signs too'],
  ['an ordinary publish allowed', rec('publish-allowed', { important: false }), '', ''],
  ['a policy change', rec('policy-changed', { version: '7c41e2a90b1d' }), '策略已更新（版本 7c41e2a90b1d）', 'Policy updated (version 7c41e2a90b1d)'],
  ['a CSV export', rec('log-exported', { format: 'csv', count: 120, throughSeq: 345 }), '导出 CSV 文件 120 条记录（截至第 345 条）', 'Exported 120 records as a CSV file (up to record 345)'],
  ['a printed form', rec('log-exported', { format: 'form', count: 1, throughSeq: 321 }), '打印第 321 条记录的审核登记表', 'Printed the review form of record 321'],
  ['a passed check', rec('log-verified', { ok: true, count: 120 }), '完整性校验通过，共 120 条记录', 'Integrity check passed: 120 records'],
  [
    'a failed check',
    rec('log-verified', { ok: false, count: 120, firstBadSeq: 12, problem: 'hash-mismatch' }),
    '完整性校验未通过：自第 12 条起记录内容被改动',
    'Integrity check failed from record 12: a record was altered',
  ],
  [
    'a published page that differs',
    rec('post-publish-check', { result: 'differs', publishedSeq: 321 }),
    '已发布页面与签发内容不一致（第 321 条准予发布记录）',
    'The published page differs from what was signed off (publish record 321)',
  ],
];

describe('eventSentence', () => {
  it.each(CASES)('%s', (_name, record, zh, en) => {
    expect(eventSentence(record, 'zh')).toBe(zh);
    expect(eventSentence(record, 'en')).toBe(en);
  });

  it('shows no code the extension stored, in either language', () => {
    const codes = [...REASON_CODES, ...Object.keys(TERMS.zh.via), 'submitted', 'hash-mismatch', 'pin-reset', 'signoff', 'navigation'];
    for (const [, record] of CASES) {
      for (const lang of ['zh', 'en'] as const) {
        const text = eventSentence(record, lang);
        // One-word codes (click, submit) are plain English words: the English text may use them as such.
        for (const code of codes.filter((c) => lang === 'zh' || !/^[a-z]+$/.test(c))) expect(text.includes(code), `${code} in «${text}»`).toBe(false);
        expect(text).not.toMatch(/\b(via|reasons|result|status)=/);
      }
    }
  });

  it('writes English sentences with no Chinese of their own', () => {
    for (const [, record] of CASES) {
      const data = Object.values(record.detail ?? {}).filter((v): v is string => typeof v === 'string');
      const own = data.reduce((text, value) => text.replaceAll(value, ''), eventSentence(record, 'en'));
      expect(own, own).not.toMatch(CJK);
    }
  });

  it('names a way of publishing it does not know, rather than dropping it', () => {
    expect(eventSentence(rec('publish-blocked', { via: 'carrier-pigeon', reasons: 'finding-block' }), 'zh')).toBe('其他方式（carrier-pigeon）时被拦截：有必须删除的敏感信息');
  });

  it('covers every event', () => {
    for (const event of AUDIT_EVENTS) expect(() => eventSentence(rec(event, {}), 'zh')).not.toThrow();
  });
});

describe('findings and summaries', () => {
  const findings = { total: 3, counts: { 'cn-id': { block: 2 }, phone: { warn: 1 } }, excerpts: [] };

  it('counts findings by kind and severity', () => {
    expect(findingsSummary(findings, 'zh')).toBe('敏感信息 3 处：身份证号 2（阻止 2）、电话号码 1（警告 1）');
    expect(findingsSummary(findings, 'en')).toBe('3 findings: resident ID number 2 (Block 2), phone number 1 (Warning 1)');
    expect(findingsSummary({ total: 0, counts: {}, excerpts: [] }, 'zh')).toBe('未发现敏感信息');
    expect(findingsSummary(undefined, 'zh')).toBe('');
  });

  it('puts the event first, then the findings', () => {
    const r = rec('publish-blocked', { via: 'key', reasons: 'finding-block' }, { findings });
    expect(recordSummary(r, 'zh')).toBe('键盘快捷键时被拦截：有必须删除的敏感信息；敏感信息 3 处：身份证号 2（阻止 2）、电话号码 1（警告 1）');
  });

  it('names where a policy came from in words, and a person as written', () => {
    expect(editorText(rec('policy-changed', { version: 'v' }, { editor: 'local' }), 'zh')).toBe('本机设置');
    expect(editorText(rec('policy-changed', { version: 'v' }, { editor: 'managed' }), 'en')).toBe('managed by the administrator');
    expect(editorText(rec('policy-changed', { version: 'v' }, { editor: '信息中心' }), 'zh')).toBe('信息中心');
    expect(editorText(rec('publish-blocked', {}, { editor: 'local' }), 'zh')).toBe('local');
  });

  it('shows the time as recorded, in the zone it was recorded in', () => {
    expect(wallTime('2025-04-08T16:42:05.120+08:00')).toBe('2025-04-08 16:42:05');
    expect(wallTime('garbage')).toBe('garbage');
    expect(wallTime(undefined)).toBe('');
  });
});
