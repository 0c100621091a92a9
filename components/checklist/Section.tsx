import type { ReactNode } from 'react';
import type { ChecklistProblem, ChecklistSection, FieldName } from '../../lib/signoff/types';
import { COLOR, button, list, sectionBox, small } from './styles';
import { Text } from './Text';

/** A numbered checklist section; its header shows ✓ or how many problems are still open. */
export function Section({ n, title, en, section, children }: { n: number; title: string; en: string; section: ChecklistSection; children: ReactNode }) {
  const open = section.problems.length;
  return (
    <section data-section={section.id} data-complete={section.complete ? 'true' : 'false'} style={sectionBox} aria-labelledby={`precheck-${section.id}`}>
      <h3 id={`precheck-${section.id}`} style={{ margin: '0 0 6px', fontSize: 16, display: 'flex', alignItems: 'center', gap: 8 }}>
        <span>
          {n} {title} <small style={small}>{en}</small>
        </span>
        {section.complete ? (
          <span style={{ color: COLOR.ok }} aria-label="已完成 / done" title="已完成 / done">
            ✓
          </span>
        ) : (
          <span
            style={{ background: COLOR.block, color: '#fff', borderRadius: 10, padding: '0 8px', fontSize: 12 }}
            title={`${open} 项未完成 / ${open} open`}
            aria-label={`${open} 项未完成`}
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
              转到该项
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
