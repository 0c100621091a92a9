/**
 * What the page-driving helpers (drive.ts, checklist-drive.ts, publish-routes.ts) need from a browser
 * tab, so that one set of helpers drives Chromium through playwright-core and Firefox through
 * puppeteer-core. Only what the helpers use: the rest of a suite talks to its own library.
 *
 * Selectors are CSS, matched inside open shadow roots too (Precheck's panel and checklist live in
 * one); `frames` are iframe selectors from the top document down to the document meant. Scripts are
 * passed as strings: the test transform may wrap functions in helpers the page does not have.
 */
export interface PageDriver {
  readonly browserName: 'chromium' | 'firefox';
  /** The top document's URL. */
  url(): string;
  /** Loads a URL in the tab and waits until the response has arrived (not for the page's scripts). */
  goto(url: string): Promise<void>;
  /** The value of a script expression in that document (a promise it returns is awaited). */
  evaluate<T>(expression: string, frames?: readonly string[]): Promise<T>;
  /** Waits until the expression is truthy in that document. */
  waitFor(expression: string, options?: { frames?: readonly string[]; timeout?: number }): Promise<void>;
  /** Waits until the first element matching the selector is visible / hidden (or gone). */
  waitForSelector(selector: string, state: 'visible' | 'hidden', options?: { frames?: readonly string[]; timeout?: number }): Promise<void>;
  /**
   * A real (trusted) mouse click on the first element matching the selector, once it can be clicked;
   * `how`: keys held during it and the button (a shift-click or a middle-click opens elsewhere).
   */
  click(selector: string, frames?: readonly string[], how?: ClickHow): Promise<void>;
  /**
   * Makes the tab the one its window shows, as the tab a person acts on is: Firefox leaves a hidden
   * tab's focused button unpressed by Space (the sixteenth probe's Shift+Space).
   */
  bringToFront(): Promise<void>;
  /** Replaces an input's value as typing would. */
  fill(selector: string, value: string, frames?: readonly string[]): Promise<void>;
  selectOption(selector: string, value: string, frames?: readonly string[]): Promise<void>;
  /** Ticks a checkbox (left alone when it is ticked already). */
  check(selector: string, frames?: readonly string[]): Promise<void>;
  /** Unticks a checkbox (left alone when it is not ticked). */
  uncheck(selector: string, frames?: readonly string[]): Promise<void>;
  /** Moves the focus to the first element matching the selector (a key pressed next goes there). */
  focus(selector: string, frames?: readonly string[]): Promise<void>;
  /** A key or chord on whatever has the focus: 'Enter', 'Control+s', 'Control+End'. */
  press(keys: string): Promise<void>;
  /** Types text on the keyboard (CJK characters arrive as text input, as from an IME). */
  type(text: string): Promise<void>;
}

/** A click's modifier keys and button (left when not given). */
export interface ClickHow {
  modifiers?: ('Alt' | 'Control' | 'Meta' | 'Shift')[];
  button?: 'left' | 'middle';
}

/** Tells a driver from a library's own page object (the helpers take either). */
export function isPageDriver(target: object): target is PageDriver {
  return 'browserName' in target && typeof (target as PageDriver).evaluate === 'function';
}

/** `Control+Shift+s` → ['Control', 'Shift', 's'] (a lone '+' is the plus key). */
export function chordKeys(keys: string): string[] {
  return keys === '+' ? ['+'] : keys.split('+').map((k) => (k === '' ? '+' : k));
}

/**
 * Script (a function expression, as a string) that finds the first element matching a selector in a
 * document or any open shadow root inside it, depth first. Both drivers evaluate it in the page.
 * `a >> b` is Playwright's chain: the first `b` inside the first `a` (its shadow root included), how
 * a selector names a control inside a web component.
 */
export const DEEP_QUERY = `(function (root, selector) {
  function deepQuery(scope, part) {
    const hit = scope.querySelector(part);
    if (hit) return hit;
    for (const el of scope.querySelectorAll('*')) {
      if (el.shadowRoot) {
        const inner = deepQuery(el.shadowRoot, part);
        if (inner) return inner;
      }
    }
    return null;
  }
  let hit = null;
  for (const part of selector.split(' >> ')) {
    hit = deepQuery(hit ? hit.shadowRoot || hit : root, part);
    if (!hit) return null;
  }
  return hit;
})`;
