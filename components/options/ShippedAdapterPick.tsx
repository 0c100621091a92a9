/** 站点 → use a shipped adapter: pick the CMS and the site (lib/policy/adapters/pick.ts does the rest). */
import { useState } from 'react';
import { SHIPPED_ADAPTERS } from '../../lib/policy/adapters';
import { parsePaths, siteOfOrigin, withShippedAdapter } from '../../lib/policy/adapters/pick';
import { isLocked, LockableGroup, SaveResultNote, useSaver, type SectionProps } from './shared';
import { t } from './strings';

export function ShippedAdapterPick(props: SectionProps) {
  const { state } = props;
  const locked = isLocked(state, 'adapters');
  const saver = useSaver(props);
  const sites = state.policy.origins.flatMap((o) => siteOfOrigin(o) ?? []);
  const [cms, setCms] = useState(SHIPPED_ADAPTERS[0]!.cms);
  const [site, setSite] = useState('');
  const template = SHIPPED_ADAPTERS.find((a) => a.cms === cms)!;
  const [paths, setPaths] = useState(template.matchPaths.join('\n'));
  const chosenSite = sites.includes(site) ? site : (sites[0] ?? '');

  function pickCms(next: string) {
    setCms(next);
    setPaths(SHIPPED_ADAPTERS.find((a) => a.cms === next)!.matchPaths.join('\n'));
  }

  return (
    <LockableGroup title={t('sites_shipped')} locked={locked}>
      <p className="hint">{t('sites_shipped_hint')}</p>
      <label>
        {t('sites_shipped_cms')}{' '}
        <select data-shipped="cms" value={cms} onChange={(e) => pickCms(e.target.value)}>
          {SHIPPED_ADAPTERS.map((a) => (
            <option key={a.cms} value={a.cms} translate="no">
              {a.name}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        {t('sites_shipped_origin')}{' '}
        <select data-shipped="site" value={chosenSite} onChange={(e) => setSite(e.target.value)} disabled={sites.length === 0}>
          {sites.map((s) => (
            <option key={s} value={s} translate="no">
              {s}
            </option>
          ))}
        </select>
      </label>
      {sites.length === 0 ? <p className="hint">{t('sites_shipped_no_origin')}</p> : null}
      <p className="hint" translate="no">
        {template.source}
      </p>
      <label>
        {t('sites_shipped_paths')}
        <br />
        <textarea data-shipped="paths" value={paths} onChange={(e) => setPaths(e.target.value)} rows={3} className="code" translate="no" />
      </label>
      <br />
      <button
        type="button"
        data-shipped="use"
        disabled={locked || saver.busy || !chosenSite}
        onClick={() => void saver.save({ adapters: withShippedAdapter(state.policy.adapters, template, chosenSite, parsePaths(paths)) })}
      >
        {t('sites_shipped_use')}
      </button>
      <SaveResultNote saver={saver} />
    </LockableGroup>
  );
}
