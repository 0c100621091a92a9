/**
 * One table of words, one language per screen: the zh and en tables have the same keys, Chinese
 * entries are Chinese and English ones hold no Chinese, the checklist's codes all have words, and the
 * screens keep their text in the tables rather than in their code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_STRINGS } from '../../components/audit/strings';
import { OPTIONS_STRINGS } from '../../components/options/strings';
import { POPUP_STRINGS } from '../../components/popup/strings';
import { CHECKLIST_STRINGS } from '../../components/checklist/strings';
import { STATUS_STRINGS } from '../../lib/i18n/status';
import { TEACH_STRINGS } from '../../lib/content/teach/strings';
import { CHECKLIST_PROBLEM_STRINGS } from '../../lib/signoff/checklist-strings';
import { AUDIT_EVENTS } from '../../lib/audit/types';
import { REASON_CODES, TERMS, type Messages } from '../../lib/i18n';
import { KIND_LABELS } from '../../lib/scan/kind-labels';

const ROOT = join(import.meta.dirname, '../..');
const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;

/** Every leaf of a nested table as [path, value]. */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [[path, value]];
}

/** A sentence with sample values filled in (numbers and short Latin strings, so the values add no Chinese). */
function sample(message: unknown): string {
  if (typeof message === 'string') return message;
  const fn = message as (...args: unknown[]) => string;
  return fn(...Array.from({ length: fn.length }, (_, i) => (i === 0 ? 3 : 'x')));
}

describe('the terms table', () => {
  it('has the same keys in Chinese and English', () => {
    expect(leaves(TERMS.en).map(([p]) => p)).toEqual(leaves(TERMS.zh).map(([p]) => p));
  });

  it('is Chinese in Chinese and holds no Chinese in English', () => {
    for (const [path, value] of leaves(TERMS.zh)) if (path !== 'colon') expect(value, path).toMatch(CJK);
    for (const [path, value] of leaves(TERMS.en)) {
      expect(typeof value === 'string' && value.trim() !== '', path).toBe(true);
      expect(value, path).not.toMatch(CJK);
    }
  });

  it('names every kind of finding and every audit event', () => {
    for (const kind of Object.keys(KIND_LABELS)) expect(TERMS.zh.kind[kind as keyof typeof TERMS.zh.kind], kind).toBeTruthy();
    for (const event of AUDIT_EVENTS) expect(TERMS.en.event[event], event).toBeTruthy();
  });

  it('says the same thing once: no two severities, events or roles share a name', () => {
    for (const lang of ['zh', 'en'] as const) {
      for (const group of ['severity', 'event', 'role', 'signoff'] as const) {
        const names = Object.values(TERMS[lang][group]);
        expect(new Set(names).size, `${lang} ${group}`).toBe(names.length);
      }
    }
  });

  it('has words for every reason the checklist gives', () => {
    const source = readFileSync(join(ROOT, 'lib/signoff/checklist.ts'), 'utf8');
    const written = [...source.matchAll(/code: '([a-z-]+)'|problem\('([a-z-]+)'/g)].map((m) => m[1] ?? m[2]);
    expect(written.length).toBeGreaterThan(10);
    for (const code of written) expect(REASON_CODES, code).toContain(code);
  });
});

describe.each([
  ['options', OPTIONS_STRINGS],
  ['popup', POPUP_STRINGS],
  ['audit', AUDIT_STRINGS],
  ['checklist', CHECKLIST_STRINGS],
  ['checklist problem', CHECKLIST_PROBLEM_STRINGS],
  ['status', STATUS_STRINGS],
  ['teach mode', TEACH_STRINGS],
] as [string, { zh: Messages; en: Messages }][])('the %s sentences', (_name, tables) => {
  it('have the same keys, and the same values to fill in, in both languages', () => {
    expect(Object.keys(tables.en)).toEqual(Object.keys(tables.zh));
    for (const key of Object.keys(tables.zh)) {
      const zh = tables.zh[key];
      const en = tables.en[key];
      expect(typeof en, key).toBe(typeof zh);
      if (typeof zh === 'function' && typeof en === 'function') expect(en.length, key).toBe(zh.length);
    }
  });

  it('are Chinese in Chinese and hold no Chinese in English', () => {
    for (const [key, message] of Object.entries(tables.zh)) expect(sample(message), key).toMatch(CJK);
    for (const [key, message] of Object.entries(tables.en)) expect(sample(message), key).not.toMatch(CJK);
  });
});

describe('screens keep their words in the tables', () => {
  const DIRS = ['components/options', 'components/popup', 'components/audit', 'entrypoints/options', 'entrypoints/popup', 'entrypoints/review-form', 'components/checklist', 'lib/content/teach'];
  /** The tables themselves, and the policy key names (a table of their own). */
  const TABLES = new Set(['strings.ts', 'form-strings.ts', 'key-names.ts']);

  const withoutComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

  it('has no Chinese text written into a component', () => {
    const files = [...DIRS.flatMap((d) => readdirSync(join(ROOT, d)).map((f) => join(d, f))), 'components/FindingList.tsx', 'components/TryScan.tsx', 'components/Panel.tsx', 'lib/content/teach.ts'].filter(
      (f) => /\.tsx?$/.test(f) && !TABLES.has(f.split('/').pop()!),
    );
    expect(files.length).toBeGreaterThan(25);
    for (const file of files) {
      const code = withoutComments(readFileSync(join(ROOT, file), 'utf8'));
      expect(code.match(new RegExp(`.{0,20}${CJK.source}.{0,20}`))?.[0], file).toBeUndefined();
    }
  });

  it('keeps only the manifest strings in _locales (the browser picks those by itself)', () => {
    for (const locale of ['zh_CN', 'en']) {
      const messages = JSON.parse(readFileSync(join(ROOT, 'public/_locales', locale, 'messages.json'), 'utf8')) as Record<string, unknown>;
      expect(Object.keys(messages).sort()).toEqual(['extDescription', 'extName']);
    }
  });
});
