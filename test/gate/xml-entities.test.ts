import { describe, expect, it } from 'vitest';
import { expandEntities, hasEntityDeclarations } from '../../lib/gate/xml-entities';

const ID = '11010519491231002X';

describe('expandEntities: an XML document with its internal DTD entities written out', () => {
  it.each([
    ['two entities making one URL', `<!DOCTYPE svg [<!ENTITY a "/x?c=${ID.slice(0, 10)}"><!ENTITY b '${ID.slice(10)}'>]><svg><image href="&a;&b;"/></svg>`, `<image href="/x?c=${ID}"/>`],
    ['an entity made of entities', `<!DOCTYPE svg [<!ENTITY a "${ID.slice(0, 10)}"><!ENTITY u "/x?c=&a;&b;"><!ENTITY b "${ID.slice(10)}">]><svg><image href="&u;"/></svg>`, `<image href="/x?c=${ID}"/>`],
    ['a character reference kept for the markup reader', `<!DOCTYPE html [<!ENTITY u "/x?c=&#37;41">]><img src="&u;"/>`, `<img src="/x?c=&#37;41"/>`],
    ['the first declaration of a name binds', `<!DOCTYPE svg [<!ENTITY a "/one"><!ENTITY a "/two">]><image href="&a;"/>`, `<image href="/one"/>`],
    ['the predefined and unknown references left as they are', `<!DOCTYPE svg [<!ENTITY a "x">]><p>&amp;&lt;&zz;&a;</p>`, `<p>&amp;&lt;&zz;x</p>`],
  ])('%s', (_name, text, part) => {
    expect(expandEntities(text)).toContain(part);
  });
  it('a text with no declarations: itself', () => {
    const t = '<svg><image href="/x?a=1&amp;b=2"/></svg>';
    expect([hasEntityDeclarations(t), expandEntities(t)]).toEqual([false, t]);
  });
  it.each([
    ['a parameter entity', `<!DOCTYPE svg [<!ENTITY % p "<!ENTITY a 'x'>"> %p;]><image href="&a;"/>`],
    ['an external entity', `<!DOCTYPE svg [<!ENTITY a SYSTEM "/x">]><image href="&a;"/>`],
    ['a billion laughs', `<!DOCTYPE x [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${'bcdefghij'[i]} "${`&${'abcdefghij'[i]};`.repeat(10)}">`).join('')}]><p>&j;</p>`],
    ['an entity that names itself', `<!DOCTYPE x [<!ENTITY a "&a;">]><p>&a;</p>`],
  ])('%s: not read (undefined)', (_name, text) => {
    expect(expandEntities(text)).toBeUndefined();
  });
});
