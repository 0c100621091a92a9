import { describe, expect, it } from 'vitest';
import { cssMayLoad, cssUrls } from '../../lib/gate/css-urls';
import { htmlUrls, htmlPictureUrls, javascriptResultReadable, javascriptUrlText, onlyPictureUrls } from '../../lib/gate/html-urls';

const ID = '11010519491231002X';
const Q = `/sink?content=${ID}`;

describe('cssUrls: what a piece of CSS fetches', () => {
  it.each([
    ['url() in double quotes', `background:url("${Q}")`],
    ['url() in single quotes', `background-image: url('${Q}')`],
    ['a bare url()', `background:url(${Q}) no-repeat`],
    ['@import with a string', `@import "${Q}";`],
    ['@import url()', `@import url(${Q}) screen;`],
    ['image-set strings', `background-image:image-set("${Q}" 1x, "/b.png" 2x)`],
    ['a font-face src', `@font-face{font-family:x;src:url(${Q}) format("woff")}`],
    ['an escaped url( token', `background:\\75 rl(${Q})`],
    // image-set(var(--s) 1x) fetches a custom property's string wherever it is used
    ["a custom property's string (inline)", `--s:"${Q}";background-image:image-set(var(--s) 1x)`],
    ["a custom property's string (a rule)", `.x{--s: '${Q}'; background-image: image-set(var(--s) 1x)}`],
  ])('%s', (_name, css) => {
    expect(cssUrls(css)).toContain(Q);
  });

  it("a custom property without a string loads nothing: a colour, a length", () => {
    expect(cssMayLoad('--main-color:#336;--gap:4px;color:var(--main-color)')).toBe(false);
  });

  it('ordinary CSS loads nothing and costs no parsing', () => {
    expect(cssMayLoad('width:10px;color:red')).toBe(false);
    expect(cssUrls('width:10px;color:red')).toEqual([]);
  });

  // The eleventh probe (2026-12-06): each of these got the ID past the patterns read before.
  const E = encodeURIComponent(ID);
  it.each([
    ['an escaped ) inside a bare url()', `background:url(/sink?a=\\)&content=${ID})`, `/sink?a=)&content=${ID}`],
    ['an escaped space inside a bare url()', `background:url(/sink?a=\\ &content=${ID})`, `/sink?a= &content=${ID}`],
    ['an escaped quote inside an @import string', `@import "/sink?a=\\"&content=${ID}";`, `/sink?a="&content=${ID}`],
    ['a hex escape and its space', `background:url(/sink?content=\\31 ${ID.slice(1)})`, Q],
    ['a ) inside an image-set string', `background:image-set("/sink?a=)&content=${ID}" 1x)`, `/sink?a=)&content=${ID}`],
    ['a nested function before the string in image-set', `background:image-set(linear-gradient(red, red) 2x, "${Q}" 1x)`, Q],
    ['a type() before the string in image-set', `background:image-set("/none" type("image/x-none") 1x, "${Q}" 1x)`, Q],
    ['@import" with no space', `@import"${Q}";`, Q],
    ['@import/**/ with a comment', `@import/**/"${Q}";`, Q],
    ['a ; inside a custom property string', `--s:"/sink?a=;&content=${ID}";background-image:image-set(var(--s) 1x)`, `/sink?a=;&content=${ID}`],
    ['a } inside a custom property string', `--s:"/sink?a=}&content=${ID}"`, `/sink?a=}&content=${ID}`],
    ['a comment before the custom property colon', `--s/**/:"${Q}";background-image:image-set(var(--s))`, Q],
    ["an @property's initial value", `@property --p{syntax:"*";inherits:false;initial-value:"${Q}"}`, Q],
    ['a bare string (a registered or typed custom property value)', `"${Q}"`, Q],
    ['a string left open at the end', `--s:'${Q}`, Q],
    ['a string continued over an escaped newline', `@import "/sink?content=\\\n${ID}";`, Q],
    ['the escaped url( token in upper case', `background:\\55 RL(${E})`, E],
  ])('%s', (_name, css, url) => {
    expect(cssUrls(css)).toContain(url);
  });

  it('a comment hides what is in it, as it does from the browser', () => {
    expect(cssUrls(`/* url(${Q}) "${Q}" */color:red`)).toEqual([]);
    expect(cssUrls(`color:red /* "${Q}"`)).toEqual([]);
  });

  it("a string in a function that fetches nothing is no URL (a style spelt a letter at a time: a signed release must not be spent on it)", () => {
    expect(cssUrls(`@import urX("${Q}");`)).toEqual([]);
    expect(cssUrls(`@font-face{src:local("${Q}") format("${Q}")}`)).toEqual([]);
    expect(cssUrls(`x:image-set(type("${Q}") 1x, "/a.png" 1x)`)).toEqual(['/a.png']);
  });

  it('a name that ends in url( is another function', () => {
    expect(cssUrls(`x:my-url(${Q})`)).toEqual([]);
  });
});

describe('htmlUrls: what a piece of HTML fetches once parsed', () => {
  it("a <base>'s href (every relative URL already judged is fetched against it)", () => {
    expect(htmlUrls(`<base href="/sink/${Q}/"><img src="x.png">`)).toEqual([`/sink/${Q}/`, 'x.png']);
  });

  it("an iframe's csp is judged whole (it leaves with the frame's request as a header)", () => {
    expect(htmlUrls(`<iframe src="/a.html" csp="img-src 'self' ${Q}"></iframe>`)).toContain(`img-src 'self' ${Q}`);
  });

  it.each([
    ['an img src', `<img src="${Q}">`],
    ['an SVG image href', `<svg><image href='${Q}'/></svg>`],
    ['an unquoted src', `<img src=${Q}>`],
    ['a style attribute', `<div style="background:url(${Q})"></div>`],
    ['a <style> element', `<style>@import "${Q}";</style>`],
    // foreign content: the parser writes out character references in an SVG <style>
    ['an SVG <style> with character references', `<svg><style>@import "${[...Q].map((c) => `&#${c.charCodeAt(0)};`).join('')}";</style></svg>`],
    ['character references in the value', `<img src="/sink?content=&#49;&#x31;${ID.slice(2)}">`],
    ["an img's attributionsrc (Chrome requests it)", `<img src="/a.png" attributionsrc="${Q}">`],
    ["an SVG <set>'s to (an image's href, animated)", `<svg><image href="/a.png"><set attributeName="href" to="${Q}"/></image></svg>`],
    ["an SVG <animate>'s values", `<svg><image href="/a.png"><animate attributeName="href" values="/a.png;${Q}" dur="1s"/></image></svg>`],
    ["an SVG filter attribute's url() (Chromium fetches the external document)", `<svg><rect filter="url(&quot;${Q}#f&quot;)"/></svg>`],
    ['an SVG mask, clip-path, fill, stroke or marker', `<svg><rect mask='url(${Q}#m)'/></svg>`],
    ['clip-path', `<svg><rect clip-path="url(${Q}#c)"/></svg>`],
    ['marker-end', `<svg><path marker-end="url(${Q}#m)"/></svg>`],
    ['fill', `<svg><rect fill="url('${Q}#g')"/></svg>`],
    ['an iframe srcdoc (its own document)', `<iframe srcdoc="&lt;img src=&quot;${Q}&quot;&gt;"></iframe>`],
  ])('%s', (_name, html) => {
    // (an SVG reference keeps its #fragment: the URL is what the browser resolves and fetches)
    expect(htmlUrls(html).map((u) => u.replace(/#\w+$/, ''))).toContain(Q);
  });

  it("a preload link's imagesrcset is judged whole, as a srcset is", () => {
    expect(htmlUrls(`<link rel="preload" as="image" imagesrcset="${Q} 1x, /b.png 2x">`)).toContain(`${Q} 1x, /b.png 2x`);
  });

  it('to= and values= outside an SVG animation are no URLs (prose, other elements)', () => {
    expect(htmlUrls(`<p data-x="1">from=${Q}</p><input values="${Q}">`)).toEqual([]);
  });

  it('presentation attributes without url(), and look-alike names, are no URLs', () => {
    expect(htmlUrls(`<svg><rect fill="red" stroke="#000" filter="none" data-fill="url(${Q})" stroke-width="2"/></svg>`)).toEqual([]);
  });

  it('text without attributes or styles loads nothing (a draft an editor writes)', () => {
    expect(htmlUrls(`<p>身份证号 ${ID}</p>`)).toEqual([]);
  });
});

describe('onlyPictureUrls: blob: URLs in markup that are only pictures (not read to be judged)', () => {
  const B = 'blob:https://cms.example/1';
  it.each([
    ['an <img> of a pasted picture', `<p><img src="${B}"></p>`, [B]],
    ['a <video poster> and an <img>', `<video poster="${B}"></video><img src="${B}">`, [B]],
    ['the same URL also as a stylesheet link: not only a picture', `<img src="${B}"><link rel=stylesheet href="${B}">`, []],
    ['the same URL also in CSS', `<img src="${B}"><style>@import url("${B}");</style>`, []],
    ['a frame', `<iframe src="${B}"></iframe>`, []],
  ])('%s', (_name, html, only) => {
    expect([...onlyPictureUrls(htmlUrls(html), htmlPictureUrls(html))]).toEqual(only);
  });
});

describe("javascriptUrlText: a javascript: URL's code, whose string result a frame parses as its document", () => {
  it.each([
    ['percent-encoded markup', `javascript:"%3Cimg src='${Q}'%3E"`, `"<img src='${Q}'>"`],
    ['a stray % (no valid escape)', 'javascript:"100%"', '"100%"'],
    ['another URL', '/x?y=1', undefined],
  ])('%s', (_name, url, text) => {
    expect(javascriptUrlText(url)).toBe(text);
  });
  it('the URL in its markup is found', () => {
    expect(htmlUrls(javascriptUrlText(`javascript:'<img src="${Q}">'`)!)).toContain(Q);
  });
});

describe("javascriptResultReadable: is the document a javascript: URL makes readable from its code?", () => {
  const readable = [
    '',
    ';',
    'void(0)',
    'void 0',
    'void(0);',
    // what the editors write in their frames' src (CKEditor 4, UEditor, KindEditor)
    'void(function(){document.open();document.write("<p>正文</p>");document.close();}())',
    'false',
    'undefined',
    '"<img src=\'/x?c=1\'>"',
    "'<p>正文</p>'",
    '`<p>正文</p>`',
  ];
  it.each(readable)('%j: readable', (code) => expect(javascriptResultReadable(code)).toBe(true));

  const unreadable = [
    'parent.__frameHtml',
    'parent.getHtml()',
    '(function(){return parent.html})()',
    '"<p>" + parent.html',
    'void 0, parent.html',
    'void(0),parent.html',
    'void(")"),parent.html',
    '`<p>${parent.html}</p>`',
    'void(parent.x)+parent.y',
  ];
  it.each(unreadable)('%j: not readable', (code) => expect(javascriptResultReadable(code)).toBe(false));
});
