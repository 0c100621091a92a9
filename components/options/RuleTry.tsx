/** 试一试: pasted text scanned live with the rule settings on screen (nothing leaves the page). */
import { useMemo, useState } from 'react';
import type { FullRuleSetting } from '../../lib/policy/rule-ids';
import { scan } from '../../lib/scan/engine';
import { rules } from '../../rules';
import { FindingList } from '../FindingList';
import { uiLang } from '../../lib/i18n';
import { t } from './strings';

export function RuleTry({ settings }: { settings: Readonly<Record<string, FullRuleSetting>> }) {
  const [text, setText] = useState('');
  const findings = useMemo(() => scan(text, { rules, settings, locale: uiLang() }), [text, settings]);
  return (
    <div className="try">
      <h3>{t('rules_try')}</h3>
      <textarea aria-label={t('rules_try_placeholder')} placeholder={t('rules_try_placeholder')} value={text} onChange={(e) => setText(e.target.value)} rows={5} />
      {text !== '' && <FindingList findings={findings} />}
    </div>
  );
}
