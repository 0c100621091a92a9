/**
 * 当前页面 at a glance, as the tab's Precheck content script reports it (TAB_STATE): findings by
 * severity, the required fields, the sign-off, whether the last publish was stopped. A tab where no
 * content script answers is one Precheck is not active on.
 */
import { useEffect, useState } from 'react';
import type { TabState } from '../../lib/messaging/protocol';
import { t } from '../options/i18n';

export interface TabStateApi {
  /** null: no Precheck content script answers in the tab. */
  tabState(): Promise<TabState | null>;
}

const SIGNOFF: Record<TabState['signoff'], () => string> = {
  none: () => t('popup_signoff_none'),
  partial: () => t('popup_signoff_partial'),
  signed: () => t('popup_signoff_signed'),
  void: () => t('popup_signoff_void'),
};
const SIGNOFF_COLOR: Record<TabState['signoff'], string> = { none: '#666', partial: '#b26a00', signed: '#1b7f3b', void: '#c62828' };

function Counts({ findings }: { findings: TabState['findings'] }) {
  const cell = (key: 'block' | 'warn' | 'info', color: string) => (
    <span data-severity={key} data-count={findings[key]} style={{ color: findings[key] > 0 ? color : '#666', marginRight: 12 }}>
      {t(`severity_${key}`)} {findings[key]}
    </span>
  );
  return (
    <div>
      {cell('block', '#c62828')}
      {cell('warn', '#b26a00')}
      {cell('info', '#546e7a')}
    </div>
  );
}

export function TabStateView({ api }: { api: TabStateApi }) {
  const [state, setState] = useState<TabState | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void api.tabState().then(
      (s) => live && setState(s),
      () => live && setState(null),
    );
    return () => {
      live = false;
    };
  }, [api]);
  const status = state === undefined ? 'loading' : state === null ? 'inactive' : 'active';
  return (
    <section data-tab-state={status} style={{ padding: '8px 12px 0' }}>
      <h2 style={{ fontSize: 14, margin: '0 0 4px' }}>{t('popup_tab_title')}</h2>
      {state === undefined && <p style={{ margin: 0, color: '#666' }}>…</p>}
      {state === null && <p style={{ margin: 0, color: '#666' }}>{t('popup_tab_inactive')}</p>}
      {state && (
        <>
          <Counts findings={state.findings} />
          {state.fields.length > 0 && (
            <ul data-fields style={{ listStyle: 'none', padding: 0, margin: '4px 0' }}>
              {state.fields.map((f) => (
                <li key={f.name} data-field={f.name} data-ok={f.ok} style={{ color: f.ok ? '#1b7f3b' : '#c62828' }}>
                  {f.ok ? '✓' : '✗'} {f.label}
                  {f.ok && f.text ? `：${f.text}` : ''}
                </li>
              ))}
            </ul>
          )}
          <p data-signoff={state.signoff} style={{ margin: '4px 0', color: SIGNOFF_COLOR[state.signoff] }}>
            {t('popup_signoff')}：{SIGNOFF[state.signoff]()}
          </p>
          {state.blocked && (
            <p data-blocked style={{ margin: '4px 0', color: '#c62828', fontWeight: 'bold' }}>
              {t('popup_blocked')}
            </p>
          )}
        </>
      )}
    </section>
  );
}
