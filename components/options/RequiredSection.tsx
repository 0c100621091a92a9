/** 必填项与目录: which form fields a draft must fill in, the disclosure catalogue, important categories. */
import { REQUIRED_FIELD_NAMES, type Policy, type RequiredField } from '../../lib/policy/schema';
import { terms } from '../../lib/i18n';
import { t } from './strings';
import { isLocked, LockableGroup, patchAt, removeAt, SaveBar, useDraft, useSaver, type SectionProps } from './shared';

interface Draft {
  requiredFields: RequiredField[];
  catalogue: Catalogue;
  importantCategories: string[];
}

function toggle<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? (list.includes(item) ? [...list] : [...list, item]) : list.filter((x) => x !== item);
}

type Catalogue = Policy['catalogue'];

/** The disclosure catalogue as an editable table: an id and a name per row. */
function CatalogueTable({ catalogue, onChange }: { catalogue: Catalogue; onChange: (next: Catalogue) => void }) {
  const setEntry = (i: number, patch: Partial<Catalogue[number]>) => onChange(patchAt(catalogue, i, patch));
  return (
    <>
      <table className="table">
        <thead>
          <tr>
            <th>{t('catalogue_id')}</th>
            <th>{t('catalogue_name')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {catalogue.map((c, i) => (
            <tr key={i}>
              <td>
                <input aria-label={t('catalogue_id')} value={c.id} onChange={(e) => setEntry(i, { id: e.target.value })} size={6} />
              </td>
              <td>
                <input aria-label={t('catalogue_name')} value={c.name} onChange={(e) => setEntry(i, { name: e.target.value })} size={50} />
              </td>
              <td>
                <button type="button" onClick={() => onChange(removeAt(catalogue, i))}>
                  {terms().action.remove}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => onChange([...catalogue, { id: '', name: '' }])}>
        {terms().action.add}
      </button>
    </>
  );
}

export function RequiredSection(props: SectionProps) {
  const { state } = props;
  const saver = useSaver(props);
  const { requiredFields, catalogue, importantCategories } = state.policy;
  const [draft, setDraft] = useDraft<Draft>({ requiredFields, catalogue, importantCategories });
  const locked = {
    requiredFields: isLocked(state, 'requiredFields'),
    catalogue: isLocked(state, 'catalogue'),
    importantCategories: isLocked(state, 'importantCategories'),
  };
  function save() {
    const patch: Partial<Policy> = {};
    if (!locked.requiredFields) patch.requiredFields = REQUIRED_FIELD_NAMES.filter((f) => draft.requiredFields.includes(f));
    if (!locked.catalogue) patch.catalogue = draft.catalogue.map((c) => ({ id: c.id.trim(), name: c.name.trim() }));
    if (!locked.importantCategories) patch.importantCategories = draft.importantCategories;
    void saver.save(patch);
  }

  return (
    <section id="required">
      <h2>{t('section_required')}</h2>
      <LockableGroup title={t('required_fields')} locked={locked.requiredFields}>
        {REQUIRED_FIELD_NAMES.map((f) => (
          <label key={f} className="inline">
            <input
              type="checkbox"
              checked={draft.requiredFields.includes(f)}
              onChange={(e) => setDraft({ ...draft, requiredFields: toggle(draft.requiredFields, f, e.target.checked) })}
            />
            {terms().field[f]}
          </label>
        ))}
      </LockableGroup>
      <LockableGroup title={t('required_catalogue')} locked={locked.catalogue}>
        <CatalogueTable catalogue={draft.catalogue} onChange={(catalogue) => setDraft({ ...draft, catalogue })} />
      </LockableGroup>
      <LockableGroup title={t('required_important')} locked={locked.importantCategories}>
        <p className="hint">{t('required_important_hint')}</p>
        {draft.catalogue
          .filter((c) => c.id !== '')
          .map((c) => (
            <label key={c.id} className="block">
              <input
                type="checkbox"
                checked={draft.importantCategories.includes(c.id)}
                onChange={(e) => setDraft({ ...draft, importantCategories: toggle(draft.importantCategories, c.id, e.target.checked) })}
              />
              <span translate="no">
                {c.id} {c.name}
              </span>
            </label>
          ))}
      </LockableGroup>
      <SaveBar saver={saver} onSave={save} disabled={locked.requiredFields && locked.catalogue && locked.importantCategories} />
    </section>
  );
}
