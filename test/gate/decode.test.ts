import { describe, expect, it } from 'vitest';
import { decodeOutgoing, joinedText } from '../../lib/gate/decode';
import { htmlToText, visibleHtmlText } from '../../lib/gate/html-text';
import type { Outgoing, RawBody } from '../../lib/gate/types';

const ID = '11010519491231002X';
const req = (body: RawBody, url = 'http://cms.test/api/save', method = 'POST'): Outgoing => ({ route: 'fetch', method, url, body });
const text = (o: Outgoing) => joinedText(decodeOutgoing(o));
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('decodeOutgoing', () => {
  const cases: [string, Outgoing][] = [
    ['urlencoded body', req({ kind: 'text', text: `title=x&content=${encodeURIComponent(`<p>身份证 ${ID}</p>`)}`, contentType: 'application/x-www-form-urlencoded' })],
    ['urlencoded without a content type', req({ kind: 'text', text: `a=1&content=${encodeURIComponent(ID)}` })],
    ['JSON body', req({ kind: 'text', text: JSON.stringify({ article: { body: `<p>${ID}</p>` } }), contentType: 'application/json' })],
    ['JSON inside a form field', req({ kind: 'entries', entries: [['data', JSON.stringify({ content: ID })]] })],
    ['JSON inside JSON', req({ kind: 'text', text: JSON.stringify({ payload: JSON.stringify({ c: ID }) }) })],
    ['an ID as a JSON key', req({ kind: 'text', text: JSON.stringify({ [ID]: '张三' }) })],
    ['plain text', req({ kind: 'text', text: `申请人 ${ID}`, contentType: 'text/plain' })],
    ['FormData entries', req({ kind: 'entries', entries: [['content', `<div>${ID}</div>`]] })],
    ['query string', req({ kind: 'none' }, `http://cms.test/publish.do?content=${encodeURIComponent(ID)}`, 'GET')],
    ['path segment', req({ kind: 'none' }, `http://cms.test/log/${ID}`, 'GET')],
    ['a host name label (DNS, the Host header)', req({ kind: 'none' }, `http://${ID.toLowerCase()}.collect.example/p.gif`, 'GET')],
    ['a host name label with nothing else to read', req({ kind: 'none' }, `http://${ID}.localhost:8080/`, 'GET')],
    ['a user name in the URL (the Authorization answer)', req({ kind: 'none' }, `http://${ID}:x@collect.example/`, 'GET')],
    ['a percent-encoded password in the URL', req({ kind: 'none' }, `http://u:${encodeURIComponent(`身份证 ${ID}`)}@collect.example/`, 'GET')],
    [
      'multipart written as a string',
      req({
        kind: 'text',
        text: `--XyZ\r\nContent-Disposition: form-data; name="content"\r\n\r\n${ID}\r\n--XyZ--\r\n`,
        contentType: 'multipart/form-data; boundary=XyZ',
      }),
    ],
    [
      'a text file in multipart',
      req({
        kind: 'text',
        text: `--b\r\nContent-Disposition: form-data; name="f"; filename="名单.csv"\r\nContent-Type: text/csv\r\n\r\n张三,${ID}\r\n--b--\r\n`,
        contentType: 'multipart/form-data; boundary=b',
      }),
    ],
    ['a header the page set, percent-encoded', { ...req({ kind: 'none' }, 'http://cms.test/api/x', 'GET'), headers: [['x-content', encodeURIComponent(`身份证 ${ID}`)]] }],
    ['a header the page set, as it is', { ...req({ kind: 'none' }, 'http://cms.test/api/x', 'GET'), headers: [['x-id', ID]] }],
    ['a method of its own (fetch and XHR send any token)', req({ kind: 'none' }, 'http://cms.test/api/x', ID)],
    ['a method in base64', req({ kind: 'none' }, 'http://cms.test/api/x', b64(`申请人 ${ID}`).replace(/=+$/, ''))],
    ['a header name the page set', { ...req({ kind: 'none' }, 'http://cms.test/api/x', 'GET'), headers: [[ID, '1']] }],
    ['a referrer with a query', { ...req({ kind: 'none' }, 'http://cms.test/api/x', 'GET'), headers: [['referer', `http://cms.test/page?content=${encodeURIComponent(`身份证 ${ID}`)}`]] }],
    ['HTML comment', req({ kind: 'entries', entries: [['content', `<p>见附件</p><!-- ${ID} -->`]] })],
    ['alt text', req({ kind: 'entries', entries: [['content', `<img src="a.png" alt="${ID}">`]] })],
    ['a form field in base64 (btoa of the percent-encoded HTML)', req({ kind: 'entries', entries: [['content', btoa(encodeURIComponent(`<p>身份证 ${ID}</p>`))]] })],
    ['a JSON field in base64 (UTF-8 bytes)', req({ kind: 'text', text: JSON.stringify({ body: b64(`<p>${ID}</p>`) }), contentType: 'application/json' })],
    ['a whole body in base64', req({ kind: 'text', text: b64(JSON.stringify({ content: ID })), contentType: 'text/plain' })],
    ['a query value in base64url', req({ kind: 'none' }, `http://cms.test/save?c=${b64(`申请人 ${ID}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`, 'GET')],
  ];
  it.each(cases)('%s: the ID is in the decoded text', (_name, o) => {
    // A host name is lowercased by the URL parser: its check character is x.
    expect(text(o).toUpperCase()).toContain(ID);
  });

  // The ID's digits survive escape() and a second percent-encoding, glued to hex: the Chinese before it must come back.
  const glued: [string, Outgoing, string][] = [
    ['a form body written with escape() (an older CMS script)', req({ kind: 'text', text: `title=x&content=${escape(`<p>身份证${ID}</p>`)}`, contentType: 'application/x-www-form-urlencoded' }), `身份证${ID}`],
    ['a query value written with escape()', req({ kind: 'none' }, `http://cms.test/save.asp?content=${escape(`申请人${ID}`)}`, 'GET'), `申请人${ID}`],
    ['a query value encoded twice (a Java CMS)', req({ kind: 'none' }, `http://cms.test/save.do?c=${encodeURIComponent(encodeURIComponent(`申请人${ID}`))}`, 'GET'), `申请人${ID}`],
  ];
  it.each(glued)('%s: the Chinese and the ID come back as written', (_name, o, written) => {
    expect(text(o)).toContain(written);
  });

  it('reads a long JSON number whole (a double would round it)', () => {
    const o = req({ kind: 'text', text: '{"idcard": 110105194912310021}', contentType: 'application/json' });
    expect(text(o)).toContain('110105194912310021');
  });

  it('keeps a number an editor wrapped in inline tags whole, and separates table cells', () => {
    expect(htmlToText('<p>1101<span style="color:red">0519491231</span>002X</p>')).toContain(ID);
    expect(htmlToText('<tr><td>张三</td><td>11010519491231002X</td><td>13912345678</td></tr>')).not.toContain('002X139');
  });

  // every attribute goes online with the source: the seventeenth probe's ID in each of these left unscanned
  it.each([
    ['a link\'s href', `<a href="/u?sfz=${ID}">下载</a>`],
    ['a data-* attribute', `<span data-sfz='${ID}'>张三</span>`],
    ['a hidden input\'s value', `<input type=hidden value="${ID}">`],
    ['an unquoted value', `<a href=/u?sfz=${ID}>下载</a>`],
    ['an entity-written value', `<a href="/u?a=1&amp;sfz=${ID}">下载</a>`],
  ])('scans %s', (_l, html) => expect(htmlToText(html)).toContain(ID));

  it('puts attribute values after the text, each on its own line, and skips a data: URL\'s bytes', () => {
    const t = htmlToText(`<p>1101<span style="color:red">0519491231</span>002X</p><img src="data:image/png;base64,AAAA1234"><a href="/x?id=7">a</a>`);
    expect(t).toContain(ID);
    expect(t.trim().split('\n').slice(-2)).toEqual(['color:red', '/x?id=7']);
    expect(t).not.toContain('AAAA1234');
  });

  it('decodes entities', () => {
    expect(htmlToText('&#49;&#x31;0105&nbsp;&amp;')).toBe('110105 &');
  });

  it('visible text leaves out comments and alt text', () => {
    expect(visibleHtmlText(`<p>正文</p><!-- ${ID} --><img alt="${ID}">`)).not.toContain(ID);
  });

  it('lists file parts without their bytes', () => {
    const d = decodeOutgoing(req({ kind: 'entries', entries: [['upfile', { name: 'upfile', filename: '名单.xlsx', type: 'application/vnd.ms-excel', size: 2048 }]] }));
    expect(d.files).toEqual([{ name: 'upfile', filename: '名单.xlsx', type: 'application/vnd.ms-excel', size: 2048 }]);
  });

  it('a host of plain names adds no part (the CMS’s own requests stay cheap)', () => {
    expect(decodeOutgoing(req({ kind: 'none' }, 'http://www.pingluo.gov.cn:8080/api/list?page=2', 'GET')).parts.map((p) => p.name)).toEqual(['?page{key}', '?page']);
  });

  it('a request without text has no parts', () => {
    const d = decodeOutgoing(req({ kind: 'none' }, 'http://cms.test/admin/article/list.do', 'GET'));
    expect(d.parts).toEqual([]);
    expect(d.files).toEqual([]);
  });

  it('a base64 value is judged as sent and as the text it decodes to', () => {
    const value = b64(`<p>身份证 ${ID}</p>`);
    const d = decodeOutgoing(req({ kind: 'entries', entries: [['content', value]] }));
    expect(d.parts.map((p) => p.name)).toEqual(['content{key}', 'content(base64)', 'content']);
    expect(d.parts.find((p) => p.name === 'content')!.text).toBe(value);
    expect(d.parts.find((p) => p.name === 'content(base64)')!.raw).toBe(`<p>身份证 ${ID}</p>`);
  });

  it('an unreadable body is reported as opaque', () => {
    expect(decodeOutgoing(req({ kind: 'opaque', what: 'ReadableStream' })).opaque).toBe('ReadableStream');
  });
});

describe('a method and header names', () => {
  it('adds nothing for a method or header name of letters alone (no new part on every request)', () => {
    const o: Outgoing = { ...req({ kind: 'none' }, 'http://cms.test/api/x', 'PROPFIND'), headers: [['X-Requested-With', 'XMLHttpRequest']] };
    expect(decodeOutgoing(o).parts.map((p) => p.name)).toEqual(['(header:X-Requested-With)']);
  });
});

describe('fields sent blank: no text to scan, but sent (PHP isset() takes them)', () => {
  const blank = (o: Outgoing) => (decodeOutgoing(o).scalars ?? []).filter((p) => p.text.trim() === '').map((p) => p.name);
  it.each<[string, Outgoing, string[]]>([
    ['urlencoded', req({ kind: 'text', text: 'ishide=y&pubPost=&title=t', contentType: 'application/x-www-form-urlencoded' }), ['pubPost']],
    ['urlencoded without a content type', req({ kind: 'text', text: 'pubPost=&title=t' }), ['pubPost']],
    ['FormData entries', req({ kind: 'entries', entries: [['pubPost', ''], ['title', 't']] }), ['pubPost']],
    ['multipart written as a string', req({ kind: 'text', text: '--b\r\nContent-Disposition: form-data; name="pubPost"\r\n\r\n\r\n--b--', contentType: 'multipart/form-data; boundary=b' }), ['pubPost']],
    ['JSON', req({ kind: 'text', text: JSON.stringify({ post: { pubPost: '', title: 't' } }), contentType: 'application/json' }), ['post.pubPost']],
    ['none blank', req({ kind: 'text', text: 'title=t', contentType: 'application/x-www-form-urlencoded' }), []],
  ])('%s', (_what, o, want) => {
    expect(blank(o)).toEqual(want);
    // and never a part the scan reads
    expect(decodeOutgoing(o).parts.some((p) => p.text.trim() === '')).toBe(false);
  });
});

describe('encoded text in a URL\'s path', () => {
  const DRAFT = `城关镇低保新增对象公示：王丽，身份证号 ${ID}`;
  it.each<[string, string]>([
    ['standard base64 (with / in it)', `http://cms.test/log/${Buffer.from(DRAFT).toString('base64')}`],
    ['url-safe base64', `http://cms.test/log/${Buffer.from(DRAFT).toString('base64url')}`],
    ['escape()', `http://cms.test/log/${escape(DRAFT)}`],
    ['base64 before a file name', `http://cms.test/t/${Buffer.from(DRAFT).toString('base64url')}/p.gif`],
  ])('%s is read', (_what, url) => {
    expect(text(req({ kind: 'none' }, url, 'GET'))).toContain(ID);
  });

  it('a plain path adds nothing', () => {
    expect(decodeOutgoing(req({ kind: 'none' }, 'http://cms.test/admin/article/list.do', 'GET')).parts).toEqual([]);
  });
});
