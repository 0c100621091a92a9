import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real CLI in a child process from the repo root: the installed bin (the prebuilt bundle the
 * tests' global setup builds), or `npm run --silent precheck --`, the command of design.md.
 */
export function runCli(args: readonly string[], via: 'bin' | 'npm' = 'bin'): Promise<CliRun> {
  const [cmd, pre] = via === 'npm' ? ['npm', ['run', '--silent', 'precheck', '--']] : [process.execPath, ['bin/precheck.cjs']];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, [...pre, ...args], { cwd: ROOT, env: process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
