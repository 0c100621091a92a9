/**
 * The CMS form as the checklist reads it: its fields (found by the adapter, or by name, id and label),
 * Precheck's own fields where the CMS has none, and who the editor is. Re-read whenever the checklist
 * looks; the elements found are kept so that 转到该项 can focus one and the release can name them.
 */
import { findFormFields, focusField, readCurrentUser, readFields } from '../../editors/form-fields';
import type { PagePolicy } from '../../messaging/protocol';
import { withOwnFields, type OwnFieldName, type OwnValues } from '../../signoff/own-fields';
import type { DigestInput, FieldName, FieldReadings } from '../../signoff/types';

export class DraftForm {
  /** What the form holds, Precheck's own fields included. */
  fields: FieldReadings = {};
  /** What the CMS form itself holds (without Precheck's own fields). */
  pageFields: FieldReadings = {};
  editor: string | null = null;
  /** The identity set in the popup (the CMS's own login, when the adapter names it, outranks it). */
  storedEditor: string | null = null;
  private own: OwnValues = {};
  private elements: Partial<Record<FieldName, HTMLElement>> = {};

  constructor(
    private readonly top: Window,
    private readonly docs: () => Document[],
    private readonly bodyText: () => string,
  ) {}

  read(page: PagePolicy | null): DigestInput {
    this.elements = findFormFields(this.docs(), page?.adapter?.fields ?? null);
    this.pageFields = readFields(this.elements);
    this.fields = withOwnFields(this.pageFields, this.own, page?.catalogue ?? []);
    const fromPage = readCurrentUser(this.top.document, page?.adapter?.fields.currentUser);
    this.editor = (page?.adapter?.fields.currentUser ? fromPage : null) ?? this.storedEditor ?? fromPage;
    const f = this.fields;
    return {
      title: f.title?.value ?? '',
      body: this.bodyText(),
      category: f.category?.value ?? '',
      disclosure: f.disclosure?.value ?? '',
      reviewer: f.reviewer?.value ?? '',
    };
  }

  setOwn(name: OwnFieldName, value: string): void {
    this.own = { ...this.own, [name]: value };
  }

  /** Focuses the CMS's own field; false when the form has none. */
  goTo(name: FieldName): boolean {
    const el = this.elements[name];
    if (el) focusField(el);
    return el !== undefined;
  }

  /**
   * What the CMS page holds now besides the draft: every field's value, named or not (a Vue or Element
   * form's inputs have no name: its script sends its own state), a file input's files' names, a select's
   * chosen options' values and texts, and each document's text (a tag picker's
   * chips, a category tree's names, the strings of its inline scripts) — what the release lets a
   * request carry beside the signed body (lib/gate/unsigned-words.ts).
   */
  pageTexts(): string[] {
    return this.docs().flatMap((doc) => [
      ...[...doc.querySelectorAll<HTMLElement>('input, textarea, select, button')].flatMap(valuesOf),
      (doc.body?.textContent ?? '').slice(0, PAGE_CHARS),
    ]);
  }

  /** The signed form fields by their name in the form, for the release ticket to compare. */
  signedFields(): { name: string; value: string }[] {
    return (['title', 'category', 'disclosure', 'reviewer'] as const).flatMap((n) => {
      const el = this.elements[n] as HTMLInputElement | undefined;
      const name = el?.getAttribute('name');
      return el && name && typeof el.value === 'string' ? [{ name, value: el.value }] : [];
    });
  }
}

/** Longer than this, a field is an editor's own textarea: the body, compared whole. */
const FIELD_CHARS = 64 * 1024;
/** A document's text beyond this is a long list, not the page's furniture. */
const PAGE_CHARS = 1024 * 1024;

/** By tag name, not instanceof: a frame's fields belong to the frame's realm. */
function valuesOf(el: HTMLElement): string[] {
  if (el.localName === 'select') return [...(el as HTMLSelectElement).selectedOptions].flatMap((o) => [o.value, o.text]);
  const field = el as HTMLInputElement | HTMLTextAreaElement;
  if (field.value.length > FIELD_CHARS) return [];
  // a submit button's value goes with its form (`<button name="dosubmit" value="提交">`)
  if (el.localName === 'textarea' || el.localName === 'button') return [field.value];
  const input = el as HTMLInputElement;
  if (input.type === 'password') return [];
  if (input.type === 'file') return [...(input.files ?? [])].map((f) => f.name);
  if ((input.type === 'checkbox' || input.type === 'radio') && !input.checked) return [];
  return [input.value];
}
