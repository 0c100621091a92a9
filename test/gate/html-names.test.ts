import { describe, expect, it } from 'vitest';
import { htmlWindowNames } from '../../lib/gate/html-names';

const NAME = '王丽 11010519491231002X';

describe('htmlWindowNames: names a window gets from markup', () => {
  it.each([
    ['an iframe name', `<iframe name="${NAME}" src="https://other.example/"></iframe>`, 'name'],
    ['a frame name, single quotes', `<frameset><frame name='${NAME}'></frameset>`, 'name'],
    ['an object name, upper case', `<OBJECT NAME="${NAME}" data="/a"></OBJECT>`, 'name'],
    ['an embed name, unquoted', `<embed name=${NAME.replace(' ', '&#32;')} src="/a">`, 'name'],
    ['a link target', `<p><a href="https://other.example/" target="${NAME}">预览</a></p>`, 'target'],
    ['an area target', `<map><area shape=rect href="/x" target="${NAME}"></map>`, 'target'],
    ['a form target', `<form action="/x" target="${NAME}"></form>`, 'target'],
    ['a base target', `<base target="${NAME}">`, 'target'],
    ['character references', `<iframe name="&#29579;&#x4E3D; 11010519491231002X"></iframe>`, 'name'],
    ['a > in another quoted attribute first', `<a title="a>b" target="${NAME}">x</a>`, 'target'],
    ['inside an iframe srcdoc', `<iframe srcdoc="&lt;iframe name=&quot;${NAME}&quot;&gt;&lt;/iframe&gt;"></iframe>`, 'name'],
  ])('%s', (_name, html, attribute) => {
    expect(htmlWindowNames(html)).toContainEqual([attribute, NAME]);
  });

  it.each([
    ['a link without a target', `<a href="/x">x</a>`],
    ['an anchor name (not a window)', `<a name="${NAME}">x</a>`],
    ['an input name (not a window)', `<form><input name="${NAME}"></form>`],
    ['a data-name attribute', `<iframe data-name="${NAME}"></iframe>`],
    ['an <abbr target> (not a link)', `<abbr target="${NAME}">x</abbr>`],
    ['text only', `<p>name="${NAME}"</p>`],
  ])('%s: none', (_name, html) => {
    expect(htmlWindowNames(html)).toEqual([]);
  });

  it('an ordinary target is read as it is', () => {
    expect(htmlWindowNames('<a href="/a" target="_blank">x</a><iframe name="main"></iframe>')).toEqual([
      ['name', 'main'],
      ['target', '_blank'],
    ]);
  });
});
