import type { ReactNode } from 'react';
import type { ChecklistProblem, ChecklistSection, FieldName } from '../../lib/signoff/types';
import { terms } from '../../lib/i18n';
import { t } from './strings';
import { COLOR, button, list, sectionBox } from './styles';
import { Text } from './Text';

/** A numbered checklist section; its header shows ✓ or how many problems are still open. */
export function Section({ n, section, children }: { n: number; section: ChecklistSection; children: ReactNode }) {
  const open = section.problems.length;
  const title = terms().section[section.id];
  return (
    <section data-section={section.id} data-complete={section.complete ? 'true' : 'false'} style={sectionBox} aria-labelledby={`precheck-${section.id}`}>
      <h3 id={`precheck-${section.id}`} style={{ margin: '0 0 6px', fontSize: 16, display: 'flex', alignItems: 'center', gap: 8 }}>
        <span>
          {n} {title}
        </span>
        {section.complete ? (
          <span style={{ color: COLOR.ok }} aria-label={t('section_done')} title={t('section_done')}>
            ✓
          </span>
        ) : (
          <span
            style={{ background: COLOR.block, color: '#fff', borderRadius: 10, padding: '0 8px', fontSize: 12 }}
            title={t('section_open', open)}
            aria-label={t('section_open', open)}
          >
            {open}
          </span>
        )}
      </h3>
      {children}
    </section>
  );
}

/** Problems as the checklist words them; those about a form field can jump to it. */
export function ProblemList({ problems, goToField }: { problems: readonly ChecklistProblem[]; goToField: (name: FieldName) => void }) {
  if (problems.length === 0) return null;
  return (
    <ul style={list}>
      {problems.map((p, i) => (
        <li key={`${p.code}-${i}`} data-problem={p.code} style={{ color: COLOR.block, margin: '4px 0' }}>
          <Text {...p.message} />
          {p.field && (
            <button type="button" style={{ ...button, marginLeft: 8 }} data-action="goto-field" data-field={p.field} onClick={() => goToField(p.field!)}>
              {terms().action.goToField}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
