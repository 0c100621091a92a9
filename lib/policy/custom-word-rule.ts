import type { Localized, PatternRule, Severity } from '../scan/types';
import type { CustomWord } from './schema';

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The unit's own sensitive words as one rule. Built from the policy at run time, so it lives here and
 * not in rules/ (which holds the fixed rule pack); longest words first so 内部资料汇编 beats 内部资料.
 */
export function customWordRule(words: readonly CustomWord[]): PatternRule | null {
  if (words.length === 0) return null;
  const byWord = new Map(words.map((w) => [w.word.normalize('NFKC'), w]));
  const sorted = [...byWord.keys()].sort((a, b) => b.length - a.length);
  const message = (word: CustomWord): Localized => ({
    zh: `本单位规定的敏感词${word.note ? `（${word.note}）` : ''}，发布前请删除或核实`,
    en: `A sensitive word listed by your unit${word.note ? ` (${word.note})` : ''}: remove or check it before publishing`,
  });
  return {
    id: 'custom-word',
    kind: 'custom-word',
    defaultSeverity: 'warn' satisfies Severity,
    personal: false,
    title: { zh: '本单位敏感词', en: 'Unit-defined sensitive words' },
    description: { zh: '策略中列出的敏感词，按各自的级别报告。', en: 'Words listed in the policy, reported at their own severity.' },
    examples: { flagged: [], quiet: [] },
    pattern: new RegExp(sorted.map(escape).join('|'), 'g'),
    check(m) {
      const word = byWord.get(m[0])!;
      return { start: m.index, end: m.index + m[0].length, severity: word.severity, message: message(word) };
    },
  };
}
