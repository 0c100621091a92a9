/**
 * The popup's 「教 Precheck 认识此页面 / Teach Precheck this CMS」 button: asks the active tab's
 * content script to start pick mode (lib/content/teach.ts), where the administrator clicks the
 * title, category and reviewer fields and the publish button; the result is saved as a site adapter.
 */
import { useState } from 'react';
import { t } from './strings';
import { COLOR } from '../palette';

export interface TeachApi {
  /** Starts pick mode in the active tab; false when no Precheck content script answers there. */
  startTeach(): Promise<boolean>;
  /** Closes the popup so the page can be clicked. */
  close(): void;
}

export function TeachButton({ api }: { api: TeachApi }) {
  const [status, setStatus] = useState<'idle' | 'started' | 'failed'>('idle');
  return (
    <div style={{ padding: '6px 12px 0' }}>
      <button
        type="button"
        data-teach
        onClick={() => {
          void api.startTeach().then(
            (ok) => {
              setStatus(ok ? 'started' : 'failed');
              if (ok) api.close();
            },
            () => setStatus('failed'),
          );
        }}
      >
        {t('popup_teach')}
      </button>
      {status !== 'idle' && (
        <p role="status" style={{ margin: '4px 0 0', color: status === 'failed' ? COLOR.error : COLOR.text }}>
          {status === 'failed' ? t('popup_teach_failed') : t('popup_teach_started')}
        </p>
      )}
    </div>
  );
}
