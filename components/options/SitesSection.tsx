/** 站点: the CMS origins Precheck runs on (each needs host access) and the site adapters. */
import { useEffect, useState } from 'react';
import { accessPattern, grantWidened } from '../../lib/policy/host-access';
import { parseMatchPattern } from '../../lib/policy/match-pattern';
import { terms } from '../../lib/i18n';
import { localProblem, isLocked, LockableGroup, SaveBar, SaveResultNote, useDraft, useSaver, type SectionProps } from './shared';
import { ShippedAdapterPick } from './ShippedAdapterPick';
import { t } from './strings';
import { whileLive } from '../while-live';

/** 'https://cms.example.gov.cn' or '…/': the whole site is meant. */
export function toOriginPattern(text: string): string {
  const trimmed = text.trim();
  return /^[a-z*]+:\/\/[^/]+\/?$/i.test(trimmed) ? `${trimmed.replace(/\/$/, '')}/*` : trimmed;
}

/** Host access is asked for and checked as this browser can grant it (Firefox: port-less). */
function useGranted(client: SectionProps['client'], origins: readonly string[]): [Record<string, boolean>, () => void] {
  const [granted, setGranted] = useState<Record<string, boolean>>({});
  const [tick, setTick] = useState(0);
  const key = origins.join('\n');
  useEffect(() => {
    const entries = Promise.all(key.split('\n').filter(Boolean).map(async (o) => [o, await client.hasOrigin(accessPattern(o, client.browser))] as const));
    return whileLive(entries, (e) => setGranted(Object.fromEntries(e)));
  }, [client, key, tick]);
  return [granted, () => setTick((n) => n + 1)];
}

function Origins(props: SectionProps) {
  const { state, client } = props;
  const locked = isLocked(state, 'origins');
  const saver = useSaver(props);
  const [text, setText] = useState('');
  const [granted, recheck] = useGranted(client, state.policy.origins);
  const origins = state.policy.origins;

  function add() {
    const pattern = toOriginPattern(text);
    const parsed = parseMatchPattern(pattern, true);
    if (!parsed.ok) return saver.fail([localProblem('origins', parsed.problem)]);
    if (origins.includes(pattern)) return saver.fail([localProblem('origins', t.both('origin_exists'))]);
    // Asked before anything else happens in the click: the browser needs the user gesture.
    void client.requestOrigins([accessPattern(pattern, client.browser)]).then(
      async (ok) => {
        recheck();
        if (!ok) return saver.fail([localProblem('origins', t.both('origin_not_granted'))]);
        const result = await saver.save({ origins: [...origins, pattern] });
        if (result?.accepted) setText('');
      },
      (error: unknown) => saver.fail([localProblem('origins', t.both('origin_request_failed', String(error)))]),
    );
  }

  function grant(origin: string) {
    void client.requestOrigins([accessPattern(origin, client.browser)]).then(recheck, recheck);
  }

  return (
    // Disabled field by field: granting access to a locked origin is still the user's to do.
    <LockableGroup title={t('sites_origins')} locked={locked} disableAll={false}>
      <p className="hint">{t('sites_origins_hint')}</p>
      <ul className="rows">
        {origins.map((o) => (
          <li key={o} data-origin={o}>
            <code translate="no">{o}</code>{' '}
            {granted[o] === false ? (
              <button type="button" className="grant" onClick={() => grant(o)}>
                {terms().action.grant}
              </button>
            ) : granted[o] ? (
              <span className="ok">{t('sites_granted')}</span>
            ) : null}{' '}
            <button type="button" disabled={locked} onClick={() => void saver.save({ origins: origins.filter((x) => x !== o) })}>
              {terms().action.remove}
            </button>
            {grantWidened(o, client.browser) ? (
              <p className="hint" data-port-note>
                {t('sites_port_note', accessPattern(o, client.browser), o)}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      <label>
        {t('sites_add_label')}{' '}
        <input disabled={locked} value={text} onChange={(e) => setText(e.target.value)} placeholder="https://cms.example.gov.cn/*" translate="no" size={40} />
      </label>{' '}
      <button type="button" onClick={add} disabled={locked || saver.busy || text.trim() === ''}>
        {t('sites_add')}
      </button>
      <SaveResultNote saver={saver} />
    </LockableGroup>
  );
}

function Adapters(props: SectionProps) {
  const { state } = props;
  const locked = isLocked(state, 'adapters');
  const listSaver = useSaver(props);
  const jsonSaver = useSaver(props);
  const adapters = state.policy.adapters;
  const [json, setJson] = useDraft(JSON.stringify(adapters, null, 2));

  function saveJson() {
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      return jsonSaver.fail([localProblem('adapters', t.both('adapters_bad_json'))]);
    }
    void jsonSaver.save({ adapters: value as typeof adapters });
  }

  return (
    <LockableGroup title={t('sites_adapters')} locked={locked}>
      {adapters.length === 0 ? (
        <p className="hint">{t('sites_no_adapters')}</p>
      ) : (
        <ul className="rows">
          {adapters.map((a) => (
            <li key={a.id}>
              <span translate="no">
                <strong>{a.name}</strong> <code>{a.id}</code>
              </span>{' '}
              — {t('sites_editor')} <code translate="no">{a.editor.kind}</code> — <code translate="no">{a.match.join(', ')}</code>{' '}
              <button type="button" onClick={() => void listSaver.save({ adapters: adapters.filter((x) => x.id !== a.id) })}>
                {terms().action.remove}
              </button>
            </li>
          ))}
        </ul>
      )}
      <SaveResultNote saver={listSaver} />
      <details>
        <summary>{t('sites_adapters_json')}</summary>
        <textarea aria-label={t('sites_adapters_json')} value={json} onChange={(e) => setJson(e.target.value)} rows={12} className="code" />
        <SaveBar saver={jsonSaver} onSave={saveJson} />
      </details>
    </LockableGroup>
  );
}

export function SitesSection(props: SectionProps) {
  return (
    <section id="sites">
      <h2>{t('section_sites')}</h2>
      <Origins {...props} />
      <ShippedAdapterPick {...props} />
      <Adapters {...props} />
    </section>
  );
}
