/**
 * 审计日志: every publish, block, override and sign-off the background recorded (article 15). The
 * section reads the log itself; OptionsApp may pass a reader and client, tests always do.
 */
import { AuditLog } from '../audit/AuditLog';
import { AuditErrorBoundary } from '../audit/ErrorBoundary';
import type { AuditClient, ReaderSource } from '../audit/client';
import { errorText, useReader } from '../audit/useReader';
import { messagingAuditClient, openAuditReader } from '../audit/wiring';
import { t } from './strings';

const defaultClient = messagingAuditClient();

export function AuditSection({ reader = openAuditReader, client = defaultClient }: { reader?: ReaderSource; client?: AuditClient }) {
  const state = useReader(reader);
  return (
    <section id="audit">
      <h2>{t('section_audit')}</h2>
      <p className="hint">{t('audit_hint')}</p>
      {state.status === 'opening' && <p>{t('audit_opening')}</p>}
      {state.status === 'failed' && (
        <p className="error" role="alert" data-audit-error="">
          {t('audit_open_failed', errorText(state.error))}
        </p>
      )}
      {state.status === 'open' && (
        <AuditErrorBoundary>
          <AuditLog reader={state.reader} client={client} />
        </AuditErrorBoundary>
      )}
    </section>
  );
}
