/**
 * Findings as the audit log keeps them: how many of each kind and severity, and a few masked
 * excerpts so an inspector can see what was there without the log holding anyone's data.
 */
import type { FindingsSummary } from '../audit/types';
import type { Finding, Severity } from '../scan/types';

const MAX_EXCERPTS = 20;
const SEVERITY_ORDER: Record<Severity, number> = { block: 0, warn: 1, info: 2 };

export function summarizeFindings(findings: readonly Finding[]): FindingsSummary {
  const counts: FindingsSummary['counts'] = {};
  for (const f of findings) {
    const bySeverity = (counts[f.kind] ??= {});
    bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
  }
  // When there are more than fit, the ones that stopped the publish are the ones worth keeping.
  const ranked = [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const excerpts = [...new Set(ranked.map((f) => f.excerpt))].slice(0, MAX_EXCERPTS);
  return { total: findings.length, counts, excerpts };
}
