/**
 * HTML a page hands to the parser: whatever it makes is in the page at once and fetches its URLs
 * (an <img src>, a style's url(), an iframe's srcdoc). Every way of writing markup is judged on the
 * URLs it holds (lib/gate/html-urls.ts) before the parser sees it: innerHTML/outerHTML,
 * insertAdjacentHTML, document.write, Range.createContextualFragment, DOMParser, setHTMLUnsafe,
 * Document.parseHTMLUnsafe, execCommand('insertHTML') and an iframe's srcdoc. The text itself (a
 * draft an editor writes into its own body) is not what is judged here: only what would load or leave
 * by itself — URLs, the window names its frames and link targets give (lib/gate/html-names.ts), and
 * speculation rules (refused whole: lib/gate/speculation-rules.ts).
 */
import { isStyle, type LoadJudge } from './load-judge';
import { beforeCall as before, beforeSet } from './wrap';

type PageWindow = Window & typeof globalThis;

export function hookHtml(win: PageWindow, judge: LoadJudge): void {
  // A <style>'s innerHTML is its CSS, not markup.
  const markup = (self: unknown, html: unknown) => (isStyle(self) ? judge.css(html) : judge.html(html));
  beforeSet(win.Element.prototype, 'innerHTML', markup);
  beforeSet(win.Element.prototype, 'outerHTML', (_, html) => judge.html(html));
  beforeSet(win.ShadowRoot?.prototype, 'innerHTML', (_, html) => judge.html(html));
  beforeSet(win.HTMLIFrameElement.prototype, 'srcdoc', (_, html) => judge.html(html));
  before(win.Element.prototype, 'insertAdjacentHTML', (_, [, html]) => judge.html(html));
  before(win.Element.prototype, 'setHTMLUnsafe', (self, [html]) => markup(self, html));
  before(win.ShadowRoot?.prototype, 'setHTMLUnsafe', (_, [html]) => judge.html(html));
  // The sanitizing forms keep what loads (an img's src): judged as the unsafe ones.
  before(win.Element.prototype, 'setHTML', (self, [html]) => markup(self, html));
  before(win.ShadowRoot?.prototype, 'setHTML', (_, [html]) => judge.html(html));
  before(win.Document, 'parseHTML', (_, [html]) => judge.html(html));
  before(win.Document.prototype, 'write', (_, text) => judge.html(text.join('')));
  before(win.Document.prototype, 'writeln', (_, text) => judge.html(text.join('')));
  before(win.Range.prototype, 'createContextualFragment', (_, [html]) => judge.html(html));
  before(win.DOMParser?.prototype, 'parseFromString', (_, [html]) => judge.html(html));
  before(win.Document, 'parseHTMLUnsafe', (_, [html]) => judge.html(html));
  before(win.Document.prototype, 'execCommand', (_, [command, , value]) => {
    if (/^insertHTML$/i.test(String(command))) judge.html(value);
  });
}
