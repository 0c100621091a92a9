import { describe, expect, it } from 'vitest';
import { scan } from '../../lib/scan/engine';
import { matchEnd, type Match, type PatternRule, type RuleContext } from '../../lib/scan/types';
import { rules } from '../../rules';
import { drafts } from '../bench/drafts';

/**
 * The engine skips a number rule's check when an earlier rule took the very span it matched with a
 * block (lib/scan/engine.ts): that is sound only while a number rule's hit spans its match exactly.
 */
describe('number rules', () => {
  const numberRules = rules.filter((r): r is PatternRule => 'candidates' in r && r.candidates !== undefined && 'numbers' in r.candidates);

  it('report hits that span their match exactly', () => {
    let checked = 0;
    const spied = numberRules.map((rule) => ({
      ...rule,
      check(m: Match, ctx: RuleContext) {
        const hit = rule.check(m, ctx);
        if (hit) {
          checked++;
          expect([hit.start, hit.end], `${rule.id} on ${m[0]}`).toEqual([m.index, matchEnd(m)]);
        }
        return hit;
      },
    }));
    const texts = [...drafts(7, 400_000), ...numberRules.flatMap((r) => r.examples.flagged)];
    // Each rule alone too, so a rule's check runs where an earlier rule's block would skip it.
    for (const text of texts) for (const pack of [spied, ...spied.map((r) => [r])]) scan(text, { rules: pack });
    expect(checked).toBeGreaterThan(1000);
  });

  // The engine does not try a rule without lead characters on a token an earlier rule took whole.
  it('without lead characters, match exactly the token they are tried at', () => {
    const TOKEN_CHAR = /^[0-9A-Za-z*]+$/;
    const tokenChar = (c: number) => c === 42 || (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
    let checked = 0;
    const spied = numberRules
      .filter((r) => 'numbers' in r.candidates! && !r.candidates.numbers.lead)
      .map((rule) => ({
        ...rule,
        check(m: Match, ctx: RuleContext) {
          // A number split by a line break is matched joined, not at a token.
          if (m.end === undefined) {
            checked++;
            expect(m[0], rule.id).toMatch(TOKEN_CHAR);
            expect(tokenChar(ctx.text.charCodeAt(m.index - 1)), `${rule.id} before ${m[0]}`).toBe(false);
            expect(tokenChar(ctx.text.charCodeAt(m.index + m[0].length)), `${rule.id} after ${m[0]}`).toBe(false);
          }
          return rule.check(m, ctx);
        },
      }));
    expect(spied.length).toBeGreaterThanOrEqual(6);
    for (const text of [...drafts(11, 500_000), ...numberRules.flatMap((r) => r.examples.flagged)]) for (const rule of spied) scan(text, { rules: [rule] });
    expect(checked).toBeGreaterThan(1000);
  });
});
