/** The filter the form means, and how records read in the table. */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dayBound, EMPTY_FORM, toFilter } from '../../components/audit/filter';
import { recordSummary, siteLabel, wallTime } from '../../components/audit/format';
import { LOCALES } from '../options/helpers';
import { fakeRecord } from './fake-log';

describe('toFilter', () => {
  it('leaves out everything not set', () => {
    expect(toFilter(EMPTY_FORM)).toEqual({});
    expect(toFilter({ ...EMPTY_FORM, text: '   ' })).toEqual({});
  });

  it('turns calendar days into an inclusive instant range in local time', () => {
    const f = toFilter({ ...EMPTY_FORM, from: '2025-01-31', to: '2025-02-01' });
    expect(f.from).toMatch(/^2025-01-31T00:00:00\.000[+-]\d\d:\d\d$/);
    expect(f.to).toMatch(/^2025-02-01T23:59:59\.999[+-]\d\d:\d\d$/);
    expect(Date.parse(f.from!)).toBe(new Date(2025, 0, 31).getTime());
    expect(Date.parse(f.to!)).toBe(new Date(2025, 1, 2).getTime() - 1);
  });

  it('ignores a date the input did not complete', () => {
    expect(dayBound('2025-1-3', false)).toBeUndefined();
    expect(dayBound('', true)).toBeUndefined();
  });
});

describe('record display', () => {
  it('shows the time as recorded, in the zone it was recorded in', () => {
    expect(wallTime('2025-04-08T16:42:05.120+08:00')).toBe('2025-04-08 16:42:05');
    expect(wallTime('garbage')).toBe('garbage');
    expect(wallTime(undefined)).toBe('');
  });

  it('shows a site by its host', () => {
    expect(siteLabel('https://cms.example.gov.cn')).toBe('cms.example.gov.cn');
    expect(siteLabel('http://127.0.0.1:8080')).toBe('127.0.0.1:8080');
    expect(siteLabel('not a url')).toBe('not a url');
  });

  it('summarises findings and the event facts in Chinese', () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((k: string, subs?: string[]) =>
      (LOCALES.zh_CN[k]?.message ?? '').replace(/\$[A-Z_]+\$/g, () => subs?.shift() ?? '')) as typeof fakeBrowser.i18n.getMessage);
    const r = { ...fakeRecord(1), detail: { ruleId: 'mobile', reason: '单位办公电话', important: false, custom: 3 } };
    expect(recordSummary(r)).toBe('敏感信息 2 处：身份证号 1（阻止 1）、电话号码 1（警告 1）；规则：mobile；理由：单位办公电话；重要信息：否；custom：3');
    expect(recordSummary({ ...r, findings: { total: 0, counts: {}, excerpts: [] }, detail: undefined })).toBe('未发现敏感信息');
    vi.restoreAllMocks();
  });
});
