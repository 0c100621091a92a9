/** 导入/导出: the policy in force as a JSON file, and a policy file (or pasted JSON) applied whole. */
import { useState } from 'react';
import type { SaveResult } from '../../lib/messaging/protocol';
import { t } from './i18n';
import { localProblem, ProblemList, type SectionProps } from './shared';

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

export function ImportExportSection({ state, client, onState }: SectionProps) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Pick<SaveResult, 'accepted' | 'problems' | 'ignoredLocked'> | null>(null);

  async function importText(body: string) {
    setBusy(true);
    setResult(null);
    try {
      const r = await client.importJson(body);
      setResult(r);
      if (r.accepted) onState(r.state);
    } catch (error) {
      setResult({ accepted: false, problems: [localProblem('', { zh: `导入失败：${String(error)}`, en: `import failed: ${String(error)}` })] });
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
        <label>
          {t('import_file')} <input type="file" accept=".json,application/json" onChange={(e) => void importFile(e.target.files?.[0])} />
        </label>
        <textarea aria-label={t('import_paste')} placeholder={t('import_paste')} value={text} onChange={(e) => setText(e.target.value)} rows={8} className="code" />
        <button type="button" onClick={() => void importText(text)} disabled={busy || text.trim() === ''}>
          {t('import')}
        </button>
        {result?.accepted && (
          <p className="saved" role="status">
            {t('import_applied')}
            {result.ignoredLocked && result.ignoredLocked.length > 0 && ` ${t('import_ignored_locked', result.ignoredLocked.join(', '))}`}
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
