/** The options page: one section per part of the policy, the rejected-input banner on top. */
import { useEffect, useState } from 'react';
import type { PolicyState } from '../../lib/messaging/protocol';
import { AuditSection } from './AuditSection';
import type { PolicyClient } from './client';
import { t } from './i18n';
import { ImportExportSection } from './ImportExportSection';
import { RequiredSection } from './RequiredSection';
import { ReviewersSection } from './ReviewersSection';
import { RulesSection } from './RulesSection';
import { RecordSettings } from './RecordSettings';
import { ProblemList } from './shared';
import { SitesSection } from './SitesSection';

const SECTIONS = [
  ['sites', 'section_sites'],
  ['rules', 'section_rules'],
  ['required', 'section_required'],
  ['reviewers', 'section_reviewers'],
  ['audit', 'section_audit'],
  ['import-export', 'section_import_export'],
] as const;

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

export function OptionsApp({ client }: { client: PolicyClient }) {
  const [state, setState] = useState<PolicyState | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const off = client.onChanged((s) => live && setState(s));
    client.getState().then(
      (s) => live && setState(s),
      (e: unknown) => live && setError(String(e)),
    );
    return () => {
      live = false;
      off();
    };
  }, [client]);

  if (error) return <p className="error">{t('load_failed')} {error}</p>;
  if (!state) return <p>{t('loading')}</p>;
  const props = { state, client, onState: setState };
  return (
    <div className="options">
      <header>
        <h1>{t('options_title')}</h1>
        <p className="hint">
          {t(`source_${state.source}`)}
          {state.locked.length > 0 && ` · ${t('locked_keys', state.locked.join(', '))}`}
        </p>
        <nav>
          {SECTIONS.map(([id, key]) => (
            <a key={id} href={`#${id}`}>
              {t(key)}
            </a>
          ))}
        </nav>
      </header>
      <RejectedBanner state={state} />
      <SitesSection {...props} />
      <RulesSection {...props} />
      <RequiredSection {...props} />
      <ReviewersSection {...props} />
      <AuditSection settings={<RecordSettings {...props} />} />
      <ImportExportSection {...props} />
    </div>
  );
}
