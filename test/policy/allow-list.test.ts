import { describe, expect, it } from 'vitest';
import { emailProblem, normalizeEmail, normalizePhone, phoneProblem } from '../../lib/policy/allow-list';
import { covers, parseMatchPattern, type MatchPattern } from '../../lib/policy/match-pattern';

describe('allow-list normal forms', () => {
  it.each([
    ['0952-601 2345', '09526012345'],
    ['(0952)6012345', '09526012345'],
    ['（010）12345678', '01012345678'],
    ['+86 139 0000 0000', '13900000000'],
    ['0086-13900000000', '13900000000'],
  ])('normalises the phone %j', (raw, normal) => {
    expect(normalizePhone(raw)).toBe(normal);
    expect(phoneProblem(normal)).toBeNull();
  });

  it('accepts normalised emails only', () => {
    expect(normalizeEmail(' ZWGK@Shixian.Example.gov.cn ')).toBe('zwgk@shixian.example.gov.cn');
    expect(emailProblem('zwgk@shixian.example.gov.cn')).toBeNull();
    expect(emailProblem('ZWGK@shixian.example.gov.cn')?.zh).toContain('小写');
  });
});

describe('match-pattern coverage', () => {
  const p = (text: string): MatchPattern => {
    const r = parseMatchPattern(text, false);
    if (!r.ok) throw new Error(r.problem.en);
    return r.pattern;
  };

  it.each([
    ['https://cms.example.gov.cn/*', 'https://cms.example.gov.cn/wcm/*', true],
    ['*://cms.example.gov.cn/*', 'http://cms.example.gov.cn/a/*', true],
    ['https://*.example.gov.cn/*', 'https://a.b.example.gov.cn/*', true],
    ['https://*.example.gov.cn/*', 'https://example.gov.cn/*', true],
    ['http://10.1.2.3/*', 'http://10.1.2.3:8080/wcm/*', true],
    ['http://10.1.2.3:8080/*', 'http://10.1.2.3/wcm/*', false],
    ['https://cms.example.gov.cn/*', 'http://cms.example.gov.cn/*', false],
    ['https://cms.example.gov.cn/*', '*://cms.example.gov.cn/*', false],
    ['https://*.example.gov.cn/*', 'https://badexample.gov.cn/*', false],
  ])('%s covers %s: %s', (outer, inner, expected) => {
    expect(covers(p(outer), p(inner))).toBe(expected);
  });
});
