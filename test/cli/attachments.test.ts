import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../lib/scan/types';
import { CASES } from '../attachments/corpus';
import { IDS } from '../attachments/labelled';
import { runCli } from './run-cli';

// Real files from the generated corpus, through the real CLI in a child process. Under tsx, pdf.js
// takes seconds to load (tsx rewrites its dynamic imports), hence the long timeout.
const NAMES = ['低保名单-隐藏工作表.xlsx', '拟录用人员公示-页眉.docx', '名单-跨行身份证.pdf', '通知-办公电话.docx', '加密名单.xlsx', '财政预算-干净.xlsx'];
let dir = '';
const p = (name: string) => path.join(dir, name);

interface Report {
  files: { path: string; findings: Finding[] }[];
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'precheck-cli-att-'));
  for (const name of NAMES) await writeFile(p(name), await CASES.find((c) => c.name === name)!.bytes());
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe.concurrent('precheck scan with attachments', { timeout: 180_000 }, () => {
  it('JSON: findings of a spreadsheet carry their hidden sheet and cell; exit 1', async () => {
    const r = await runCli(['scan', p('低保名单-隐藏工作表.xlsx')]);
    expect(r.status, r.stderr).toBe(1);
    const { files } = JSON.parse(r.stdout) as Report;
    const ids = files[0]!.findings.filter((f) => f.kind === 'cn-id' && f.severity === 'block');
    expect(ids.map((f) => f.location?.text)).toEqual(['隐藏工作表「原始」C2', '隐藏工作表「原始」C3']);
    expect(ids[0]!.location).toMatchObject({ file: '低保名单-隐藏工作表.xlsx', sheet: '原始', cell: 'C2', hidden: 'sheet' });
  });

  it('text: one line per finding, with where it stands instead of line:col', async () => {
    const r = await runCli(['scan', '--format', 'text', p('拟录用人员公示-页眉.docx'), p('名单-跨行身份证.pdf')]);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/拟录用人员公示-页眉\.docx {2}页眉 {2}阻止\(block\) {2}cn-id/);
    expect(r.stdout).toMatch(/名单-跨行身份证\.pdf {2}第 1 页 {2}阻止\(block\) {2}cn-id/);
  });

  it('clean lookalikes exit 0', async () => {
    const r = await runCli(['scan', p('通知-办公电话.docx'), p('财政预算-干净.xlsx')]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });

  it('an encrypted file: a clear message and exit 2, the other files still scanned', async () => {
    const r = await runCli(['scan', p('加密名单.xlsx'), p('低保名单-隐藏工作表.xlsx')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('加密名单.xlsx');
    expect(r.stderr).toContain('已加密');
    const { files } = JSON.parse(r.stdout) as Report;
    expect(files.map((f) => path.basename(f.path))).toEqual(['低保名单-隐藏工作表.xlsx']);
    expect(files[0]!.findings.length).toBeGreaterThan(0);
  });

  it('a directory is scanned for attachments too, and no raw ID is printed', async () => {
    const r = await runCli(['scan', '--format', 'text', dir]);
    expect(r.status).toBe(2);
    for (const id of IDS) expect(r.stdout + r.stderr).not.toContain(id);
    expect(r.stdout).toContain('隐藏工作表「原始」C2');
  });
});
