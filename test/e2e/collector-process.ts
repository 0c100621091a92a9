/**
 * The collector as a separate process for the e2e suite: `npm run collector`'s entry point with its
 * own data folder and a free loopback port, its output watched line by line (the setup code, each
 * stored batch), and a SIGKILL that leaves no chance to tidy up.
 */
import { spawn, type ChildProcess, execFile } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from './extension-helpers.ts';

export interface CollectorProcess {
  url: string;
  lines: string[];
  child: ChildProcess;
  /** Resolves with the first output line (from now on) that matches. */
  waitFor(re: RegExp, timeoutMs?: number): Promise<string>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

const ENTRY = ['--import', 'tsx', path.join('lib', 'collector', 'main.ts')];

export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as { port: number };
  await new Promise((r) => s.close(r));
  return port;
}

export async function collectorCommand(env: Record<string, string>, args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [...ENTRY, ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env } });
  return stdout;
}

export async function startCollector(env: Record<string, string>, port: number): Promise<CollectorProcess> {
  const child = spawn(process.execPath, ENTRY, { cwd: PROJECT_ROOT, env: { ...process.env, ...env, COLLECTOR_PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: { re: RegExp; resolve(line: string): void }[] = [];
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      lines.push(line);
      for (const w of [...waiters]) {
        if (!w.re.test(line)) continue;
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const proc: CollectorProcess = {
    url: `http://127.0.0.1:${port}`,
    lines,
    child,
    waitFor(re, timeoutMs = 120_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`collector never printed ${re}:\n${lines.slice(-20).join('\n')}`)), timeoutMs);
        waiters.push({ re, resolve: (l) => (clearTimeout(timer), resolve(l)) });
        child.once('exit', (code) => reject(new Error(`collector exited (${code}) before printing ${re}:\n${lines.slice(-20).join('\n')}`)));
      });
    },
    async kill(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await exited;
    },
  };
  await proc.waitFor(/\[collector\] listening on/);
  return proc;
}
