// @vitest-environment node
/**
 * The gate's modules the page's guard runs answer as they did before page code replaced the realm's
 * built-ins after they loaded (the tenth probe's class: test/e2e/gate-built-ins.e2e.test.ts; the same
 * in a browser: test/e2e/built-ins-rows/gate.ts). Each row runs clean, then with every poison of
 * POISONS at once, and must give the answer written here both times. A row reads its answers as the
 * hooks do (`'pass' in verdict`, spreading a list handed on) while the realm is still poisoned.
 */
import { describe, expect, test } from 'vitest';
import { backgroundFetchArgs, identityConfigUrls, paymentMethodUrls } from '../../lib/gate/api-urls';
import { blobText, blobUrlVerdict, blobUseVerdict, type BlobPart } from '../../lib/gate/blob-text';
import { isGzip, isZlib } from '../../lib/gate/compressed-signature';
import { cssMayLoad, cssUrls } from '../../lib/gate/css-urls';
import { isQueryShaped } from '../../lib/gate/query-shape';
import { dataUrlReadings, dataUrlText } from '../../lib/gate/data-url';
import { readings, utf8Bytes, withoutEscapes } from '../../lib/gate/text-readings';
import { expandEntities } from '../../lib/gate/xml-entities';
import { isDocumentBytes, isMediaBytes, isMediaFile } from '../../lib/gate/files';
import { htmlWindowNames } from '../../lib/gate/html-names';
import { htmlPictureUrls, htmlUrls, javascriptResultReadable, javascriptUrlText, onlyPictureUrls } from '../../lib/gate/html-urls';
import { messageEntries } from '../../lib/gate/message-text';
import { isRefreshEquiv, metaRefreshUrl } from '../../lib/gate/meta-refresh';
import { queryPairs } from '../../lib/gate/pairs';
import { sliceSpan } from '../../lib/gate/pieces';
import { htmlHasSpeculationRules, isSpeculationRulesType } from '../../lib/gate/speculation-rules';
import { editedData, textWithout, withoutLineBreaks } from '../../lib/gate/style-text';
import { poison, whilePoisoned } from '../realm/poison';

const protoOf = (v: object) => Object.getPrototypeOf(v) as object;
const Params = URLSearchParams;
const ended = () => ({ done: true, value: undefined });
const none = () => undefined;
const nothing = () => '';
const no = () => false;
const empty = () => [];
const self = function (this: unknown) {
  return this;
};

/** [where, what, its replacement]: each answers nothing, no or empty. */
const POISONS: [target: object, key: PropertyKey, value: unknown][] = [
  [RegExp.prototype, 'exec', () => null],
  [RegExp.prototype, 'test', no],
  [RegExp.prototype, Symbol.matchAll, function* () {}],
  [RegExp.prototype, Symbol.replace, nothing],
  [RegExp.prototype, Symbol.split, empty],
  [globalThis, 'RegExp', () => /(?!)/g],
  [String.prototype, 'matchAll', function* () {}],
  [String.prototype, 'replace', nothing],
  [String.prototype, 'replaceAll', nothing],
  [String.prototype, 'split', empty],
  [String.prototype, 'slice', nothing],
  [String.prototype, 'trim', nothing],
  [String.prototype, 'toLowerCase', nothing],
  [String.prototype, 'includes', no],
  [String.prototype, 'startsWith', no],
  [String.prototype, 'indexOf', () => -1],
  [Array.prototype, 'push', function (this: unknown[]) {
    return this.length;
  }],
  [Array.prototype, 'map', empty],
  [Array.prototype, 'filter', empty],
  [Array.prototype, 'flatMap', empty],
  [Array.prototype, 'some', no],
  [Array.prototype, 'every', no],
  [Array.prototype, 'join', nothing],
  [Array.prototype, 'forEach', none],
  // an index past a match's groups
  [Array.prototype, '3', 'page'],
  [protoOf([][Symbol.iterator]()), 'next', ended],
  [protoOf(''[Symbol.iterator]()), 'next', ended],
  [protoOf(new Set()[Symbol.iterator]()), 'next', ended],
  [protoOf(new Map()[Symbol.iterator]()), 'next', ended],
  [protoOf(protoOf((function* () {})())), 'next', ended],
  [Set.prototype, 'has', no],
  [Set.prototype, 'add', self],
  [Set.prototype, 'forEach', none],
  [Map.prototype, 'get', none],
  [Map.prototype, 'set', self],
  [Map.prototype, 'forEach', none],
  [protoOf(Uint8Array.prototype), 'indexOf', () => -1],
  [protoOf(Uint8Array.prototype), 'subarray', () => new Uint8Array(0)],
  [URLSearchParams.prototype, 'forEach', none],
  [TextDecoder.prototype, 'decode', nothing],
  [Object.prototype, 'toString', () => '[object Object]'],
  // members the guard's own objects lack, asked with `in` or read
  [Object.prototype, 'text', ''],
  [Object.prototype, 'pass', true],
  [Object.prototype, 'entries', []],
  [Object.prototype, 'judge', ''],
  [Object.prototype, 'kind', 'pass'],
  [Object.prototype, 'blob', ''],
  [globalThis, 'String', nothing],
  [globalThis, 'Number', () => 0],
  [globalThis, 'parseInt', () => NaN],
  [globalThis, 'decodeURIComponent', nothing],
  [globalThis, 'URLSearchParams', function () {
    return new Params();
  }],
  [String, 'fromCodePoint', nothing],
  [String, 'fromCharCode', nothing],
  [String, 'raw', nothing],
  [Object, 'entries', empty],
  [Object, 'keys', empty],
  [Array, 'isArray', no],
  [Array, 'from', empty],
  [ArrayBuffer, 'isView', no],
  [Math, 'floor', () => 0],
  [Math, 'trunc', () => 0],
  [Math, 'max', () => 0],
  [Math, 'min', () => 0],
];

/** Every poison but those of the `spared` built-ins. */
function poisonAll(...spared: object[]): void {
  // index reads only: the array iterator is among the poisons
  for (let i = 0; i < POISONS.length; i++) {
    const target = POISONS[i]![0];
    const key = POISONS[i]![1];
    const original = Reflect.getOwnPropertyDescriptor(target, key)?.value as unknown;
    let spare = false;
    for (let j = 0; j < spared.length; j++) spare ||= spared[j] === original;
    if (!spare) poison(target, key, POISONS[i]![2]);
  }
  // a typed array's length, a getter on its prototype
  poison(protoOf(Uint8Array.prototype), 'length', undefined, { get: () => 0, configurable: true });
}

const ID = '11010519491231002X';
const Q = `/sink?c=${ID}`;
const B = 'blob:https://cms.example/1';
// made before any row runs: their constructors iterate, and a decoder of the hook's own (blobs.ts keeps its decode)
const encoded = new TextEncoder().encode(Q);
const encodedId = new TextEncoder().encode(ID);
const decoder = new TextDecoder();
// eslint-disable-next-line @typescript-eslint/unbound-method -- applied to the decoder above
const decode = TextDecoder.prototype.decode;
const keptDecode = (b: Uint8Array): string => Reflect.apply(decode, decoder, [b]);
const aMap = new Map([['k', ID]]);
const aSet = new Set([ID]);
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d]);
const short = new Uint8Array([0x89, 0x50]);
const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04]);
const pdf = new TextEncoder().encode('\n\n\n%PDF-1.7');
const gzip = new Uint8Array([0x1f, 0x8b, 8]);
const zlib = new Uint8Array([0x78, 0x9c]);
const oneByte = new Uint8Array([0x78]);
/** The hook's brand check, which these rows hand no Request. */
const noRequest = (_v: unknown): _v is { url: string } => false;

type Row = [label: string, run: () => unknown, expected: unknown];

const ROWS: Row[] = [
  [
    'htmlUrls: an img src, a style attribute, a <style>, a srcdoc',
    () => htmlUrls(`<img src="${Q}&amp;a=1"><div style="background:url('${Q}')"></div><style>@import "${Q}";</style><iframe srcdoc="&lt;img src=&quot;${Q}&quot;&gt;"></iframe>`),
    // (the srcdoc's own text has a src= too: judged as well)
    [`${Q}&a=1`, `"${Q}">"`, Q, Q, Q],
  ],
  ["htmlUrls: an SVG <animate>'s values and a filter's url()", () => htmlUrls(`<svg><rect filter="url(${Q})"/><animate attributeName="href" values="/a.png; ${Q}"/></svg>`), [Q, '/a.png', Q]],
  ['onlyPictureUrls: a pasted picture, a linked blob', () => {
    const html = `<img src="${B}"><video poster="${B}"></video><a href="${B}2">`;
    return onlyPictureUrls(htmlUrls(html), htmlPictureUrls(html));
  }, [B]],
  [
    'htmlWindowNames: a frame, a link, a form in a srcdoc',
    () => htmlWindowNames(`<iframe name="w${ID}"></iframe><a target="t${ID}">x</a><iframe srcdoc="&lt;form target=&quot;f${ID}&quot;&gt;"></iframe>`),
    [['name', `w${ID}`], ['target', `t${ID}`], ['target', `f${ID}`]],
  ],
  ['htmlHasSpeculationRules and isSpeculationRulesType', () => [htmlHasSpeculationRules('<script type=" SpeculationRules ">{}</script>'), htmlHasSpeculationRules('<script type=module>'), isSpeculationRulesType({ toString: () => '\tspeculationrules ' })], [true, false, true]],
  ['metaRefreshUrl and isRefreshEquiv', () => [metaRefreshUrl(`0; URL='${Q}'`), metaRefreshUrl('5'), isRefreshEquiv(' Refresh ')], [Q, undefined, true]],
  ['cssUrls: url(), @import, image-set, a custom property', () => cssUrls(`background:url("${Q}");@import '${Q}';x:image-set("${Q}" 1x);--s:"${Q}"`), [Q, Q, Q, Q]],
  ['cssUrls: an escaped ) in a bare url(), a ) in an image-set string, @import" and a comment', () => cssUrls(`a:url(/x?a=\\)${Q});b:image-set("/y?)${Q}" 1x);@import"${Q}";/* "${Q}" */`), [`/x?a=)${Q}`, `/y?)${Q}`, Q]],
  ['dataUrlText: percent escapes, base64, a picture', () => [dataUrlText(`data:text/html,%3Cimg src=${Q}%3E`), dataUrlText(`data:text/css;base64,${btoa(`@import "${Q}";`)}`), dataUrlText('data:image/png;base64,AAAA')], [`<img src=${Q}>`, `@import "${Q}";`, undefined]],
  ['dataUrlReadings: UTF-16 by a BOM, ISO-2022-JP escapes; readings, utf8Bytes, withoutEscapes', () => [dataUrlReadings('data:text/html,%FF%FEa%00b%00')![1], dataUrlReadings('data:text/html;charset=iso-2022-jp,1%1B(B2')![5], readings([0x61], 'a', 'text/css'), utf8Bytes('张', []), withoutEscapes('1\x1b$B\x1b(B2\x0e')], ['\ufeffab', '12', ['a'], [0xe5, 0xbc, 0xa0], '12']],
  ['expandEntities: two entities, and a parameter entity not read', () => [expandEntities(`<!DOCTYPE s [<!ENTITY a "/x?c="><!ENTITY b '1'>]><i h="&a;&b;"/>`), expandEntities('<!DOCTYPE s [<!ENTITY % p "x">]>')], ['<!DOCTYPE s []><i h="/x?c=1"/>', undefined]],
  ['cssUrls: an escaped url( token; cssMayLoad of plain CSS', () => [cssUrls(`background:\\75 rl(${Q})`), cssMayLoad('color:red')], [[Q], false]],
  ['javascriptUrlText: percent-decoded, and when decodeURIComponent refuses', () => [javascriptUrlText(`javascript:'<img src=%22${Q}%22>'`), javascriptUrlText(`javascript:'%ZZ<img src=%22${Q}%22>'`), javascriptUrlText('https://x')], [`'<img src="${Q}">'`, `'%ZZ<img src="${Q}">'`, undefined]],
  ['javascriptResultReadable', () => [javascriptResultReadable(' void(0);; '), javascriptResultReadable("'<b>'"), javascriptResultReadable('parent.html'), javascriptResultReadable('void 0, parent.html')], [true, true, false, false]],
  ['blobText: strings, bytes and a Blob read, each part its own', () => blobText([{ text: '<img src="' }, { bytes: encoded }, { blob: ['">'] }] as BlobPart[], 'text/html', keptDecode), [`<img src="${Q}">`]],
  ['blobUrlVerdict and blobUseVerdict: each verdict names its kind itself', () => {
    const made = blobUrlVerdict([`<img src="${Q}">`], 'text/html');
    const unknown = blobUrlVerdict(undefined, 'text/css');
    const used = blobUseVerdict(undefined, 'document');
    return [made.kind, unknown.kind, used.kind];
  }, ['judge', 'refuse', 'read']],
  ['isMediaBytes, isDocumentBytes, isMediaFile', () => [isMediaBytes(png), isMediaBytes(short), isMediaBytes(encoded), isDocumentBytes(pdf), isDocumentBytes(zip), isDocumentBytes(encoded), isMediaFile('image/png', 'a.txt'), isMediaFile('', 'a.txt')], [true, false, false, true, true, false, true, false]],
  ['isGzip and isZlib', () => [isGzip(gzip), isZlib(zlib), isZlib(oneByte)], [true, true, false]],
  ['messageEntries: a Blob makes the message opaque', () => {
    const m = messageEntries({ file: new Blob([ID]) });
    return ['entries' in m, 'opaque' in m ? m.opaque : m.entries];
  }, [false, 'Blob']],
  ['identityConfigUrls and paymentMethodUrls', () => [identityConfigUrls({ identity: { providers: [{ configURL: `https://idp.example${Q}` }] } }), paymentMethodUrls([{ supportedMethods: ['basic-card', `https://pay.example${Q}`] }])], [[`https://idp.example${Q}`], [`https://pay.example${Q}`]]],
  ['backgroundFetchArgs: the URLs judged are the ones handed on, spread as the browser reads them', () => {
    const args = backgroundFetchArgs([Q, '/b'], { icons: [{ src: `/i${Q}` }] }, noRequest);
    return [args.urls, [...(args.requests as string[])], [...((args.options as { icons: unknown[] }).icons)].length];
  }, [[Q, '/b', `/i${Q}`], [Q, '/b'], 1]],
  ['editedData, textWithout, withoutLineBreaks', () => [editedData('ab', 'insertData', [1.9, 'X']), editedData('abc', 'replaceData', [1, 1, 'Z']), editedData('a', 'appendData', [{ toString: () => 'b' }]), textWithout('abcdef', 2, 4), textWithout('abc', null, 1), withoutLineBreaks('a\r\nb\nc')], ['aXb', 'aZc', 'ab', 'abef', 'bc', 'abc']],
  ['sliceSpan', () => [sliceSpan(10, -3, 9.5), sliceSpan(10, '2', 1)], [{ start: 7, end: 10 }, { start: 2, end: 2 }]],
];

/**
 * Rows that parse a query with URLSearchParams. Node's, unlike a browser's, is JavaScript that cuts
 * the query with the realm's String.prototype.slice and adds each pair with its Array.prototype.push:
 * those two are spared them.
 */
// eslint-disable-next-line @typescript-eslint/unbound-method -- compared, never called
const [nodeParamsPush, nodeParamsSlice] = [Array.prototype.push, String.prototype.slice];
const QUERY_ROWS: Row[] = [
  ['messageEntries: a query string, an array, a Map, a Set, bytes', () => {
    const m = messageEntries({ body: `title=a&content=${ID}`, list: [ID], map: aMap, set: aSet, bytes: encodedId, buffer: encodedId.buffer });
    return ['entries' in m, 'opaque' in m ? m.opaque : m.entries];
  }, [true, [['title', 'a'], ['content', ID], ['list', ID], ['k', ID], ['set', ID], ['bytes', ID], ['buffer', ID]]]],
  ['isQueryShaped and queryPairs', () => [isQueryShaped(`title=a&content=${ID}`), isQueryShaped('a b'), isQueryShaped('eyJ0aXRsZSI6ImEifQ=='), queryPairs(`content=${encodeURIComponent(ID)}`)], [true, false, false, [['content', ID]]]],
];

describe("the gate's answers after page code replaced the realm's built-ins", () => {
  test.each(ROWS)('%s', (_label, run, expected) => {
    expect(run()).toEqual(expected);
    expect(whilePoisoned(poisonAll, run)).toEqual(expected);
  });
  test.each(QUERY_ROWS)('%s', (_label, run, expected) => {
    expect(run()).toEqual(expected);
    expect(whilePoisoned(() => poisonAll(nodeParamsPush, nodeParamsSlice), run)).toEqual(expected);
  });
});
