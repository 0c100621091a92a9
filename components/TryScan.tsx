import { useMemo, useState } from 'react';
import { uiLang } from '../lib/i18n';
import { scan } from '../lib/scan/engine';
import { rules } from '../rules';
import { FindingList } from './FindingList';
import { t } from './popup/strings';

/** Paste text, see what Precheck would report: the same engine and rules as the CMS pages. */
export function TryScan() {
  const [text, setText] = useState('');
  const findings = useMemo(() => scan(text, { rules, locale: uiLang() }), [text]);
  return (
    <section style={{ padding: 12 }}>
      <h2 style={{ fontSize: 14, margin: '0 0 8px' }}>{t('popup_try_title')}</h2>
      <textarea
        aria-label={t('popup_try_placeholder')}
        placeholder={t('popup_try_placeholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={6}
        style={{ width: '100%', boxSizing: 'border-box' }}
      />
      {text !== '' && <FindingList findings={findings} />}
    </section>
  );
}
