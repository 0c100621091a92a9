/**
 * 当前页面 at a glance, as the tab's Precheck content script reports it (TAB_STATE): findings by
 * severity, the required fields, the sign-off, whether the last publish was stopped. A tab where no
 * content script answers is one Precheck is not active on.
 */
import { useEffect, useState } from 'react';
import type { TabState } from '../../lib/messaging/protocol';
import type { RequiredField } from '../../lib/policy/schema';
import { terms } from '../../lib/i18n';
import { t } from './strings';
import { COLOR, SEVERITY_COLOR } from '../palette';
import { whileLive } from '../while-live';

export interface TabStateApi {
  /** null: no Precheck content script answers in the tab. */
  tabState(): Promise<TabState | null>;
}

/** The field's name in the popup's language (the page reports the CMS's own label too, which may be Chinese). */
function fieldLabel(f: TabState['fields'][number]): string {
  return terms().field[f.name as RequiredField] ?? f.label;
}

const SIGNOFF_COLOR: Record<TabState['signoff'], string> = { none: COLOR.muted, partial: SEVERITY_COLOR.warn, signed: COLOR.ok, void: COLOR.error };

function Counts({ findings }: { findings: TabState['findings'] }) {
  const cell = (key: 'block' | 'warn' | 'info', color: string) => (
    <span data-severity={key} data-count={findings[key]} style={{ color: findings[key] > 0 ? color : COLOR.muted, marginRight: 12 }}>
      {terms().severity[key]} {findings[key]}
    </span>
  );
  return (
    <div>
      {cell('block', SEVERITY_COLOR.block)}
      {cell('warn', SEVERITY_COLOR.warn)}
      {cell('info', SEVERITY_COLOR.info)}
    </div>
  );
}

export function TabStateView({ api }: { api: TabStateApi }) {
  const [state, setState] = useState<TabState | null | undefined>(undefined);
  useEffect(() => whileLive(api.tabState(), setState, () => setState(null)), [api]);
  const status = state === undefined ? 'loading' : state === null ? 'inactive' : 'active';
  return (
    <section data-tab-state={status} style={{ padding: '8px 12px 0' }}>
      <h2 style={{ fontSize: 14, margin: '0 0 4px' }}>{t('popup_tab_title')}</h2>
      {state === undefined && <p style={{ margin: 0, color: COLOR.muted }}>…</p>}
      {state === null && <p style={{ margin: 0, color: COLOR.muted }}>{t('popup_tab_inactive')}</p>}
      {state && (
        <>
          <Counts findings={state.findings} />
          {state.fields.length > 0 && (
            <ul data-fields style={{ listStyle: 'none', padding: 0, margin: '4px 0' }}>
              {state.fields.map((f) => (
                <li key={f.name} data-field={f.name} data-ok={f.ok} style={{ color: f.ok ? COLOR.ok : COLOR.error }}>
                  {f.ok ? '✓' : '✗'} {fieldLabel(f)}
                  {f.ok && f.text ? (
                    <>
                      {terms().colon}
                      <span translate="no">{f.text}</span>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          <p data-signoff={state.signoff} style={{ margin: '4px 0', color: SIGNOFF_COLOR[state.signoff] }}>
            {t('popup_signoff')}{terms().colon}{terms().signoff[state.signoff]}
          </p>
          {state.blocked && (
            <p data-blocked style={{ margin: '4px 0', color: COLOR.error, fontWeight: 'bold' }}>
              {t('popup_blocked')}
            </p>
          )}
        </>
      )}
    </section>
  );
}
