/** The filter form's values and the AuditFilter they mean. */
import type { AuditEvent, AuditFilter } from '../../lib/audit/types';

export interface FilterForm {
  /** 'YYYY-MM-DD' from a date input, or ''. */
  from: string;
  to: string;
  event: AuditEvent | '';
  editor: string;
  reviewer: string;
  category: string;
  site: string;
  text: string;
}

export const EMPTY_FORM: FilterForm = { from: '', to: '', event: '', editor: '', reviewer: '', category: '', site: '', text: '' };

/** '+08:00' for the machine's zone on that day (the zone the user means by a calendar date). */
function offset(date: Date): string {
  const minutes = -date.getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** A calendar day's first or last millisecond as ISO 8601 with the local offset (the records' own form). */
export function dayBound(day: string, end: boolean): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const local = end ? new Date(y, m - 1, d, 23, 59, 59, 999) : new Date(y, m - 1, d, 0, 0, 0, 0);
  if (Number.isNaN(local.getTime())) return undefined;
  return `${day}T${end ? '23:59:59.999' : '00:00:00.000'}${offset(local)}`;
}

/** Only what the user set: an empty select or box does not narrow anything. */
export function toFilter(form: FilterForm): AuditFilter {
  const filter: AuditFilter = {};
  const from = dayBound(form.from, false);
  const to = dayBound(form.to, true);
  if (from) filter.from = from;
  if (to) filter.to = to;
  if (form.event) filter.event = form.event;
  if (form.editor) filter.editor = form.editor;
  if (form.reviewer) filter.reviewer = form.reviewer;
  if (form.category) filter.category = form.category;
  if (form.site) filter.site = form.site;
  const text = form.text.trim();
  if (text) filter.text = text;
  return filter;
}
