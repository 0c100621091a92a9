/**
 * "全部打码" writes a mask that may be published: each case below is what a 公示 would print, and every
 * rule's own flagged examples, once masked this way, are quiet for the whole rule pack (so a masked
 * draft really leaves the checklist).
 */
import { describe, expect, it } from 'vitest';
import { isMaskable, publishMask } from '../../lib/fix/publish-mask';
import { scan } from '../../lib/scan/engine';
import type { Kind } from '../../lib/scan/types';
import { rules } from '../../rules';

describe('publishMask', () => {
  it.each<[Kind, string, string | null]>([
    ['cn-id', '11010519491231002X', '110105********002X'],
    ['cn-id', '110105 19491231 002X', '110105 ******** 002X'],
    ['cn-id', '110105491231002', '110105******002'],
    // An ID masked too little (birth date visible) is masked again properly.
    ['cn-id', '44132219771202**33', '441322**********33'],
    ['phone', '13912345678', '139****5678'],
    ['phone', '+86 139-1234-5678', '+86 139-****-5678'],
    ['phone', '0952-6995536', '095*-***5536'],
    ['bank-card', '6228480906369142', '6228********9142'],
    ['bank-card', '6214 8340 4922 6247 005', '6214 **** **** ***7 005'],
    ['passport', 'E12345678', 'E1*****78'],
    ['email', 'zhangsan1988@163.com', 'z***@163.com'],
    ['uscc-individual', '92640221MA76BU4X22', '926*************22'],
    ['classification', '机密★1年', null],
    ['internal-marker', '内部资料', null],
  ])('%s %s → %s', (kind, raw, masked) => {
    expect(publishMask(kind, raw)).toBe(masked);
    expect(isMaskable(kind)).toBe(masked !== null);
  });

  it('keeps the length and every separator of the value', () => {
    for (const raw of ['11010519491231002X', '139 1234 5678', '6214-8340-4922-6247-005']) {
      const masked = publishMask('cn-id', raw)!;
      expect(masked).toHaveLength(raw.length);
      expect(masked.replace(/[0-9A-Za-z*]/g, '')).toBe(raw.replace(/[0-9A-Za-z*]/g, ''));
    }
  });
});

describe('a masked draft is quiet', () => {
  it("for every rule's flagged examples, masked this way", () => {
    const examples = rules.flatMap((r) => (r.examples?.flagged ?? []).map((text) => ({ rule: r.id, text })));
    let masked = 0;
    for (const { rule, text } of examples) {
      const found = scan(text, { rules }).filter((f) => isMaskable(f.kind));
      let fixed = text;
      // Right to left, so earlier offsets stay valid.
      for (const f of [...found].sort((a, b) => b.start - a.start)) {
        fixed = fixed.slice(0, f.start) + publishMask(f.kind, text.slice(f.start, f.end)) + fixed.slice(f.end);
        masked++;
      }
      expect(scan(fixed, { rules }).filter((f) => isMaskable(f.kind)), `${rule}: ${fixed}`).toEqual([]);
    }
    expect(masked).toBeGreaterThan(20);
  });
});
