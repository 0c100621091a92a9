import type { Finding, Severity } from '../lib/scan/types';

const SEVERITY_LABEL: Record<Severity, string> = { block: '阻止', warn: '警告', info: '提示' };
const SEVERITY_COLOR: Record<Severity, string> = { block: '#c62828', warn: '#b26a00', info: '#546e7a' };

/** Findings as an editor reads them: severity, kind, masked excerpt, what to do. */
export function FindingList({ findings }: { findings: readonly Finding[] }) {
  if (findings.length === 0) return <p>未发现敏感信息 / Nothing found</p>;
  return (
    <ul style={{ listStyle: 'none', padding: 0 }}>
      {findings.map((f) => (
        <li key={`${f.start}-${f.ruleId}`} style={{ borderLeft: `3px solid ${SEVERITY_COLOR[f.severity]}`, padding: '2px 6px', margin: '4px 0' }}>
          <strong style={{ color: SEVERITY_COLOR[f.severity] }}>{SEVERITY_LABEL[f.severity]}</strong> <code>{f.excerpt}</code>
          <div>{f.message}</div>
        </li>
      ))}
    </ul>
  );
}
