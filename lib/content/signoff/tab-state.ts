/** The popup's state of the tab at a glance: counts, the required fields, the sign-off. */
import { terms } from '../../i18n';
import type { TabState } from '../../messaging/protocol';
import { REQUIRED_FIELD_NAMES } from '../../policy/limits';
import type { Finding } from '../../scan/types';
import type { ChecklistResult, FieldName, FieldReadings, Signoff } from '../../signoff/types';

export interface TabPicture {
  result: ChecklistResult;
  findings: Finding[];
  fields: FieldReadings;
  requiredFields: readonly FieldName[];
  signoffs: Signoff[];
  voided: boolean;
  /** The checklist is on screen (a publish was stopped). */
  open: boolean;
  editor: string | null;
}

export function tabStateOf(t: TabPicture): TabState {
  const r = t.result;
  const count = (s: string) => t.findings.filter((f) => f.severity === s).length;
  const needed = r.important ? 2 : 1;
  const signed = t.signoffs.length >= needed && !r.needs.reviewer && !r.needs.principal;
  return {
    findings: { block: count('block'), warn: count('warn'), info: count('info') },
    fields: REQUIRED_FIELD_NAMES.filter((n) => t.fields[n]?.present || t.requiredFields.includes(n)).map((n) => ({
      name: n,
      label: terms().field[n],
      ok: !r.sections.fields.problems.some((p) => p.field === n),
      text: t.fields[n]?.text ?? '',
    })),
    signoff: t.voided ? 'void' : t.signoffs.length === 0 ? 'none' : signed ? 'signed' : 'partial',
    blocked: t.open && !r.complete,
    editor: t.editor,
  };
}
