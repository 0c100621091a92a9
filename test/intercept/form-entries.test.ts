// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { formEntries } from '../../lib/intercept/isolated/form-entries';

/**
 * [what, form markup, the submitter's selector or null, the entries]: as HTML's "constructing the entry
 * list" makes them (the simulated DOMs differ from the browsers here: jsdom keeps a disabled option,
 * happy-dom a datalist's controls, neither fires formdata).
 */
const CASES: [string, string, string | null, string[][]][] = [
  ['text, hidden, textarea', '<input name="t" value="a"><input type="hidden" name="h" value="b"><textarea name="c">正文\n第二行</textarea>', null, [['t', 'a'], ['h', 'b'], ['c', '正文\n第二行']]],
  ['unnamed and disabled controls are left out', '<input value="x"><input name="d" value="y" disabled><fieldset disabled><input name="f" value="z"></fieldset>', null, []],
  ['checkboxes and radios only when checked; on by default', '<input type="checkbox" name="ids" value="42" checked><input type="checkbox" name="ids" value="43"><input type="checkbox" name="all" checked><input type="radio" name="r" value="1"><input type="radio" name="r" value="2" checked>', null, [['ids', '42'], ['all', 'on'], ['r', '2']]],
  ['selects: every selected, enabled option', '<select name="s"><option>a</option><option selected>b</option></select><select name="m" multiple><option selected value="1">一</option><option selected disabled>2</option><option selected>3</option></select>', null, [['s', 'b'], ['m', '1'], ['m', '3']]],
  ['only the submitter among buttons', '<button name="act" value="publish" id="go">发布</button><button name="act" value="draft">草稿</button><input type="submit" name="s2" value="保存">', '#go', [['act', 'publish']]],
  ['an input submitter', '<button name="act" value="publish">发布</button><input type="submit" name="s2" value="保存" id="go">', '#go', [['s2', '保存']]],
  ['an image submitter sends where it was pressed', '<input type="image" name="pub" id="go">', '#go', [['pub.x', '0'], ['pub.y', '0']]],
  ['no submitter: no button at all', '<button name="act" value="publish">发布</button><input type="reset" name="r" value="x"><input type="button" name="b" value="y">', null, []],
  ['a datalist’s controls are left out', '<datalist id="dl"><input name="dl" value="q"></datalist><input name="kept" value="k">', null, [['kept', 'k']]],
  ['the charset field and dirname', '<input type="hidden" name="_charset_"><input name="q" value="v" dirname="q.dir">', null, [['_charset_', 'UTF-8'], ['q', 'v'], ['q.dir', 'ltr']]],
  ['a file input with no file sends an empty one', '<input type="file" name="att">', null, [['att', 'file:']]],
];

function build(markup: string): HTMLFormElement {
  document.body.innerHTML = `<form id="f">${markup}</form><input form="f" name="outside" value="2">`;
  return document.getElementById('f') as HTMLFormElement;
}

const pairs = (fd: FormData) => [...fd].map(([k, v]) => [k, typeof v === 'string' ? v : `file:${v.name}`]);

describe('formEntries: the entry list a submission would build, without building one', () => {
  test.each(CASES)('%s', (_what, markup, by, entries) => {
    const form = build(markup);
    const submitter = by ? form.querySelector<HTMLElement>(by) : null;
    // the control outside the form, tied to it by form=, comes last in form.elements
    expect(pairs(formEntries(form, submitter))).toEqual([...entries, ['outside', '2']]);
  });
});
