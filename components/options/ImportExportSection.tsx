/** 导入/导出: the policy in force as a JSON file, and a policy file (or pasted JSON) applied whole. */
import { useState } from 'react';
import { terms, uiLang } from '../../lib/i18n';
import type { SaveResult } from '../../lib/messaging/protocol';
import { keyNames } from './key-names';
import { localProblem, ProblemList, type SectionProps } from './shared';
import { t } from './strings';

export function exportFileName(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `precheck-policy-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}.json`;
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ImportExportSection({ state, client, onState, admin }: SectionProps) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Pick<SaveResult, 'accepted' | 'problems' | 'ignoredLocked'> | null>(null);

  async function importText(body: string) {
    setBusy(true);
    setResult(null);
    try {
      const r = await client.importJson(body, admin.password ? { adminPassword: admin.password } : undefined);
      setResult(r);
      if (r.accepted) onState(r.state);
    } catch (error) {
      setResult({ accepted: false, problems: [localProblem('', t.both('import_failed', String(error)))] });
    } finally {
      setBusy(false);
    }
  }

  async function importFile(file: File | undefined) {
    if (!file) return;
    const body = await file.text();
    setText(body);
    await importText(body);
  }

  return (
    <section id="import-export">
      <h2>{t('section_import_export')}</h2>
      <div className="group">
        <p className="hint">{t('export_hint')}</p>
        <button type="button" onClick={() => download(exportFileName(), `${JSON.stringify(state.policy, null, 2)}\n`)}>
          {t('export')}
        </button>
      </div>
      <div className="group">
        <p className="hint">{t('import_hint')}</p>
        {/* The browser's own file button speaks the browser's UI language, not the page's: a labelled button of ours instead. */}
        <label className="button file-button">
          {t('import_file')}
          <input type="file" className="visually-hidden" accept=".json,application/json" onChange={(e) => void importFile(e.target.files?.[0])} />
        </label>
        <textarea aria-label={t('import_paste')} placeholder={t('import_paste')} value={text} onChange={(e) => setText(e.target.value)} rows={8} className="code" />
        <button type="button" onClick={() => void importText(text)} disabled={busy || text.trim() === ''}>
          {terms().action.importFile}
        </button>
        {result?.accepted && (
          <p className="saved" role="status">
            {t('import_applied')}
            {result.ignoredLocked && result.ignoredLocked.length > 0 && ` ${t('import_ignored_locked', keyNames(result.ignoredLocked, uiLang()))}`}
          </p>
        )}
        {result && !result.accepted && (
          <>
            <p className="error">{t('import_rejected')}</p>
            <ProblemList problems={result.problems} />
          </>
        )}
      </div>
    </section>
  );
}
