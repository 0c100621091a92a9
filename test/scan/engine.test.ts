import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scan } from '../../lib/scan/engine';
import { maskEmail, maskValue } from '../../lib/scan/mask';
import { SEVERITY_RANK, type PatternRule, type Severity } from '../../lib/scan/types';

function digitsRule(id: string, severity: Severity, pattern: RegExp, personal = true): PatternRule {
  return {
    id,
    kind: 'phone',
    defaultSeverity: severity,
    personal,
    title: { zh: id, en: id },
    description: { zh: id, en: id },
    examples: { flagged: [], quiet: [] },
    pattern,
    check: (m) => ({ start: m.index, end: m.index + m[0].length, severity, message: { zh: `中文${id}`, en: `english ${id}` } }),
  };
}

describe('scan engine', () => {
  const long = digitsRule('long', 'warn', /\d{8}/g);
  const short = digitsRule('short', 'block', /\d{4}/g);

  it('keeps the stronger of two overlapping findings', () => {
    const found = scan('号码12345678', { rules: [long, short] });
    expect(found.map((f) => [f.ruleId, f.severity, f.start, f.end])).toEqual([
      ['short', 'block', 2, 6],
      ['short', 'block', 6, 10],
    ]);
  });

  it('breaks ties by registry order, then by length', () => {
    const a = digitsRule('a', 'warn', /\d{4}/g);
    const b = digitsRule('b', 'warn', /\d{8}/g);
    expect(scan('12345678', { rules: [a, b] }).map((f) => f.ruleId)).toEqual(['a', 'a']);
    expect(scan('12345678', { rules: [b, a] }).map((f) => f.ruleId)).toEqual(['b']);
  });

  it('applies settings: disabled rules and severity overrides', () => {
    expect(scan('12345678', { rules: [long], settings: { long: { enabled: false } } })).toEqual([]);
    expect(scan('12345678', { rules: [long], settings: { long: { severity: 'info' } } })[0]!.severity).toBe('info');
  });

  it('speaks the requested language', () => {
    expect(scan('12345678', { rules: [long], locale: 'en' })[0]!.message).toBe('english long');
    expect(scan('12345678', { rules: [long] })[0]!.message).toBe('中文long');
  });

  it('masks personal values and shows markings as written', () => {
    expect(scan('12345678', { rules: [long] })[0]!.excerpt).toBe('123***78');
    expect(scan('12345678', { rules: [digitsRule('m', 'warn', /\d{8}/g, false)] })[0]!.excerpt).toBe('12345678');
  });

  it('resolves any pile of overlaps like taking the strongest first and dropping what overlaps it', () => {
    const spec = fc.record({ severity: fc.constantFrom<Severity>('info', 'warn', 'block'), len: fc.integer({ min: 1, max: 6 }) });
    fc.assert(
      fc.property(fc.array(spec, { minLength: 1, maxLength: 5 }), fc.stringMatching(/^[0-9a]{0,40}$/), (specs, text) => {
        const pack = specs.map((r, i) => digitsRule(`r${i}`, r.severity, new RegExp(`\\d{${r.len}}`, 'g')));
        // The plain algorithm: every candidate against every one kept before it.
        const cands = pack.flatMap((rule, rank) =>
          [...text.matchAll(rule.pattern)].map((m) => ({ id: rule.id, rank, sev: SEVERITY_RANK[rule.defaultSeverity], start: m.index, end: m.index + m[0].length })),
        );
        const kept: typeof cands = [];
        for (const c of [...cands].sort((a, b) => b.sev - a.sev || a.rank - b.rank || b.end - b.start - (a.end - a.start))) {
          if (!kept.some((k) => k.start < c.end && c.start < k.end)) kept.push(c);
        }
        kept.sort((a, b) => a.start - b.start || a.end - b.end);
        expect(scan(text, { rules: pack }).map((f) => [f.ruleId, f.start, f.end])).toEqual(kept.map((k) => [k.id, k.start, k.end]));
      }),
      { numRuns: 300 },
    );
  });

  it('sorts findings by position', () => {
    const found = scan('1234 甲 5678', { rules: [short] });
    expect(found.map((f) => f.start)).toEqual([0, 7]);
  });
});

describe('masking', () => {
  it.each([
    ['11010519491231002X', '110*************2X'],
    ['139-1234-5678', '139-****-**78'],
    ['1234', '****'],
  ])('%s → %s', (raw, masked) => expect(maskValue(raw)).toBe(masked));

  it('keeps only the first letter of a mailbox', () => expect(maskEmail('zhangsan@163.com')).toBe('z***@163.com'));
});
