import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../lib/scan/types';
import { scoreFile, scoreTable, type FileScore, type Labels } from './corpus-score';
import { ROOT, runCli, type CliRun } from './run-cli';

const DIR = 'test/fixtures/corpus-dev';
const labels = JSON.parse(readFileSync(join(ROOT, DIR, 'labels.json'), 'utf8')) as Labels;

interface Report {
  files: { path: string; findings: Finding[] }[];
}

let run: CliRun;
let byFile: Map<string, Finding[]>;
let scores: FileScore[];

describe('development corpus through the CLI', { timeout: 120_000 }, () => {
  // One run of the real CLI over the whole directory: the same path editors and CI take.
  beforeAll(async () => {
    run = await runCli(['scan', '--format', 'json', DIR], 'npm');
    const report = JSON.parse(run.stdout) as Report;
    byFile = new Map(report.files.map((f) => [basename(f.path), f.findings]));
    scores = Object.keys(labels)
      .sort()
      .map((file) => scoreFile(file, byFile.get(file) ?? [], labels[file]!));
  }, 120_000);

  it('exits 1 (the corpus has block findings) and writes nothing to stderr', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
  });

  it('reports every labelled file', () => {
    expect([...byFile.keys()].sort()).toEqual(expect.arrayContaining(Object.keys(labels).sort()));
  });

  it('finds every expected item at the required severity', () => {
    const missed = scores.flatMap((s) => s.missed);
    expect(missed.length, scoreTable(scores)).toBe(0);
  });

  it('draws no warn/block finding on a clean lookalike', () => {
    const hits = scores.flatMap((s) => s.cleanHit);
    expect(hits.length, scoreTable(scores)).toBe(0);
  });

  it('keeps precision of warn/block findings at or above 0.95', () => {
    const loud = scores.reduce((n, s) => n + s.loud, 0);
    const wrong = scores.reduce((n, s) => n + s.falseAlarms.length, 0);
    const precision = loud === 0 ? 1 : (loud - wrong) / loud;
    expect(precision, `precision ${precision.toFixed(3)} (${wrong} false of ${loud})\n${scoreTable(scores)}`).toBeGreaterThanOrEqual(0.95);
  });

  it('never prints a raw identifier from the corpus', () => {
    const personal = Object.values(labels).flatMap((l) => l.expect.filter((i) => i.kind !== 'classification' && i.kind !== 'internal-marker'));
    const leaked = personal.filter((i) => i.text.length >= 6 && run.stdout.includes(i.text)).map((i) => i.text);
    expect(leaked).toEqual([]);
  });
});
