/** Every string the audit pages use exists in both locales; event and kind names match the CSV export's. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DETAIL_KEYS } from '../../components/audit/format';
import { EVENT_LABELS } from '../../lib/audit/export';
import { AUDIT_EVENTS } from '../../lib/audit/types';
import { LOCALES } from '../options/helpers';

const ROOT = join(import.meta.dirname, '../..');
const FILES = [
  ...['components/audit', 'entrypoints/review-form'].flatMap((d) =>
    readdirSync(join(ROOT, d))
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => join(d, f)),
  ),
  'components/options/AuditSection.tsx',
];

const KINDS = ['cn-id', 'phone', 'bank-card', 'classification', 'internal-marker', 'passport', 'hk-macau-pass', 'email', 'uscc-individual', 'word-artifact', 'custom-word'];
const key = (prefix: string, name: string) => `${prefix}_${name.replace(/-/g, '_')}`;

function usedKeys(): string[] {
  const text = FILES.map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');
  const literal = [...text.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)].map((m) => m[1] ?? '');
  // Column headers are listed as ['id', 'key'] pairs.
  const listed = [...text.matchAll(/\['[a-z-]+',\s*'(audit_[a-z_]+)'\]/g)].map((m) => m[1] ?? '');
  const families = [...AUDIT_EVENTS.map((e) => key('event', e)), ...KINDS.map((k) => key('kind', k)), ...DETAIL_KEYS.map((d) => `detail_${d}`)];
  return [...new Set([...literal, ...listed, ...families])].sort();
}

describe('audit page strings', () => {
  it('has every key in both languages', () => {
    const keys = usedKeys();
    expect(keys.length).toBeGreaterThan(100);
    for (const k of keys) {
      expect(LOCALES.zh_CN[k]?.message, `zh_CN ${k}`).toBeTruthy();
      expect(LOCALES.en[k]?.message, `en ${k}`).toBeTruthy();
    }
  });

  it('names events as the CSV export does', () => {
    for (const e of AUDIT_EVENTS) expect(LOCALES.zh_CN[key('event', e)]?.message, e).toBe(EVENT_LABELS[e]);
  });

  it('keeps the form title Chinese in English too (it is the name of the archived form)', () => {
    expect(LOCALES.en.form_title?.message).toContain('政务公开信息网上发布审核登记表');
  });
});
