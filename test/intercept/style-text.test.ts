/**
 * The <style> text hook on jsdom: every change is judged as the style's whole text after it, and a
 * URL carrying the ID that only the whole text holds is refused before the change is made.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { beforeEach, describe, expect, it } from 'vitest';
import { cssUrls } from '../../lib/gate/css-urls';
import { editedData, textWithout, withoutLineBreaks } from '../../lib/gate/style-text';
import type { LoadJudge } from '../../lib/intercept/main/hooks/load-judge';
import { hookStyleText } from '../../lib/intercept/main/hooks/style-text';
import { includes, toText } from '../../lib/realm/intrinsics';
import { endIterators, poison, whilePoisoned } from '../realm/poison';

const ID = '11010519491231002X';
const TAIL = `("/sink?content=${ID}");`;
/** The same URL unquoted: before `url` is spelt out it is no token that can fetch (a quoted one is a string, judged wherever it stands). */
const BARE_TAIL = `(/sink?content=${ID});`;

describe('editedData: a Text node’s data after a CharacterData method', () => {
  it.each([
    ['appendData', 'abc', ['de'], 'abcde'],
    ['insertData', 'abc', [1, 'X'], 'aXbc'],
    ['deleteData', 'abcdef', [1, 2], 'adef'],
    ['deleteData past the end clamps', 'abc', [1, 99], 'a'],
    ['replaceData', 'abcdef', [2, 1, 'XY'], 'abXYdef'],
    ['replaceData at the end', 'abc', [3, 0, 'd'], 'abcd'],
    ['a negative offset wraps (and throws)', 'abc', [-1, 'x'], null],
    ['an offset past the end throws', 'abc', [4, 'x'], null],
  ] as const)('%s', (name, data, args, out) => {
    const edit = name.split(' ')[0] as 'appendData';
    expect(editedData(data, edit, args)).toBe(out);
  });

  it('textWithout: the part between two places goes, or all on a side outside the style', () => {
    expect(textWithout('0123456789', 2, 5)).toBe('0156789');
    expect(textWithout('0123456789', 2, null)).toBe('01');
    expect(textWithout('0123456789', null, 7)).toBe('789');
    expect(withoutLineBreaks('a\r\nb\nc\rd')).toBe('abcd');
  });
});

describe('cssUrls: a URL left open at the end of the text', () => {
  it.each([
    ['an open url()', `@import url(/sink?content=${ID}`],
    ['an open quoted url()', `@import url("/sink?content=${ID}`],
    ['an open @import string', `@import "/sink?content=${ID}`],
  ])('%s', (_name, css) => {
    expect(cssUrls(css)).toContain(`/sink?content=${ID}`);
  });
});

describe('hookStyleText on jsdom', () => {
  let win: Window & typeof globalThis;
  let d: Document;
  let judged: string[];
  const carriesId = (css: string) => cssUrls(css).some((u) => u.includes(ID));

  beforeEach(() => {
    win = new JSDOM('<!doctype html><head></head><body><p id=p>正文</p></body>', { url: 'http://localhost/', virtualConsole: new VirtualConsole() }).window as unknown as Window & typeof globalThis;
    d = win.document;
    judged = [];
    const judge = {
      css: (css: unknown) => {
        judged.push(String(css));
        if (carriesId(String(css))) throw new win.DOMException('refused', 'SecurityError');
      },
      html: (html: unknown) => {
        judged.push(String(html));
        if (String(html).includes(ID)) throw new win.DOMException('refused', 'SecurityError');
      },
    } as unknown as LoadJudge;
    hookStyleText(win, judge);
  });

  /** A style in <head> with these Text children. */
  const style = (...parts: string[]) => {
    const s = d.createElement('style');
    for (const p of parts) s.appendChild(d.createTextNode(p));
    d.head.appendChild(s);
    return s;
  };
  const text = (s: Element, i = 0) => s.childNodes[i] as Text;

  it.each<[string, () => void]>([
    ['appendData', () => text(style('')).appendData(`@import url${TAIL}`)],
    ['insertData', () => text(style(`@import ur${TAIL}`)).insertData(10, 'l')],
    ['replaceData', () => text(style(`@import urX${TAIL}`)).replaceData(10, 1, 'l')],
    ['deleteData', () => text(style(`@import urXXl${TAIL}`)).deleteData(10, 2)],
    ['a second Text node by appendChild', () => style('@import ur').appendChild(d.createTextNode(`l${TAIL}`))],
    ['insertBefore', () => { const s = style(`l${TAIL}`); s.insertBefore(d.createTextNode('@import ur'), s.firstChild); }],
    ['append of strings', () => style('@import ur').append('l', TAIL)],
    ['prepend', () => style(`l${TAIL}`).prepend('@import ur')],
    ['replaceChild', () => { const s = style('@import ur', 'X', `l${TAIL}`); s.replaceChild(d.createTextNode(''), text(s, 1)); }],
    ['a fragment', () => { const f = d.createDocumentFragment(); f.append('l', TAIL); style('@import ur').appendChild(f); }],
    ['removeChild of a node between the halves', () => { const s = style('@import ur', '/**/', `l${TAIL}`); s.removeChild(text(s, 1)); }],
    ['remove() of a node between the halves', () => text(style('@import ur', '/**/', `l${TAIL}`), 1).remove()],
    ['after', () => text(style('@import ur')).after(`l${TAIL}`)],
    ['before', () => text(style(`l${TAIL}`)).before('@import ur')],
    ['replaceWith', () => text(style('@import ur', 'X', `l${TAIL}`), 1).replaceWith('')],
    ['splitText, then nodeValue of the second half', () => { const rest = text(style(`@import urX${TAIL}`)).splitText(10); rest.nodeValue = `l${TAIL}`; }],
    ['data of one of two nodes', () => { text(style('@import ur', 'X')).data = '@import ur'; text(d.head.lastChild as Element, 1).data = `l${TAIL}`; }],
    ['textContent of a Text child', () => { text(style('@import ur', 'X'), 1).textContent = `l${TAIL}`; }],
    ['insertAdjacentText into the style', () => style('@import ur').insertAdjacentText('beforeend', `l${TAIL}`)],
    ['a Range deleting between the halves', () => { const r = d.createRange(); const t = text(style(`@import urXXl${TAIL}`)); r.setStart(t, 10); r.setEnd(t, 12); r.deleteContents(); }],
    ['a Range inserting a node', () => { const r = d.createRange(); r.setStart(text(style(`@import ur${TAIL}`)), 10); r.insertNode(d.createTextNode('l')); }],
    ['built detached, then appended', () => { const s = d.createElement('style'); s.appendChild(d.createTextNode('@import ur')); (s.firstChild as Text).appendData(`l${TAIL}`); d.head.appendChild(s); }],
    ['an SVG style', () => { const svg = d.createElementNS('http://www.w3.org/2000/svg', 'svg'); const s = d.createElementNS('http://www.w3.org/2000/svg', 'style'); s.appendChild(d.createTextNode('@import ur')); svg.appendChild(s); d.body.appendChild(svg); (s.firstChild as Text).appendData(`l${TAIL}`); }],
  ])('%s: refused before it takes effect', (_name, change) => {
    expect(change).toThrow('refused');
    for (const s of d.querySelectorAll('style')) expect(carriesId(s.textContent ?? '')).toBe(false);
  });

  // An XML document loads what an <?xml-stylesheet?> names as it is put in or its data changes.
  const PI_DATA = `type="text/css" href="/sink?content=${ID}"`;
  const pi = () => {
    const x = d.createProcessingInstruction('xml-stylesheet', 'type="text/css" href="a.css"');
    d.body.appendChild(x);
    return x;
  };
  it.each<[string, () => void]>([
    ['createProcessingInstruction', () => d.createProcessingInstruction('xml-stylesheet', PI_DATA)],
    ['its data set', () => void (pi().data = PI_DATA)],
    ['its nodeValue set', () => void (pi().nodeValue = PI_DATA)],
    ['its textContent set', () => void (pi().textContent = PI_DATA)],
    ['the ID appended', () => { const x = pi(); x.data = 'href="/sink?content='; x.appendData(`${ID}"`); }],
    ['the ID put in by replaceData', () => pi().replaceData(24, 5, `/sink?content=${ID}`)],
  ])('a processing instruction, %s: refused before it takes effect', (_name, change) => {
    expect(change).toThrow('refused');
    expect(d.body.innerHTML).not.toContain(ID);
  });

  it('a clean processing instruction is judged and made', () => {
    pi().data = 'type="text/css" href="b.css?v=2"';
    expect(judged).toContain('type="text/css" href="b.css?v=2"');
    expect(d.body.lastChild).toHaveProperty('data', 'type="text/css" href="b.css?v=2"');
  });

  it('a clean change passes and is judged as the whole text', () => {
    const s = style('@import ur');
    (s.firstChild as Text).appendData('l("/a.css");');
    expect(s.textContent).toBe('@import url("/a.css");');
    expect(judged.at(-1)).toBe('@import url("/a.css");');
  });

  it('the same text is not asked about again when the style is put in the page', () => {
    const s = d.createElement('style');
    s.textContent = '@import url("/a.css?v=1");';
    const asked = judged.length;
    d.head.appendChild(s);
    expect(judged.length).toBe(asked);
  });

  it('text edits outside a style are not judged', () => {
    const p = d.getElementById('p')!.firstChild as Text;
    p.appendData(ID);
    p.insertData(0, `url(/x?c=${ID})`);
    p.data = `@import url(/x?c=${ID});`;
    d.body.append(`url(/x?c=${ID})`);
    expect(judged).toEqual([]);
  });

  it('an argument is turned into text once: what is judged is what is written', () => {
    let calls = 0;
    const sneaky = { toString: () => (calls++ === 0 ? 'l("/a.css");' : `l${TAIL}`) };
    const t = text(style('@import ur'));
    t.appendData(sneaky as unknown as string);
    expect(t.data).toBe('@import url("/a.css");');
  });

  /** An argument whose string (or number) is `first` to its first reader and `later` to every later one. */
  const flip = (first: string | number, later: string | number) => {
    let reads = 0;
    const value = () => (reads++ === 0 ? first : later);
    return { toString: value, valueOf: value } as unknown as string & number;
  };

  it.each<[string, () => void]>([
    ["insertAdjacentText's place: before the style to the judge, into it to the browser", () => style('@import ur').insertAdjacentText(flip('beforebegin', 'beforeend'), `l${TAIL}`)],
    ["replaceData's offset: 0 to the judge, 10 to the browser", () => text(style(`@import urX${BARE_TAIL}`)).replaceData(flip(0, 10), 1, 'l')],
    ["insertData's offset: 0 to the judge, 10 to the browser", () => text(style(`@import ur${BARE_TAIL}`)).insertData(flip(0, 10), 'l')],
    ["append's text: clean to the judge, the rest of the URL to the browser", () => style('@import ur').append(flip('/**/', `l${TAIL}`))],
  ])('%s: read once, so the browser writes what was judged', (_name, change) => {
    change();
    for (const s of d.querySelectorAll('style')) expect(carriesId(s.textContent ?? '')).toBe(false);
  });
});

/**
 * The page replaced the array built-ins (and String) after the guard loaded: every change is still
 * judged as the style's whole text. Each change is made ready before the realm is poisoned and only
 * the hooked call runs poisoned; the judge (kept includes, no DOM) refuses before jsdom takes the
 * change, so jsdom itself never runs on a poisoned realm.
 */
describe('hookStyleText with the page’s built-ins replaced', () => {
  let d: Document;
  const WHOLE = `@import url${TAIL}`;

  beforeEach(() => {
    const win = new JSDOM('<!doctype html><head></head><body></body>', { url: 'http://localhost/', virtualConsole: new VirtualConsole() }).window as unknown as Window & typeof globalThis;
    d = win.document;
    const judge = {
      css: (css: unknown) => {
        if (includes(toText(css), WHOLE)) throw new Error('refused');
      },
    } as unknown as LoadJudge;
    hookStyleText(win, judge);
  });

  const style = (...parts: string[]) => {
    const s = d.createElement('style');
    for (const p of parts) s.appendChild(d.createTextNode(p));
    d.head.appendChild(s);
    return s;
  };
  const text = (s: Element, i = 0) => s.childNodes[i] as Text;

  /** Each change: made ready, then the call that makes it. */
  const CHANGES: [string, () => () => void][] = [
    ['appendChild of a second Text node', () => { const s = style('@import ur'); const t = d.createTextNode(`l${TAIL}`); return () => s.appendChild(t); }],
    ['insertBefore', () => { const s = style(`l${TAIL}`); const t = d.createTextNode('@import ur'); return () => s.insertBefore(t, s.firstChild); }],
    ['append of strings', () => { const s = style('@import ur'); return () => s.append('l', TAIL); }],
    ['after', () => { const t = text(style('@import ur')); return () => t.after(`l${TAIL}`); }],
    ['replaceChild', () => { const s = style('@import ur', 'X', `l${TAIL}`); const t = d.createTextNode(''); return () => s.replaceChild(t, text(s, 1)); }],
    ['a fragment', () => { const f = d.createDocumentFragment(); f.append('l', TAIL); const s = style('@import ur'); return () => s.appendChild(f); }],
    ['removeChild of a node between the halves', () => { const s = style('@import ur', '/**/', `l${TAIL}`); const t = text(s, 1); return () => s.removeChild(t); }],
    ['insertAdjacentText into the style', () => { const s = style('@import ur'); return () => s.insertAdjacentText('beforeend', `l${TAIL}`); }],
    ['a Range inserting a node', () => { const r = d.createRange(); r.setStart(text(style(`@import ur${TAIL}`)), 10); const t = d.createTextNode('l'); return () => r.insertNode(t); }],
    ['a Range deleting between the halves', () => { const r = d.createRange(); const t = text(style(`@import urXXl${TAIL}`)); r.setStart(t, 10); r.setEnd(t, 12); return () => r.deleteContents(); }],
  ];

  const POISONS: [string, () => void][] = [
    ['map and join', () => {
      poison(Array.prototype, 'map', () => []);
      poison(Array.prototype, 'join', () => '');
    }],
    ['flatMap, filter, includes, indexOf and slice', () => {
      for (const name of ['flatMap', 'filter', 'slice']) poison(Array.prototype, name, () => []);
      poison(Array.prototype, 'includes', () => true);
      poison(Array.prototype, 'indexOf', () => -1);
    }],
    ['the array iterator ending at once', endIterators],
    ['String and toLowerCase', () => {
      poison(String.prototype, 'toLowerCase', () => '');
      poison(globalThis, 'String', () => '');
    }],
  ];

  const each: [string, string, () => () => void, () => void][] = [];
  for (const [change, ready] of CHANGES) for (const [poisons, poisoned] of POISONS) each.push([change, poisons, ready, poisoned]);

  it.each(each)('%s with %s replaced: refused before it takes effect', (_change, _poisons, ready, poisoned) => {
    const change = ready();
    expect(() => whilePoisoned(poisoned, change)).toThrow('refused');
    for (const s of d.querySelectorAll('style')) expect(includes(s.textContent ?? '', WHOLE)).toBe(false);
  });
});
