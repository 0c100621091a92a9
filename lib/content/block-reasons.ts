import { statusText } from '../i18n';
import type { Finding } from '../scan/types';

/**
 * Why a publish attempt was stopped, in the page's language: counted from the same findings the
 * panel's and the checklist's counts are, plus what only the editors' submitted content holds.
 */
export function blockReasons(findings: readonly Finding[], scanError: string | null, hidden = 0): string[] {
  const reasons: string[] = [];
  if (scanError) reasons.push(statusText('reason_scan_failed', scanError));
  const blocking = findings.filter((f) => f.severity === 'block').length;
  const warnings = findings.filter((f) => f.severity === 'warn').length;
  if (blocking > 0) reasons.push(statusText('reason_block', blocking));
  if (hidden > 0) reasons.push(statusText('reason_hidden', hidden));
  if (warnings > 0) reasons.push(statusText('reason_warn', warnings));
  reasons.push(statusText('reason_signoff'));
  return reasons;
}
