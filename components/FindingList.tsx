import { terms } from '../lib/i18n';
import type { Finding } from '../lib/scan/types';
import { SEVERITY_COLOR } from './palette';

/** Findings as an editor reads them: severity, masked excerpt, what to do (the message is already in the page's language). */
export function FindingList({ findings }: { findings: readonly Finding[] }) {
  const words = terms();
  if (findings.length === 0) return <p>{words.noFindings}</p>;
  return (
    <ul style={{ listStyle: 'none', padding: 0 }}>
      {findings.map((f) => (
        <li key={`${f.start}-${f.ruleId}`} style={{ borderLeft: `3px solid ${SEVERITY_COLOR[f.severity]}`, padding: '2px 6px', margin: '4px 0' }}>
          <strong style={{ color: SEVERITY_COLOR[f.severity] }}>{words.severity[f.severity]}</strong> {words.kind[f.kind]} <code translate="no">{f.excerpt}</code>
          <div>{f.message}</div>
        </li>
      ))}
    </ul>
  );
}
