// @vitest-environment happy-dom
/** The filter the form means, and how records read in the table. */
import { describe, expect, it, vi } from 'vitest';
import { dayBound, EMPTY_FORM, toFilter } from '../../components/audit/filter';
import { eventLabel, siteLabel } from '../../components/audit/format';

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
  it('shows a site by its host', () => {
    expect(siteLabel('https://cms.example.gov.cn')).toBe('cms.example.gov.cn');
    expect(siteLabel('http://127.0.0.1:8080')).toBe('127.0.0.1:8080');
    expect(siteLabel('not a url')).toBe('not a url');
  });

  it('names events in the browser language', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-US']);
    expect(eventLabel('publish-blocked')).toBe('Publish stopped');
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['zh-CN']);
    expect(eventLabel('publish-blocked')).toBe('发布被拦截');
    vi.restoreAllMocks();
  });
});
