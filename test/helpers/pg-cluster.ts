/**
 * A throwaway PostgreSQL for tests and the bench: initdb in a temp folder, run as the `postgres`
 * user (the tests run as root, which PostgreSQL refuses), listening only on a unix socket in that
 * folder, stopped and deleted afterwards. Debian's postgresql 15 (/usr/lib/postgresql/15/bin) or
 * PRECHECK_PG_BIN. When it cannot start, `skip` says why.
 */
import { execFile, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PgCluster {
  url: string;
  stop(): Promise<void>;
}

function pgBin(): string | undefined {
  if (process.env.PRECHECK_PG_BIN) return process.env.PRECHECK_PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => path.join(root, v, 'bin')).find((d) => existsSync(path.join(d, 'initdb')));
}

function postgresUid(): { uid: number; gid: number } | undefined {
  const r = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  return r.status === 0 && g.status === 0 ? { uid: Number(r.stdout), gid: Number(g.stdout) } : undefined;
}

/** Why a cluster cannot start here, or undefined when it can (synchronous: decides describe.skipIf). */
export function pgUnavailable(): string | undefined {
  if (process.platform !== 'linux') return 'PostgreSQL tests run on Linux only';
  if (!pgBin()) return 'PostgreSQL is not installed (apt-get install postgresql; .ci/run does this)';
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && !postgresUid()) return 'running as root but there is no postgres user to run the server as';
  return undefined;
}

/** Settings for a throwaway server; `durable: false` skips fsync (tests), the bench keeps defaults. */
export async function startPgCluster(options: { durable?: boolean } = {}): Promise<PgCluster> {
  const reason = pgUnavailable();
  if (reason) throw new Error(reason);
  const bin = pgBin()!;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'precheck-pg-'));
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const asPostgres = (cmd: string, args: string[]) => (root ? run('runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args]) : run(path.join(bin, cmd), args));
  if (root) {
    const ids = postgresUid()!;
    chownSync(dir, ids.uid, ids.gid);
  }
  const data = path.join(dir, 'data');
  const port = 5432;
  await asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const settings = [`-k ${dir}`, `-c listen_addresses=''`, `-p ${port}`, ...(options.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'])];
  await asPostgres('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', '-o', settings.join(' '), 'start']);
  return {
    url: `postgres://postgres@localhost/postgres?host=${encodeURIComponent(dir)}&port=${port}`,
    async stop() {
      await asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
