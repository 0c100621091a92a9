// @vitest-environment happy-dom
/**
 * 全部打码 in an editable area no editor owns, through the MAIN world's request handler: the masks
 * land only where asked, the page hears input events, and 撤销 restores the very content of before
 * — but not over what the user wrote after the mask.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { requestEdit, type MaskEdit } from '../../lib/editors/edit-bridge';
import { serveEditorEdits } from '../../lib/editors/edit-serve';
import { extractText } from '../../lib/editors/text-map';
import { publishMask } from '../../lib/fix/publish-mask';
import { idCheckChar } from '../../lib/scan/checksums';

const first17 = '11010519800101001';
const ID = first17 + idCheckChar(first17);
const HTML = `<p>居民甲 <b>${ID}</b></p><table><tbody><tr><td>居民乙</td><td>${ID}</td></tr></tbody></table>`;

serveEditorEdits(window);

function editable(): HTMLElement {
  document.body.innerHTML = `<div id="content" contenteditable="true">${HTML}</div>`;
  return document.getElementById('content')!;
}

function maskAll(root: HTMLElement) {
  const text = extractText(root).text;
  const edits: MaskEdit[] = [];
  for (let at = text.indexOf(ID); at >= 0; at = text.indexOf(ID, at + 1)) {
    edits.push({ start: at, end: at + ID.length, kind: 'cn-id', replacement: publishMask('cn-id', ID)! });
  }
  return requestEdit(root, { op: 'mask', textLength: text.length, edits });
}

describe('全部打码 in a plain contenteditable', () => {
  let root: HTMLElement;
  let inputs: string[];
  beforeEach(() => {
    root = editable();
    inputs = [];
    root.addEventListener('input', (e) => inputs.push((e as InputEvent).inputType));
  });

  it('masks every ID in place and 撤销 restores the content byte for byte', () => {
    expect(maskAll(root)).toEqual({ ok: true, editor: 'contenteditable' });
    expect(root.innerHTML).not.toContain(ID);
    expect(root.innerHTML).toBe(HTML.replaceAll(ID, publishMask('cn-id', ID)!));
    expect(requestEdit(root, { op: 'undo' })).toEqual({ ok: true, editor: 'contenteditable' });
    expect(root.innerHTML).toBe(HTML);
    expect(inputs).toEqual(['insertReplacementText', 'historyUndo']);
  });

  it('does not undo over what was written after the mask', () => {
    maskAll(root);
    root.querySelector('td')!.textContent = '居民丙';
    const written = root.innerHTML;
    expect(requestEdit(root, { op: 'undo' })).toEqual({ ok: false, reason: 'edited' });
    expect(root.innerHTML).toBe(written);
  });

  it('writes nothing when the text no longer masks the same', () => {
    const text = extractText(root).text;
    const at = text.indexOf(ID);
    const r = requestEdit(root, { op: 'mask', textLength: text.length, edits: [{ start: at + 1, end: at + 1 + ID.length, kind: 'cn-id', replacement: publishMask('cn-id', ID)! }] });
    expect(r).toEqual({ ok: false, reason: 'changed' });
    expect(root.innerHTML).toBe(HTML);
  });
});

describe('an editable area a model-based editor renders', () => {
  it('is not written under (ProseMirror would revert it or lose its model)', () => {
    const root = editable();
    root.classList.add('ProseMirror');
    expect(maskAll(root)).toEqual({ ok: false, reason: 'unsupported' });
    expect(root.innerHTML).toBe(HTML);
  });
});
