import { useMemo, useState } from 'react';
import { scan } from '../lib/scan/engine';
import { rules } from '../rules';
import { FindingList } from './FindingList';

/** Paste text, see what Precheck would report: the same engine and rules as the CMS pages. */
export function TryScan() {
  const [text, setText] = useState('');
  const findings = useMemo(() => scan(text, { rules }), [text]);
  return (
    <section lang="zh-CN" style={{ width: 360, font: '14px/1.5 system-ui, sans-serif', padding: 12 }}>
      <h1 style={{ fontSize: 16, margin: '0 0 8px' }}>发布前预检 · 试一试</h1>
      <textarea
        aria-label="粘贴待检查的文字 / Paste text to check"
        placeholder="粘贴待检查的文字 / Paste text to check"
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={6}
        style={{ width: '100%', boxSizing: 'border-box' }}
      />
      <FindingList findings={findings} />
    </section>
  );
}
