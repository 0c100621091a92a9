import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules';
import { scan } from '../../lib/scan/engine';
import type { Rule } from '../../lib/scan/types';

const root = join(import.meta.dirname, '..', '..');
const ruleFiles = readdirSync(join(root, 'rules'))
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => basename(f, '.ts'));
const readme = readFileSync(join(root, 'README.md'), 'utf8');

// Every rule is a unit that must be registered, documented and tested; this keeps all of them honest
// as the pack grows, the way refined-github checks its features.
describe.each(ruleFiles)('rule file rules/%s.ts', (name) => {
  const load = async (): Promise<Rule> => ((await import(`../../rules/${name}.ts`)) as { default: Rule }).default;

  it('is registered under its file name', async () => {
    const rule = await load();
    expect(rule.id).toBe(name);
    expect(rules).toContain(rule);
  });

  it('is documented in Chinese and English, and in the README', async () => {
    const rule = await load();
    for (const text of [rule.title.zh, rule.title.en, rule.description.zh, rule.description.en]) {
      expect(text.trim().length).toBeGreaterThan(3);
    }
    expect(rule.description.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(readme).toContain(`\`${name}\``);
  });

  it('has a table test that uses it', () => {
    const testFile = join(root, 'test', 'rules', `${name}.test.ts`);
    expect(existsSync(testFile), `${testFile} is missing`).toBe(true);
    const source = readFileSync(testFile, 'utf8');
    expect(source).toContain(`rules/${name}'`);
    expect(source).toContain('runRuleTable');
  });

  it('behaves as its own examples say', async () => {
    const rule = await load();
    expect(rule.examples.flagged.length).toBeGreaterThan(0);
    expect(rule.examples.quiet.length).toBeGreaterThan(0);
    for (const text of rule.examples.flagged) {
      const loud = scan(text, { rules: [rule] }).filter((f) => f.severity !== 'info');
      expect(loud.map((f) => f.kind), `example ${text}`).toContain(rule.kind);
    }
    for (const text of rule.examples.quiet) {
      const loud = scan(text, { rules: [rule] }).filter((f) => f.severity !== 'info');
      expect(loud, `example ${text}`).toEqual([]);
    }
  });
});

it('has no two rules with the same id', () => {
  expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
});
