/** Every UI string exists in both locales, with the same placeholders; no key shows through. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REQUIRED_FIELD_NAMES } from '../../lib/policy/schema';
import { LOCALES } from './helpers';

const ROOT = join(import.meta.dirname, '../..');
const DIRS = ['components/options', 'components/popup', 'entrypoints/options', 'entrypoints/popup'];

function sources(): string {
  return DIRS.flatMap((d) =>
    readdirSync(join(ROOT, d))
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => readFileSync(join(ROOT, d, f), 'utf8')),
  ).join('\n');
}

/** Keys written literally, plus the families built from a value. */
function usedKeys(): string[] {
  const text = sources();
  const literal = [...text.matchAll(/\bt\(\s*'([a-z_A-Z0-9]+)'/g)].map((m) => m[1] ?? '');
  const inTernary = [...text.matchAll(/t\([^)]*\?\s*'([a-z_0-9]+)'\s*:\s*'([a-z_0-9]+)'\)/g)].flatMap((m) => [m[1] ?? '', m[2] ?? '']);
  const listed = [...text.matchAll(/\['[a-z-]+',\s*'(section_[a-z_]+)'\]/g)].map((m) => m[1] ?? '');
  const families = [
    ...['block', 'warn', 'info'].map((s) => `severity_${s}`),
    ...REQUIRED_FIELD_NAMES.map((f) => `field_${f}`),
    ...['reviewer', 'principal'].map((r) => `role_${r}`),
    ...['default', 'local', 'managed'].map((s) => `source_${s}`),
  ];
  return [...new Set([...literal, ...inTernary, ...listed, ...families])].sort();
}

describe('locales', () => {
  it('zh_CN and en have the same keys and placeholders', () => {
    const zh = LOCALES.zh_CN;
    const en = LOCALES.en;
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh)) {
      expect(Object.keys(en[key]?.placeholders ?? {}), key).toEqual(Object.keys(zh[key]?.placeholders ?? {}));
      for (const name of Object.keys(zh[key]?.placeholders ?? {})) {
        expect(zh[key]?.message, key).toContain(`$${name.toUpperCase()}$`);
        expect(en[key]?.message, key).toContain(`$${name.toUpperCase()}$`);
      }
    }
  });

  it('has every key the options page and popup use, in both languages', () => {
    const keys = usedKeys();
    expect(keys.length).toBeGreaterThan(60);
    for (const key of keys) {
      expect(LOCALES.zh_CN[key]?.message, `zh_CN ${key}`).toBeTruthy();
      expect(LOCALES.en[key]?.message, `en ${key}`).toBeTruthy();
    }
  });

  it('uses message names the browser accepts', () => {
    for (const key of Object.keys(LOCALES.zh_CN)) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
  });

  it('keeps the manifest strings', () => {
    expect(LOCALES.zh_CN.extName?.message).toContain('发布前预检');
    expect(LOCALES.en.extDescription?.message).toBeTruthy();
  });
});
