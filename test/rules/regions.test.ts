import { describe, expect, it } from 'vitest';
import { PACKED_REGION_CODES } from '../../rules/data/region-codes';
import { isKnownProvince, isKnownRegion } from '../../rules/data/regions';

// The packed table read the plain way (strings), as the oracle for the bit table.
const listed = new Set(PACKED_REGION_CODES.split(' ').flatMap((g) => Array.from({ length: (g.length - 4) / 2 }, (_, i) => g.slice(0, 4) + g.slice(4 + 2 * i, 6 + 2 * i))));

describe('region codes', () => {
  it.each([
    ['110101', true], // 东城区
    ['640221', true], // 平罗县
    ['110103', true], // 崇文区, abolished 2010: old IDs keep it
    ['810000', true], // HK residence permit
    ['820000', true],
    ['830000', true],
    ['110199', false],
    ['000000', false],
    ['999999', false],
    ['11010', false],
    ['1101011', false],
    ['11010X', false],
    ['１１０１０１', false], // full-width: the rules fold first
    ['', false],
  ])('%j → %s', (code, want) => {
    expect(isKnownRegion(code)).toBe(want);
  });

  it('knows exactly the listed codes and the permit regions, over every six-digit code', () => {
    expect(listed.size).toBeGreaterThan(6000);
    const wrong: string[] = [];
    for (let n = 0; n < 1_000_000; n++) {
      const code = String(n).padStart(6, '0');
      if (isKnownRegion(code) !== (listed.has(code) || ['810000', '820000', '830000'].includes(code))) wrong.push(code);
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ['11', true],
    ['64', true],
    ['65', true],
    ['00', false],
    ['99', false],
    ['1', false],
    ['1a', false],
    ['111', false],
  ])('province %j → %s', (two, want) => {
    expect(isKnownProvince(two)).toBe(want);
  });
});
