/**
 * A <style>'s text is the text of its Text children in order, parsed (and its @import and url()s
 * fetched) as soon as it changes. The MAIN-world hook (lib/intercept/main/hooks/style-text.ts) judges
 * every change as that whole text after it; these are the text edits it works out before the browser
 * makes them. Pure: no DOM.
 */

/** WebIDL's `unsigned long`: what the browser makes of an offset or a count the page passes. */
const unsignedLong = (n: unknown): number => {
  const x = Math.trunc(Number(n));
  return Number.isFinite(x) ? ((x % 2 ** 32) + 2 ** 32) % 2 ** 32 : 0;
};

export type DataEdit = 'appendData' | 'insertData' | 'deleteData' | 'replaceData';
export const DATA_EDITS: readonly DataEdit[] = ['appendData', 'insertData', 'deleteData', 'replaceData'];

/**
 * A Text node's data after a CharacterData method, as the DOM standard's "replace data" makes it
 * (offsets in UTF-16 code units, a count past the end clamped), or null when the browser throws
 * (an offset past the end) and nothing changes. `args` are already strings where the method takes one.
 */
export function editedData(data: string, edit: DataEdit, args: readonly unknown[]): string | null {
  if (edit === 'appendData') return data + String(args[0]);
  const offset = unsignedLong(args[0]);
  if (offset > data.length) return null;
  const count = edit === 'insertData' ? 0 : unsignedLong(args[1]);
  const inserted = edit === 'deleteData' ? '' : String(edit === 'insertData' ? args[1] : args[2]);
  return data.slice(0, offset) + inserted + data.slice(offset + count);
}

/**
 * A style's text after the part between two places in it is taken out (Range.deleteContents,
 * extractContents, surroundContents): `start`/`end` are offsets into the text, or null when that end
 * of the range lies outside the style (everything of it on that side goes).
 */
export function textWithout(text: string, start: number | null, end: number | null): string {
  return (start === null ? '' : text.slice(0, start)) + (end === null ? '' : text.slice(Math.max(end, start ?? 0)));
}

/** What the innerText/outerText setters leave as text: every line break becomes a <br>, no text. */
export const withoutLineBreaks = (text: string): string => text.replace(/\r\n|[\r\n]/g, '');
