/** The filter bar: date range, event, editor, reviewer, category, site (menus from facets()), free text. */
import { AUDIT_EVENTS, type AuditEvent } from '../../lib/audit/types';
import { t } from './strings';
import { EMPTY_FORM, type FilterForm } from './filter';
import { eventLabel } from './format';

export interface Facets {
  editors: string[];
  reviewers: string[];
  categories: string[];
  sites: string[];
}

export const NO_FACETS: Facets = { editors: [], reviewers: [], categories: [], sites: [] };

function FacetSelect({ name, label, values, value, onChange }: { name: string; label: string; values: string[]; value: string; onChange: (v: string) => void }) {
  // The chosen value stays listed even if the menus were read before it existed.
  const options = value && !values.includes(value) ? [value, ...values] : values;
  return (
    <label>
      {label}{' '}
      <select name={name} data-filter={name} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('audit_filter_all')}</option>
        {options.map((v) => (
          <option key={v} value={v} translate="no">
            {v}
          </option>
        ))}
      </select>
    </label>
  );
}

export function AuditFilters({ form, facets, onChange }: { form: FilterForm; facets: Facets; onChange: (form: FilterForm) => void }) {
  const set = (patch: Partial<FilterForm>) => onChange({ ...form, ...patch });
  return (
    <div className="audit-filters" role="search">
      <label>
        {t('audit_filter_from')} <input type="date" name="from" data-filter="from" value={form.from} max={form.to || undefined} onChange={(e) => set({ from: e.target.value })} />
      </label>
      <label>
        {t('audit_filter_to')} <input type="date" name="to" data-filter="to" value={form.to} min={form.from || undefined} onChange={(e) => set({ to: e.target.value })} />
      </label>
      <label>
        {t('audit_col_event')}{' '}
        <select name="event" data-filter="event" value={form.event} onChange={(e) => set({ event: e.target.value as AuditEvent | '' })}>
          <option value="">{t('audit_filter_all')}</option>
          {AUDIT_EVENTS.map((e) => (
            <option key={e} value={e}>
              {eventLabel(e)}
            </option>
          ))}
        </select>
      </label>
      <FacetSelect name="editor" label={t('audit_col_editor')} values={facets.editors} value={form.editor} onChange={(editor) => set({ editor })} />
      <FacetSelect name="reviewer" label={t('audit_filter_reviewer')} values={facets.reviewers} value={form.reviewer} onChange={(reviewer) => set({ reviewer })} />
      <FacetSelect name="category" label={t('audit_col_category')} values={facets.categories} value={form.category} onChange={(category) => set({ category })} />
      <FacetSelect name="site" label={t('audit_col_site')} values={facets.sites} value={form.site} onChange={(site) => set({ site })} />
      <label>
        {t('audit_filter_text')}{' '}
        <input type="search" name="text" data-filter="text" value={form.text} placeholder={t('audit_filter_text_hint')} onChange={(e) => set({ text: e.target.value })} size={20} />
      </label>
      <button type="button" onClick={() => onChange(EMPTY_FORM)} disabled={JSON.stringify(form) === JSON.stringify(EMPTY_FORM)}>
        {t('audit_filter_clear')}
      </button>
    </div>
  );
}
