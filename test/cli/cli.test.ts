import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../lib/scan/types';
import { readInput } from '../../lib/cli/read-input';
import { ROOT, runCli, type CliRun } from './run-cli';

const FIX = 'test/fixtures/cli';
const ID = '11010519491231002X';

interface Report {
  files: { path: string; findings: Finding[] }[];
}

// Every run's output is kept so the privacy check covers all of them, whatever else they test.
const runs: CliRun[] = [];
async function cli(...args: string[]): Promise<CliRun> {
  const r = await runCli(args);
  runs.push(r);
  return r;
}

const report = (r: CliRun): Report => JSON.parse(r.stdout) as Report;

// Concurrent: each case is a separate process, and a 2-core machine can start two at once.
describe.concurrent('precheck scan (CLI)', { timeout: 60_000 }, () => {
  it('exits 0 on a clean draft', async () => {
    const r = await cli('scan', `${FIX}/clean.txt`);
    expect(r.status, r.stderr).toBe(0);
    const { files } = report(r);
    expect(files.map((f) => f.path)).toEqual([`${FIX}/clean.txt`]);
    expect(files[0]!.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('exits 1 on a draft with a valid resident ID', async () => {
    const r = await cli('scan', '--format', 'json', `${FIX}/id.txt`);
    expect(r.status, r.stderr).toBe(1);
    const [file] = report(r).files;
    const text = readFileSync(join(ROOT, FIX, 'id.txt'), 'utf8');
    const at = text.indexOf(ID);
    const hit = file!.findings.find((f) => f.kind === 'cn-id' && f.start < at + ID.length && at < f.end);
    expect(hit?.severity).toBe('block');
  });

  it('a reader that stops early (| head) ends the run quietly with its status, no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'precheck-pipe-'));
    try {
      // Far more report than a pipe holds, so the CLI is still writing when the reader goes away.
      writeFileSync(join(dir, 'big.txt'), `身份证号：${ID}\n`.repeat(20_000));
      const child = spawn(process.execPath, ['bin/precheck.cjs', 'scan', join(dir, 'big.txt')], { cwd: ROOT });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.stdout.once('data', () => child.stdout.destroy());
      const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(stderr).toBe('');
      expect(status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 on a missing file, says why on stderr, and still reports the other file', async () => {
    const r = await cli('scan', `${FIX}/does-not-exist.txt`, `${FIX}/id.txt`);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('无法读取文件');
    expect(r.stderr).toContain('cannot read');
    expect(r.stderr).toContain('does-not-exist.txt');
    const { files } = report(r);
    expect(files.map((f) => f.path)).toEqual([`${FIX}/id.txt`]);
    expect(files[0]!.findings.some((f) => f.kind === 'cn-id' && f.severity === 'block')).toBe(true);
  });

  it('exits 2 with usage on stderr for an unknown option, a bad format or no path', async () => {
    const cases = [['scan', '--colour', `${FIX}/id.txt`], ['scan', '--format', 'xml', `${FIX}/id.txt`], ['scan'], []];
    const results = await Promise.all(cases.map((args) => cli(...args)));
    results.forEach((r, i) => {
      expect(r.status, cases[i]!.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/用法/);
      expect(r.stderr).toMatch(/Usage/);
    });
  });

  it('prints help in both languages and exits 0', async () => {
    const r = await cli('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/用法/);
    expect(r.stdout).toMatch(/Usage/);
  });

  it('text format keeps each finding on one line when its value was split by a line break', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'precheck-wrap-'));
    try {
      // an ID wrapped as a PDF table cell wraps it: the finding spans the break, its excerpt holds it
      writeFileSync(join(dir, 'wrapped.txt'), `姓名\t身份证号\n张三\t${ID.slice(0, 12)}\n\t${ID.slice(12)}\n`);
      const r = await cli('scan', '--format', 'text', join(dir, 'wrapped.txt'));
      expect(r.status, r.stderr).toBe(1);
      const lines = r.stdout.trimEnd().split('\n');
      expect(lines.filter((l) => l.includes('cn-id'))).toHaveLength(1);
      for (const l of lines.slice(0, -1)) expect(l).toMatch(new RegExp(`^${join(dir, 'wrapped.txt')}:\\d+:\\d+  `));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('JSON into a pipe is one compact line; at a terminal it is indented, the same report', async () => {
    const piped = await cli('scan', `${FIX}/id.txt`);
    expect(piped.stdout.trimEnd().split('\n')).toHaveLength(1);
    // script(1) gives the CLI a pseudo-terminal as its stdout, as a person's shell does.
    const tty = await new Promise<string>((resolve, reject) => {
      const child = spawn('script', ['-qec', `${JSON.stringify(process.execPath)} bin/precheck.cjs scan ${FIX}/id.txt`, '/dev/null'], { cwd: ROOT });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
      child.on('error', reject);
      child.on('close', () => resolve(out.replace(/\r\n/g, '\n')));
    });
    expect(tty.split('\n').length).toBeGreaterThan(5);
    expect(tty).toContain('\n  "files": [');
    expect(JSON.parse(tty)).toEqual(report(piped));
  });

  it('a run that fails on its way (the report cannot be written) exits 2, not 0 or 1, and says why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'precheck-crash-'));
    try {
      // Loaded before the CLI: a stdout that refuses every write, as a full disk does.
      writeFileSync(join(dir, 'refuse.cjs'), "process.stdout.write = () => { throw new Error('no space left on the device'); };\n");
      const r = await new Promise<CliRun>((resolve, reject) => {
        const child = spawn(process.execPath, ['-r', join(dir, 'refuse.cjs'), 'bin/precheck.cjs', 'scan', `${FIX}/id.txt`], { cwd: ROOT });
        let stderr = '';
        child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
        child.on('error', reject);
        child.on('close', (status) => resolve({ status, stdout: '', stderr }));
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('no space left on the device');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('text format writes the runs of whitespace in an excerpt as one space', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'precheck-space-'));
    try {
      writeFileSync(join(dir, 'marker.txt'), '关于做好防汛工作的通知\n内部资料  注意保存\n');
      const r = await cli('scan', '--format', 'text', join(dir, 'marker.txt'));
      const line = r.stdout.split('\n').find((l) => l.includes('internal-marker'));
      expect(line).toContain('  内部资料 注意保存  ');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('text format gives file:line:col (1-based) of a finding on line 3', async () => {
    const r = await cli('scan', '--format', 'text', `${FIX}/line3.txt`);
    expect(r.status, r.stderr).toBe(1);
    const line = r.stdout.split('\n').find((l) => l.includes('cn-id'));
    // "身份证号：" is 5 UTF-16 units, so the ID starts in column 6.
    expect(line).toMatch(new RegExp(`^${FIX}/line3\\.txt:3:6  阻止`));
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/1 files: 1 block/);
  });

  it('HTML: finds the ID in the article, with offsets into the extracted main text', async () => {
    const path = `${FIX}/article.html`;
    const r = await cli('scan', path);
    expect(r.status, r.stderr).toBe(1);
    const [file] = report(r).files;
    const ids = file!.findings.filter((f) => f.kind === 'cn-id');
    expect(ids).toHaveLength(1);
    const { text } = await readInput(join(ROOT, path));
    expect(text.slice(ids[0]!.start, ids[0]!.end)).toBe(ID);
    // Readability dropped the navigation and footer boilerplate.
    expect(text).not.toContain('网站标识码');
    expect(text).not.toContain('政务服务便民热线');
  });

  it('HTML: a page that is only a table is read whole, and each finding names its table cell', async () => {
    const path = `${FIX}/table-only.html`;
    const [json, text] = await Promise.all([cli('scan', path), cli('scan', '--format', 'text', path)]);
    expect(json.status, json.stderr).toBe(1);
    const [file] = report(json).files;
    expect(file!.findings.map((f) => [f.kind, f.severity, f.location?.text])).toEqual([
      ['cn-id', 'block', '表格第 3 行「身份证号」'],
      ['phone', 'block', '表格第 3 行「联系电话」'],
    ]);
    expect(file!.findings[0]!.location).toMatchObject({ table: 1, row: 3, column: 3, columnHeader: '身份证号' });
    const idLine = text.stdout.split('\n').find((l) => l.includes('cn-id'));
    expect(idLine).toMatch(/^test\/fixtures\/cli\/table-only\.html:\d+:\d+ {2}阻止\(block\) {2}cn-id {2}表格第 3 行「身份证号」 {2}110\*{13}2X {2}/);
  });

  afterAll(() => {
    // Privacy: the raw ID must never be echoed, in any output of any run above.
    expect(runs.length).toBeGreaterThan(0);
    for (const r of runs) {
      expect(r.stdout).not.toContain(ID);
      expect(r.stderr).not.toContain(ID);
      expect(r.stdout).not.toContain(ID.slice(0, 17));
    }
  });
});
