import { describe, expect, it } from 'vitest';
import { dataUrlReadings, dataUrlText, isDataUrl } from '../../lib/gate/data-url';

const ID = '11010519491231002X';
const IMG = `<img src="https://cms.test/sink?content=${ID}">`;
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('dataUrlText: the text a data: document or stylesheet is parsed from', () => {
  it.each([
    ['percent-encoded HTML', `data:text/html,${encodeURIComponent(IMG)}`, IMG],
    ['HTML as written, no escapes', `data:text/html,${IMG}`, IMG],
    ['a stylesheet', `data:text/css,@import url(/sink?content=${ID});`, `@import url(/sink?content=${ID});`],
    ['an SVG document', `data:image/svg+xml;charset=utf-8,%3Csvg%3E%3Cimage href='/x?c=${ID}'/%3E%3C/svg%3E`, `<svg><image href='/x?c=${ID}'/></svg>`],
    ['base64', `data:text/html;base64,${b64(IMG)}`, IMG],
    ['base64 with blanks and a charset', `data:text/html;charset=utf-8;base64, ${b64(IMG).replace(/(.{8})/g, '$1 ')}`, IMG],
    ['base64 of Chinese text', `data:text/html;base64,${b64('<p>张三</p>')}`, '<p>张三</p>'],
    ['percent-encoded UTF-8 Chinese', `data:text/html,${encodeURIComponent('<p>张三</p>')}`, '<p>张三</p>'],
    ['escapes that are no UTF-8, a byte each', `data:text/html,%FF<img src=/x?c=${ID}>`, `\u00ff<img src=/x?c=${ID}>`],
    ['no type at all', `data:,${ID}`, ID],
    ['upper-case scheme', `DATA:text/html,${ID}`, ID],
  ])('%s', (_name, url, text) => {
    expect(dataUrlText(url)).toBe(text);
  });

  it.each([
    ['a PNG (an editor\'s pasted picture)', 'data:image/png;base64,iVBORw0KGgo='],
    ['a JPEG', 'data:image/jpeg;base64,/9j/4AAQ'],
    ['sound', 'data:audio/wav;base64,UklGRg=='],
    ['video', 'data:video/mp4;base64,AAAA'],
    ['a font', 'data:font/woff2;base64,d09GMg=='],
    ['not a data: URL', `https://cms.test/x?c=${ID}`],
    ['a data: URL without its comma', `data:text/html;base64`],
  ])('%s: nothing to parse', (_name, url) => {
    expect(dataUrlText(url)).toBeUndefined();
  });

  it('isDataUrl', () => {
    expect([isDataUrl('data:,x'), isDataUrl(' data:,x'), isDataUrl('blob:https://a/b'), isDataUrl('data:text/html')]).toEqual([true, false, false, false]);
  });
});

describe('dataUrlReadings: every reading a browser may make of it', () => {
  const u16 = (t: string) => Array.from(t, (c) => '%' + (c.charCodeAt(0) & 255).toString(16).padStart(2, '0') + '%' + (c.charCodeAt(0) >> 8).toString(16).padStart(2, '0')).join('');
  const split = `<img src="/x?c=${ID.slice(0, 10)}%1B(B${ID.slice(10)}">`;
  it.each([
    ['UTF-16LE by its charset', `data:text/html;charset=utf-16le,${u16(IMG)}`],
    ['UTF-16LE by its BOM alone', `data:text/html,%FF%FE${u16(IMG)}`],
    ['UTF-16LE in base64', `data:text/css;base64,${Buffer.from('\ufeff' + IMG, 'utf16le').toString('base64')}`],
    ['UTF-16BE by its BOM', `data:text/html,%FE%FF${u16(IMG).replace(/(%..)(%..)/g, '$2$1')}`],
    ['ISO-2022-JP by its charset, ESC ( B inside the ID', `data:text/html;charset=iso-2022-jp,${split}`],
    ['ISO-2022-JP by <meta charset>', `data:text/html,<meta charset=iso-2022-jp>${split}`],
  ])('%s: a reading holds the ID whole', (_name, url) => {
    expect(dataUrlReadings(url)!.some((t) => t.includes(`/x?c=${ID}`) || t.includes(`content=${ID}`))).toBe(true);
  });
  it('plain UTF-8 (or a UTF-8 charset): its text alone', () => {
    expect(dataUrlReadings(`data:text/html;charset=utf-8,${encodeURIComponent(IMG)}`)).toEqual([IMG]);
    expect(dataUrlReadings(`data:text/html,<meta charset="UTF-8">${IMG}`)).toEqual([`<meta charset="UTF-8">${IMG}`]);
  });
  it('a picture: none', () => expect(dataUrlReadings('data:image/png;base64,AAAA')).toBeUndefined());
});
