/**
 * The popup's header: is Precheck on for the current tab, and the way to the settings and the audit
 * log (the options page's 审计日志 section). Without the
 * tabs permission, tabs.query reports a tab's URL only where Precheck has host access, so an unknown
 * URL means "not enabled here".
 */
import { useEffect, useState } from 'react';
import { t } from './strings';
import { COLOR } from '../palette';
import { whileLive } from '../while-live';

export type Coverage = 'checking' | 'on' | 'off';

export interface PopupApi {
  /** The active tab's URL, when the browser tells us. */
  activeTabUrl(): Promise<string | undefined>;
  isCovered(url: string): Promise<boolean>;
  openOptions(): Promise<void>;
  openAudit(): Promise<void>;
}

export function PopupHeader({ api }: { api: PopupApi }) {
  const [coverage, setCoverage] = useState<Coverage>('checking');
  useEffect(() => {
    const covered = async () => {
      const url = await api.activeTabUrl().catch(() => undefined);
      return url !== undefined && (await api.isCovered(url).catch(() => false));
    };
    return whileLive(covered(), (on) => setCoverage(on ? 'on' : 'off'));
  }, [api]);
  return (
    <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', padding: '8px 12px 0' }}>
      <span data-coverage={coverage} style={{ color: coverage === 'on' ? COLOR.ok : COLOR.muted }}>
        {coverage === 'checking' ? '…' : coverage === 'on' ? t('popup_enabled') : t('popup_not_enabled')}
      </span>
      <span>
        <a
          href="#"
          data-open-options
          onClick={(e) => {
            e.preventDefault();
            void api.openOptions();
          }}
        >
          {t('popup_settings')}
        </a>
        {' · '}
        <a
          href="#"
          data-open-audit
          onClick={(e) => {
            e.preventDefault();
            void api.openAudit();
          }}
        >
          {t('popup_audit')}
        </a>
      </span>
    </header>
  );
}
