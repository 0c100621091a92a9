/** 校验完整性: the background re-walks the hash chain; a break shows the first bad record in red. */
import { useState } from 'react';
import type { VerifyResult } from '../../lib/audit/types';
import { pick, terms } from '../../lib/i18n';
import type { AuditClient } from './client';
import { t } from './strings';
import { errorText } from './useReader';

type Outcome = { result: VerifyResult } | { error: string } | null;

function ResultNote({ outcome }: { outcome: NonNullable<Outcome> }) {
  if ('error' in outcome)
    return (
      <span className="error audit-note" role="alert" data-verify-result="" data-ok="false">
        {t('audit_verify_failed', outcome.error)}
      </span>
    );
  const r = outcome.result;
  if (r.ok)
    return (
      <span className="ok audit-note" role="status" data-verify-result="" data-ok="true">
        ✓ {t('audit_verify_ok', r.count)}
      </span>
    );
  return (
    <span className="error audit-note" role="alert" data-verify-result="" data-ok="false" data-first-bad={r.firstBadSeq}>
      ✗ {t('audit_verify_broken', r.firstBadSeq, pick(r.message))}
    </span>
  );
}

export function VerifyButton({ client }: { client: AuditClient }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function verify() {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome({ result: await client.verify() });
    } catch (error) {
      setOutcome({ error: errorText(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" data-verify="" disabled={busy} onClick={() => void verify()}>
        {busy ? t('audit_verifying') : terms().action.verify}
      </button>
      {outcome && <ResultNote outcome={outcome} />}
    </>
  );
}
