/**
 * 审计日志: every publish, block, override and sign-off the background recorded (article 15). The
 * section reads the log itself; OptionsApp may pass a reader and client, tests always do.
 */
import { useCallback, useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { AuditLog } from '../audit/AuditLog';
import { AuditErrorBoundary } from '../audit/ErrorBoundary';
import type { AuditClient, ReaderSource } from '../audit/client';
import { errorText, useReader } from '../audit/useReader';
import { messagingAuditClient, openAuditReader } from '../audit/wiring';
import { t } from './i18n';

const defaultClient = messagingAuditClient();

/**
 * The popup links to options.html#audit, but the sections render only after the policy loads, after
 * the browser gave up looking for the anchor: scroll here once mounted, and again once the first
 * rows arrived (the sections above may have grown meanwhile).
 */
function useScrollToHash(ref: RefObject<HTMLElement | null>): () => void {
  const done = useRef(false);
  const scroll = useCallback(() => {
    if (done.current || location.hash !== '#audit') return;
    ref.current?.scrollIntoView?.({ block: 'start' });
  }, [ref]);
  useEffect(() => {
    scroll();
    // Stop following once the user scrolls elsewhere themselves.
    const stop = () => (done.current = true);
    window.addEventListener('wheel', stop, { once: true, passive: true });
    window.addEventListener('keydown', stop, { once: true });
    return () => {
      window.removeEventListener('wheel', stop);
      window.removeEventListener('keydown', stop);
    };
  }, [scroll]);
  return scroll;
}

export function AuditSection({
  reader = openAuditReader,
  client = defaultClient,
  settings,
}: {
  reader?: ReaderSource;
  client?: AuditClient;
  /** The sign-off window, retention and collector settings, shown above the log. */
  settings?: ReactNode;
}) {
  const ref = useRef<HTMLElement>(null);
  const state = useReader(reader);
  const onFirstPage = useScrollToHash(ref);
  return (
    <section id="audit" ref={ref}>
      <h2>{t('section_audit')}</h2>
      <p className="hint">{t('audit_hint')}</p>
      {settings}
      {state.status === 'opening' && <p>{t('audit_opening')}</p>}
      {state.status === 'failed' && (
        <p className="error" role="alert" data-audit-error="">
          {t('audit_open_failed', errorText(state.error))}
        </p>
      )}
      {state.status === 'open' && (
        <AuditErrorBoundary>
          <AuditLog reader={state.reader} client={client} onFirstPage={onFirstPage} />
        </AuditErrorBoundary>
      )}
    </section>
  );
}
