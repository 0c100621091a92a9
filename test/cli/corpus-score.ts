import type { Finding, Kind } from '../../lib/scan/types';

export interface LabelItem {
  kind: Kind;
  text: string;
  start: number;
  end: number;
  severity?: 'block' | 'detect';
}

export type Labels = Record<string, { expect: LabelItem[]; clean: LabelItem[] }>;

export interface FileScore {
  file: string;
  expected: number;
  /** Expected items not found at the required severity. */
  missed: { item: LabelItem; got: Finding[] }[];
  /** Clean lookalikes that drew a warn or block finding. */
  cleanHit: { item: LabelItem; by: Finding[] }[];
  /** Warn/block findings that overlap no expected item of their kind. */
  falseAlarms: Finding[];
  loud: number;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const loud = (f: Finding) => f.severity === 'warn' || f.severity === 'block';

/** Scores one file's findings against its labels, by the rules in test/fixtures/corpus-dev/README.md. */
export function scoreFile(file: string, findings: readonly Finding[], labels: Labels[string]): FileScore {
  const missed = labels.expect
    .filter((item) => {
      const ok = (f: Finding) => (item.severity === 'block' ? f.severity === 'block' : loud(f));
      return !findings.some((f) => f.kind === item.kind && overlaps(f, item) && ok(f));
    })
    .map((item) => ({ item, got: findings.filter((f) => overlaps(f, item)) }));
  const cleanHit = labels.clean
    .map((item) => ({ item, by: findings.filter((f) => loud(f) && overlaps(f, item)) }))
    .filter((c) => c.by.length > 0);
  const loudFindings = findings.filter(loud);
  const falseAlarms = loudFindings.filter((f) => !labels.expect.some((item) => item.kind === f.kind && overlaps(f, item)));
  return { file, expected: labels.expect.length, missed, cleanHit, falseAlarms, loud: loudFindings.length };
}

const brief = (f: Finding) => `${f.kind}/${f.severity}@${f.start}-${f.end} ${f.ruleId} "${f.excerpt}"`;

/** A table a failing run prints, so the item at fault can be read off without a debugger. */
export function scoreTable(scores: readonly FileScore[]): string {
  const rows = ['file                           expect  missed  clean-hit  loud  false-alarm'];
  const details: string[] = [];
  for (const s of scores) {
    rows.push(
      `${s.file.padEnd(30)} ${String(s.expected).padStart(6)}  ${String(s.missed.length).padStart(6)}  ${String(s.cleanHit.length).padStart(9)}  ${String(s.loud).padStart(4)}  ${String(s.falseAlarms.length).padStart(11)}`,
    );
    for (const m of s.missed)
      details.push(`  MISSED ${s.file} ${m.item.kind}(${m.item.severity}) ${m.item.start}-${m.item.end} "${m.item.text}"; overlapping: ${m.got.map(brief).join(', ') || 'none'}`);
    for (const c of s.cleanHit)
      details.push(`  CLEAN-HIT ${s.file} ${c.item.kind} ${c.item.start}-${c.item.end} "${c.item.text}" by ${c.by.map(brief).join(', ')}`);
    for (const f of s.falseAlarms) details.push(`  FALSE-ALARM ${s.file} ${brief(f)}`);
  }
  return [...rows, ...details].join('\n');
}
