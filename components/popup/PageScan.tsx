/**
 * 「扫描此页面」: scans the main content of the page in the tab (a preview, or the article once it is
 * online) and lists what it finds, masked, with whether the page still matches what was signed off.
 * The page's title and text are never shown here: only masked excerpts are.
 */
import { useState } from 'react';
import type { PostPublishResult } from '../../lib/messaging/protocol';
import type { Severity } from '../../lib/scan/types';
import { t } from '../options/i18n';
import { kindLabel } from './kind-label';
import type { PageScanError, PageScanOutcome } from './scan-page';

export interface PageScanApi {
  scanPage(): Promise<PageScanOutcome>;
}

/** A long 公示 list can hold hundreds of findings; the popup lists the worst and counts the rest. */
const LIST_LIMIT = 50;
const COLOR: Record<Severity, string> = { block: '#c62828', warn: '#b26a00', info: '#546e7a' };

type Phase = { at: 'idle' } | { at: 'scanning' } | { at: 'done'; outcome: PageScanOutcome };

function errorText(error: PageScanError, detail: string): string {
  if (error === 'no-tab') return t('popup_scan_no_tab');
  if (error === 'no-access') return t('popup_scan_no_access');
  return t('popup_scan_failed', detail);
}

function CheckLine({ check }: { check: PostPublishResult }) {
  if (!check.found) return <p data-signoff-check="none" style={{ color: '#666', margin: '4px 0' }}>{t('popup_check_none')}</p>;
  const matches = check.result === 'matches';
  return (
    <p data-signoff-check={check.result} style={{ color: matches ? '#1b7f3b' : '#c62828', margin: '4px 0', fontWeight: matches ? 'normal' : 'bold' }}>
      {t(matches ? 'popup_check_matches' : 'popup_check_differs')}
    </p>
  );
}

export function PageScan({ api }: { api: PageScanApi }) {
  const [phase, setPhase] = useState<Phase>({ at: 'idle' });
  const run = () => {
    setPhase({ at: 'scanning' });
    void api.scanPage().then(
      (outcome) => setPhase({ at: 'done', outcome }),
      (err: unknown) => setPhase({ at: 'done', outcome: { ok: false, error: 'failed', detail: String(err) } }),
    );
  };
  const outcome = phase.at === 'done' ? phase.outcome : null;
  return (
    <section style={{ padding: '8px 12px 0' }}>
      <button type="button" data-scan-page onClick={run} disabled={phase.at === 'scanning'}>
        {t(phase.at === 'scanning' ? 'popup_scanning' : 'popup_scan_page')}
      </button>
      {outcome && !outcome.ok && (
        <p role="alert" data-scan-error={outcome.error} style={{ color: '#b3261e', margin: '4px 0' }}>
          {errorText(outcome.error, outcome.detail)}
        </p>
      )}
      {outcome?.ok && (
        <div data-scan-result data-count={outcome.findings.length}>
          <p style={{ margin: '4px 0', fontWeight: 'bold' }}>
            {outcome.findings.length === 0 ? t('popup_scan_clean') : t('popup_scan_found', String(outcome.findings.length))}
          </p>
          {outcome.findings.length > 0 && (
            <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {outcome.findings.slice(0, LIST_LIMIT).map((f) => (
                <li
                  key={`${f.start}-${f.ruleId}`}
                  data-kind={f.kind}
                  data-severity={f.severity}
                  style={{ borderLeft: `3px solid ${COLOR[f.severity]}`, padding: '2px 6px', margin: '4px 0' }}
                >
                  <strong style={{ color: COLOR[f.severity] }}>{t(`severity_${f.severity}`)}</strong> {kindLabel(f.kind)} <code>{f.excerpt}</code>
                  <div style={{ color: '#444' }}>{f.message}</div>
                </li>
              ))}
            </ul>
          )}
          {outcome.findings.length > LIST_LIMIT && <p style={{ margin: '4px 0' }}>{t('popup_scan_more', String(outcome.findings.length - LIST_LIMIT))}</p>}
          {outcome.check && <CheckLine check={outcome.check} />}
        </div>
      )}
    </section>
  );
}
