/** The deployment samples IT copies: valid, identical in all three forms, and the demo PINs work. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../lib/policy/defaults';
import { mergeManaged } from '../../lib/policy/managed';
import { MANAGED_SCHEMA } from '../../lib/policy/managed-schema';
import { verifyPin } from '../../lib/policy/pin';
import { POLICY_KEYS, type Reviewer } from '../../lib/policy/schema';
import { parsePolicy } from '../../lib/policy/validate';
import { valueProblems } from './chrome-schema';
import { parseRegFile } from './reg-file';
import { EXTENSION_ID } from '../../wxt.config';

const CHROME_ID = EXTENSION_ID;
const FIREFOX_ID = 'precheck@pingluo.gov.example';

const read = (name: string) => readFileSync(new URL(`../../lib/policy/samples/${name}`, import.meta.url), 'utf8');

type Payload = Record<string, unknown>;
const chromeFile = JSON.parse(read('chrome-managed-policy.json')) as { '3rdparty': { extensions: Record<string, Payload> } };
const firefoxFile = JSON.parse(read('firefox-policies.json')) as { policies: { '3rdparty': { Extensions: Record<string, Payload> } } };
const chrome = chromeFile['3rdparty'].extensions[CHROME_ID] ?? {};
const firefox = firefoxFile.policies['3rdparty'].Extensions[FIREFOX_ID];
const regText = read('windows-registry.reg');

/** A registry section back to the payload: strings hold JSON where the schema has an object or list. */
function fromRegistry(section: Record<string, string | number>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(section).map(([k, v]) => {
      const type = MANAGED_SCHEMA.properties?.[k]?.type;
      return [k, typeof v === 'string' && (type === 'object' || type === 'array') ? JSON.parse(v) : v];
    }),
  );
}

describe('sample managed policies', () => {
  it('the Chrome payload is accepted whole and locks every key it sets', () => {
    const merged = mergeManaged(DEFAULT_POLICY, chrome);
    expect(merged.problems).toEqual([]);
    expect(merged.locked).toEqual(POLICY_KEYS);
    expect(parsePolicy({ version: 2, ...chrome })).toMatchObject({ ok: true });
  });

  it('fits the managed_schema, so Chrome publishes every value', () => {
    expect(valueProblems(chrome, MANAGED_SCHEMA)).toEqual([]);
  });

  it('Firefox policies.json carries the same payload', () => {
    expect(firefox).toEqual(chrome);
  });

  it('the .reg file carries the same payload for Chrome and for Edge, in plain ASCII with CRLF', () => {
    expect(regText).toMatch(/^[\x20-\x7e\r\n]*$/);
    expect(regText.replace(/\r\n/g, '')).not.toContain('\n');
    const sections = parseRegFile(regText);
    expect([...sections.keys()]).toEqual([
      `HKEY_LOCAL_MACHINE\\Software\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${CHROME_ID}\\policy`,
      `HKEY_LOCAL_MACHINE\\Software\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\${CHROME_ID}\\policy`,
    ]);
    for (const section of sections.values()) expect(fromRegistry(section)).toEqual(chrome);
  });

  it('has two reviewers and a principal whose demo PIN is 246810', async () => {
    const reviewers = chrome.reviewers as Reviewer[];
    expect(reviewers.map((r) => r.role).sort()).toEqual(['principal', 'reviewer', 'reviewer']);
    for (const r of reviewers) {
      expect(r.pin.iterations).toBeGreaterThanOrEqual(210_000);
      expect(await verifyPin('246810', r.pin)).toBe(true);
      expect(await verifyPin('246811', r.pin)).toBe(false);
    }
    expect(JSON.stringify(chrome.meta)).toContain('246810');
  });

  it('allow-lists the office numbers and names a county CMS adapter', () => {
    const result = parsePolicy({ version: 2, ...chrome });
    if (!result.ok) throw new Error('sample invalid');
    expect(result.policy.allowList.phones.length).toBeGreaterThan(0);
    expect(result.policy.adapters[0]?.publishRequests.length).toBeGreaterThan(0);
    expect(result.policy.origins.every((o) => !o.startsWith('http://127.') && !o.includes('localhost'))).toBe(true);
  });
});
