/**
 * A <style>'s text is the text of its Text children in order, parsed (and its @import and url()s
 * fetched) as soon as it changes. The MAIN-world hook (lib/intercept/main/hooks/style-text.ts) judges
 * every change as that whole text after it; these are the text edits it works out before the browser
 * makes them. Pure: no DOM; through the kept built-ins and plain arithmetic (lib/realm/intrinsics.ts),
 * as the hook works them out after page code could replace Number, Math or String.prototype.slice.
 */
import { floor, replaceEach, sliceText, toNumber, toText } from '../realm/intrinsics';

/** WebIDL's `unsigned long`: what the browser makes of an offset or a count the page passes. */
function unsignedLong(n: unknown): number {
  const x = toNumber(n);
  // NaN and the infinities are 0 (x - x is NaN for them only)
  if (x - x !== 0) return 0;
  const whole = x < 0 ? -floor(-x) : floor(x);
  return ((whole % 2 ** 32) + 2 ** 32) % 2 ** 32;
}

export type DataEdit = 'appendData' | 'insertData' | 'deleteData' | 'replaceData';
export const DATA_EDITS: readonly DataEdit[] = ['appendData', 'insertData', 'deleteData', 'replaceData'];

/**
 * A Text node's data after a CharacterData method, as the DOM standard's "replace data" makes it
 * (offsets in UTF-16 code units, a count past the end clamped), or null when the browser throws
 * (an offset past the end) and nothing changes. `args` are already strings where the method takes one.
 */
export function editedData(data: string, edit: DataEdit, args: readonly unknown[]): string | null {
  if (edit === 'appendData') return data + toText(args[0]);
  const offset = unsignedLong(args[0]);
  if (offset > data.length) return null;
  const count = edit === 'insertData' ? 0 : unsignedLong(args[1]);
  const inserted = edit === 'deleteData' ? '' : toText(edit === 'insertData' ? args[1] : args[2]);
  return sliceText(data, 0, offset) + inserted + sliceText(data, offset + count);
}

/**
 * A style's text after the part between two places in it is taken out (Range.deleteContents,
 * extractContents, surroundContents): `start`/`end` are offsets into the text, or null when that end
 * of the range lies outside the style (everything of it on that side goes).
 */
export function textWithout(text: string, start: number | null, end: number | null): string {
  const least = start ?? 0;
  const from = end === null ? null : end > least ? end : least;
  return (start === null ? '' : sliceText(text, 0, start)) + (from === null ? '' : sliceText(text, from));
}

/** What the innerText/outerText setters leave as text: every line break becomes a <br>, no text. */
export const withoutLineBreaks = (text: string): string => replaceEach(/\r\n|[\r\n]/g, text, () => '');
