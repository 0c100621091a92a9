/**
 * `navigation.navigate(url)` of a window still on its initial about:blank (a fresh frame's, a
 * `window.open('')` one's): no navigate event comes for it (initial-blank.ts), and the browser's
 * navigation-URL rule refuses only an ID's shape — the sixteenth probe sent a fresh frame to an address
 * holding the draft's words this way. Asked about as a navigation before it starts; a window with a
 * current entry has a navigate event that judges it (isolated/navigation.ts).
 */
import type { BlankAsk } from './blank-ask';
import { refusal } from './sockets';
import { toText } from '../../../realm/intrinsics';
import { getter } from '../natives';
import { beforeCall, protoOf } from './wrap';

type PageWindow = Window & typeof globalThis;

const REFUSED = '发布前预检：此页面跳转含有须先审核签发的内容，已阻止';

export function hookBlankNavigate(win: PageWindow, ask: BlankAsk): void {
  const proto = protoOf(win, 'Navigation');
  if (!proto) return;
  // read off the object the method is called on: another window's Navigation may be handed to this one's method
  const currentEntry = getter(proto, 'currentEntry');
  beforeCall(
    proto,
    'navigate',
    (self, args) => {
      if (currentEntry(self) !== null) return;
      if (!ask(toText(args[0]), 'navigation')) throw refusal(win, REFUSED);
    },
    [0],
  );
}
