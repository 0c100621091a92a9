/**
 * The options page: a header that stays on screen with one tab per part of the policy and one for the
 * audit log (each a click away, the page only as long as the part shown), the rejected-input banner
 * under it. Tabs are links (#sites … #audit), so the popup can open the log directly and Back works.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { uiLang } from '../../lib/i18n';
import type { PolicyState } from '../../lib/messaging/protocol';
import { useAdminSession, type AdminSession } from './admin-session';
import { AuditSection } from './AuditSection';
import type { PolicyClient } from './client';
import { ImportExportSection } from './ImportExportSection';
import { keyNames } from './key-names';
import { RecordsSection } from './RecordsSection';
import { RequiredSection } from './RequiredSection';
import { ReviewersSection } from './ReviewersSection';
import { RulesSection } from './RulesSection';
import { ProblemList, type SectionProps } from './shared';
import { SitesSection } from './SitesSection';
import { t } from './strings';
import { whileLive } from '../while-live';

export const TABS = [
  ['sites', 'section_sites'],
  ['rules', 'section_rules'],
  ['required', 'section_required'],
  ['reviewers', 'section_reviewers'],
  ['records', 'section_records'],
  ['audit', 'section_audit'],
  ['import-export', 'section_import_export'],
] as const;
export type TabId = (typeof TABS)[number][0];

export function tabFromHash(hash: string): TabId {
  const id = hash.replace(/^#/, '');
  return TABS.find(([tab]) => tab === id)?.[0] ?? 'sites';
}

/** The tab in the address's #hash, following Back and Forward. */
function useTab(): [TabId, (tab: TabId) => void] {
  const [tab, setTab] = useState<TabId>(() => tabFromHash(location.hash));
  useEffect(() => {
    const follow = () => setTab(tabFromHash(location.hash));
    window.addEventListener('hashchange', follow);
    window.addEventListener('popstate', follow);
    return () => {
      window.removeEventListener('hashchange', follow);
      window.removeEventListener('popstate', follow);
    };
  }, []);
  const choose = (next: TabId) => {
    // pushState, not location.hash: a jump to the section's anchor would scroll the tabs away.
    history.pushState(null, '', `#${next}`);
    setTab(next);
  };
  return [tab, choose];
}

/** What the administrator or a stored policy sent that was refused, and that the previous policy still applies. */
export function RejectedBanner({ state }: { state: PolicyState }) {
  const managed = state.problems.filter((p) => p.source === 'managed');
  const local = state.problems.filter((p) => p.source === 'local');
  if (managed.length === 0 && local.length === 0) return null;
  return (
    <div className="banner" role="alert">
      {managed.length > 0 && (
        <>
          <strong>{t('banner_managed_rejected')}</strong>
          <ProblemList problems={managed} />
        </>
      )}
      {local.length > 0 && (
        <>
          <strong>{t('banner_local_rejected')}</strong>
          <ProblemList problems={local} />
        </>
      )}
    </div>
  );
}

function FirstRunBanner({ state, admin, onGo }: { state: PolicyState; admin: AdminSession; onGo: () => void }) {
  if (admin.passwordSet !== false || state.locked.includes('reviewers')) return null;
  return (
    <p className="notice" data-first-run="">
      <a
        href="#reviewers"
        onClick={(e) => {
          e.preventDefault();
          onGo();
        }}
      >
        {t('admin_first_run_banner')}
      </a>
    </p>
  );
}

function Tabs({ tab, onChoose }: { tab: TabId; onChoose: (tab: TabId) => void }) {
  return (
    <nav className="tabs" aria-label={t('tabs_label')}>
      {TABS.map(([id, key]) => (
        <a
          key={id}
          href={`#${id}`}
          data-tab={id}
          aria-current={tab === id ? 'page' : undefined}
          onClick={(e) => {
            e.preventDefault();
            onChoose(id);
          }}
        >
          {t(key)}
        </a>
      ))}
    </nav>
  );
}

/** Every part mounts when first shown and then stays (hidden), so unsaved edits survive a look elsewhere. */
function Panels({ tab, props }: { tab: TabId; props: SectionProps }) {
  const [seen, setSeen] = useState<ReadonlySet<TabId>>(() => new Set([tab]));
  if (!seen.has(tab)) setSeen(new Set([...seen, tab]));
  const panels: Record<TabId, ReactNode> = {
    sites: <SitesSection {...props} />,
    rules: <RulesSection {...props} />,
    required: <RequiredSection {...props} />,
    reviewers: <ReviewersSection {...props} />,
    records: <RecordsSection {...props} />,
    audit: <AuditSection />,
    'import-export': <ImportExportSection {...props} />,
  };
  return (
    <main>
      {TABS.map(([id]) =>
        seen.has(id) ? (
          <div key={id} className="panel" data-panel={id} hidden={tab !== id}>
            {panels[id]}
          </div>
        ) : null,
      )}
    </main>
  );
}

export function OptionsApp({ client }: { client: PolicyClient }) {
  const [state, setState] = useState<PolicyState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, choose] = useTab();
  const admin = useAdminSession(client);

  useEffect(() => {
    let live = true;
    const off = client.onChanged((s) => live && setState(s));
    const stop = whileLive(client.getState(), setState, (e) => setError(String(e)));
    return () => {
      live = false;
      stop();
      off();
    };
  }, [client]);

  if (error) return <p className="error">{t('load_failed', error)}</p>;
  if (!state) return <p>{t('loading')}</p>;
  return (
    <div className="options" data-tab-shown={tab}>
      <header>
        <h1>{t('options_title')}</h1>
        <p className="hint">
          {t(`source_${state.source}`)}
          {state.locked.length > 0 && ` · ${t('locked_keys', keyNames(state.locked, uiLang()))}`}
        </p>
        <Tabs tab={tab} onChoose={choose} />
      </header>
      <RejectedBanner state={state} />
      <FirstRunBanner state={state} admin={admin} onGo={() => choose('reviewers')} />
      <Panels tab={tab} props={{ state, client, onState: setState, admin }} />
    </div>
  );
}
