import { describe, expect, it } from 'vitest';
import { mayOpenElsewhere, type ActivationLike } from '../../lib/intercept/new-window-event';

// What Chromium and Firefox do with the activation (the sixteenth probe saw each of the first five
// send a form of this window, or a link with no target, to a new tab or window).
const ELSEWHERE: [string, ActivationLike][] = [
  ['shift-click: a new window', { shiftKey: true, button: 0 }],
  ['ctrl-click: a new background tab', { ctrlKey: true, button: 0 }],
  ['meta-click (macOS): a new tab', { metaKey: true, button: 0 }],
  ['the middle button: a new tab', { button: 1 }],
  ['Shift+Enter / Shift+Space (a key, no button)', { shiftKey: true }],
  ['alt-click: Chromium downloads the link', { altKey: true, button: 0 }],
  ['ctrl+shift: a foreground tab', { ctrlKey: true, shiftKey: true }],
];
const HERE: [string, ActivationLike][] = [
  ['a plain click', { button: 0, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false }],
  ['a plain Enter (a key, no button)', { shiftKey: false, ctrlKey: false }],
  ['an event with no modifiers at all (submit)', {}],
];

describe('mayOpenElsewhere', () => {
  it.each(ELSEWHERE)('%s', (_l, e) => expect(mayOpenElsewhere(e)).toBe(true));
  it.each(HERE)('%s: stays in its target', (_l, e) => expect(mayOpenElsewhere(e)).toBe(false));
});
