import { describe, expect, it } from 'vitest';
import { htmlHasSpeculationRules, isSpeculationRulesType } from '../../lib/gate/speculation-rules';

const RULES = JSON.stringify({ prefetch: [{ source: 'list', urls: ['/x?content=11010519491231002X'] }] });

describe('isSpeculationRulesType: the type the browser reads as rules', () => {
  it.each([['speculationrules'], ['SpeculationRules'], [' speculationrules\n'], ['\tSPECULATIONRULES ']])('%j is rules', (t) => {
    expect(isSpeculationRulesType(t)).toBe(true);
  });
  it.each([['text/javascript'], ['module'], ['importmap'], [''], ['speculation rules'], ['speculationrules2'], ['\u00a0speculationrules']])('%j is not', (t) => {
    expect(isSpeculationRulesType(t)).toBe(false);
  });
});

describe('htmlHasSpeculationRules: markup that makes a rules script', () => {
  it.each([
    ['double quotes', `<script type="speculationrules">${RULES}</script>`],
    ['single quotes, upper case', `<SCRIPT TYPE='SpeculationRules'>${RULES}</SCRIPT>`],
    ['unquoted', `<p>x</p><script type=speculationrules>${RULES}</script>`],
    ['after other attributes, a > inside a quoted one', `<script data-x="a>b" nonce="n" type="speculationrules">${RULES}</script>`],
    ['separated by a slash', `<script/type="speculationrules">${RULES}</script>`],
    ['spaces around =, a newline before', `<script\ntype = "speculationrules" >${RULES}</script>`],
    ['character references', `<script type="&#115;peculation&#x72;ules">${RULES}</script>`],
    ['whitespace in the value', `<script type=" speculationrules ">${RULES}</script>`],
    ['an empty one (filled later)', `<script type="speculationrules"></script>`],
    ['an unclosed tag at the end', `<script type="speculationrules"`],
  ])('%s', (_name, html) => {
    expect(htmlHasSpeculationRules(html)).toBe(true);
  });

  it.each([
    ['an ordinary script', `<script type="text/javascript">var speculationrules = 1;</script>`],
    ['a module', `<script type="module" src="/a.js"></script>`],
    ['the word in text', `<p>type="speculationrules"</p>`],
    ['another attribute named like it', `<script data-type="speculationrules">x</script>`],
    ['a <scripts> element', `<scripts type="speculationrules"></scripts>`],
    ['no script at all', `<img src="/a.png">`],
  ])('%s: no', (_name, html) => {
    expect(htmlHasSpeculationRules(html)).toBe(false);
  });
});
