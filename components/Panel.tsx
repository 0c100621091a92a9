import { htmlLang, statusText, terms, uiLang } from '../lib/i18n';
import type { Finding, Severity } from '../lib/scan/types';
import { PANEL_COLOR, PanelFindings } from './PanelFindings';

export interface PanelItem {
  finding: Finding;
  /** Where it is: 正文 (editor), 标题 ... */
  where: string;
}

export interface PanelState {
  items: PanelItem[];
  /** Why the last publish attempt was stopped; null when none was made. */
  blocked: { reasons: string[] } | null;
  /** A scan failed: publishing stays blocked until it succeeds. */
  error: string | null;
  /** Requests the gate refused, newest first: what was stopped, by which route, why (masked). */
  refusals: PanelRefusal[];
  open: boolean;
}

export interface PanelRefusal {
  route: string;
  endpoint: string;
  reason: string;
  excerpts: string[];
  at: number;
}

export interface PanelActions {
  goTo: (index: number) => void;
  toggle: () => void;
}

const box: React.CSSProperties = {
  position: 'fixed',
  right: 16,
  bottom: 16,
  width: 380,
  maxHeight: '70vh',
  overflow: 'auto',
  background: '#fff',
  color: '#222',
  border: '1px solid #ccc',
  borderRadius: 8,
  boxShadow: '0 4px 20px rgba(0,0,0,.2)',
  font: '14px/1.5 "Microsoft YaHei", "PingFang SC", system-ui, sans-serif',
  zIndex: 2147483647,
};

export function Panel({ state, actions }: { state: PanelState; actions: PanelActions }) {
  const { toggle, goTo } = actions;
  const t = terms();
  const counts = { block: 0, warn: 0, info: 0 };
  for (const { finding } of state.items) counts[finding.severity]++;
  const summary = (Object.keys(PANEL_COLOR) as Severity[]).map((s) => (
    <span key={s} data-severity={s} data-count={counts[s]} style={{ color: PANEL_COLOR[s], marginRight: 10 }}>
      {t.severity[s]} {counts[s]}
    </span>
  ));
  if (!state.open) {
    return (
      <button type="button" style={{ ...box, width: 'auto', padding: '6px 12px', cursor: 'pointer' }} onClick={toggle} data-testid="precheck-toggle">
        {t.product} · {summary}
      </button>
    );
  }
  return (
    <section style={box} lang={htmlLang(uiLang())} data-testid="precheck-panel" aria-label={t.product}>
      <header style={{ display: 'flex', alignItems: 'center', padding: '8px 12px', borderBottom: '1px solid #eee' }}>
        <strong style={{ flex: 1 }}>{t.product}</strong>
        <button type="button" onClick={toggle}>
          {t.action.collapse}
        </button>
      </header>
      <div style={{ padding: '8px 12px' }} data-testid="precheck-counts">
        {summary}
      </div>
      {state.error && (
        <div role="alert" data-testid="precheck-error" style={{ margin: '0 12px 8px', padding: 8, background: '#fdecea', color: '#b71c1c' }}>
          {t.status.scanFailed}
          {t.colon}
          {state.error}
        </div>
      )}
      {state.blocked && (
        <div role="alert" data-testid="precheck-blocked" style={{ margin: '0 12px 8px', padding: 8, background: '#fdecea', color: '#b71c1c' }}>
          <strong>{t.status.blocked}</strong>
          <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
            {state.blocked.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      )}
      {state.refusals.length > 0 && (
        <div data-testid="precheck-refusals" style={{ margin: '0 12px 8px', padding: 8, background: '#fff8e1', color: '#5d4037' }}>
          <strong>{statusText('refusals')}</strong>
          <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
            {state.refusals.map((r) => (
              <li key={`${r.at}-${r.route}-${r.endpoint}`} data-route={r.route}>
                {r.route} → {r.endpoint || statusText('this_page')}
                {t.colon}
                {r.reason}
                {r.excerpts.length > 0 && <code style={{ marginLeft: 6 }}>{r.excerpts.join(t.listSep)}</code>}
              </li>
            ))}
          </ul>
        </div>
      )}
      <PanelFindings items={state.items} goTo={goTo} />
    </section>
  );
}
