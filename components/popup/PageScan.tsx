/**
 * 「扫描此页面」: on a CMS edit page, the draft's findings as the tab's checklist has them; elsewhere it
 * scans the main content of the page in the tab (a preview, or the article once it is online) and
 * lists what it finds, masked, with whether the page still matches what was signed off.
 * The page's title and text are never shown here: only masked excerpts are.
 */
import { useState } from 'react';
import type { PostPublishResult } from '../../lib/messaging/protocol';
import { terms } from '../../lib/i18n';
import { t } from './strings';
import type { PageScanError, PageScanOutcome } from './scan-page';
import { COLOR, SEVERITY_COLOR } from '../palette';

export interface PageScanApi {
  scanPage(): Promise<PageScanOutcome>;
}

/** A long 公示 list can hold hundreds of findings; the popup lists the worst and counts the rest. */
const LIST_LIMIT = 50;

type Phase = { at: 'idle' } | { at: 'scanning' } | { at: 'done'; outcome: PageScanOutcome };

function errorText(error: PageScanError, detail: string): string {
  if (error === 'no-tab') return t('popup_scan_no_tab');
  if (error === 'no-access') return t('popup_scan_no_access');
  return t('popup_scan_failed', detail);
}

function CheckLine({ check }: { check: PostPublishResult }) {
  if (!check.found) return <p data-signoff-check="none" style={{ color: COLOR.muted, margin: '4px 0' }}>{t('popup_check_none')}</p>;
  const matches = check.result === 'matches';
  return (
    <p data-signoff-check={check.result} style={{ color: matches ? COLOR.ok : COLOR.error, margin: '4px 0', fontWeight: matches ? 'normal' : 'bold' }}>
      {matches ? t('popup_check_matches') : t('popup_check_differs')}
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
        {phase.at === 'scanning' ? t('popup_scanning') : terms().action.scanPage}
      </button>
      {outcome && !outcome.ok && (
        <p role="alert" data-scan-error={outcome.error} style={{ color: COLOR.error, margin: '4px 0' }}>
          {errorText(outcome.error, outcome.detail)}
        </p>
      )}
      {outcome?.ok && (
        <div data-scan-result data-scan-source={outcome.source} data-count={outcome.findings.length}>
          {outcome.source === 'draft' && <p style={{ margin: '4px 0', color: COLOR.text }}>{t('popup_scan_draft')}</p>}
          <p style={{ margin: '4px 0', fontWeight: 'bold' }}>
            {outcome.findings.length === 0 ? terms().noFindings : t('popup_scan_found', outcome.findings.length)}
          </p>
          {outcome.findings.length > 0 && (
            <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {outcome.findings.slice(0, LIST_LIMIT).map((f) => (
                <li
                  key={`${f.start}-${f.ruleId}`}
                  data-kind={f.kind}
                  data-severity={f.severity}
                  style={{ borderLeft: `3px solid ${SEVERITY_COLOR[f.severity]}`, padding: '2px 6px', margin: '4px 0' }}
                >
                  <strong style={{ color: SEVERITY_COLOR[f.severity] }}>{terms().severity[f.severity]}</strong> {terms().kind[f.kind]} <code translate="no">{f.excerpt}</code>
                  <div style={{ color: COLOR.text }}>{f.message}</div>
                </li>
              ))}
            </ul>
          )}
          {outcome.findings.length > LIST_LIMIT && <p style={{ margin: '4px 0' }}>{t('popup_scan_more', outcome.findings.length - LIST_LIMIT)}</p>}
          {outcome.check && <CheckLine check={outcome.check} />}
        </div>
      )}
    </section>
  );
}
