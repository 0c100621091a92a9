/**
 * PGlite in a local folder. It is one process's database: a second process opening the same folder
 * would corrupt it, so the folder carries a lock naming the process that has it open (a lock left by
 * a process that died, e.g. killed, is taken over). Commits are written through to the files before
 * they resolve, so an acknowledged batch survives the process being killed.
 */
import { PGlite } from '@electric-sql/pglite';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Database, Sql } from './database';

const LOCK = 'collector.pid';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockFolder(dir: string): () => void {
  const file = path.join(dir, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(readFileSync(file, 'utf8'));
      if (Number.isInteger(holder) && holder !== process.pid && alive(holder)) {
        throw new Error(
          `数据目录 ${dir} 正被进程 ${holder} 使用（内置数据库只能由一个进程打开；请先停止采集服务再运行此命令）。` +
            ` The data folder ${dir} is in use by process ${holder} (the embedded database is one process's; stop the collector first).`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`cannot lock ${file}`);
}

/** 'memory://': a database that lives and dies with the process (tests, the bench). */
export const IN_MEMORY = 'memory://';

export async function openPglite(dataDir: string): Promise<Database> {
  const inMemory = dataDir === IN_MEMORY;
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const unlock = inMemory ? () => undefined : lockFolder(dataDir);
  let db: PGlite;
  try {
    db = await PGlite.create(inMemory ? undefined : path.join(dataDir, 'pgdata'));
  } catch (e) {
    unlock();
    throw e;
  }
  const run = (target: Pick<PGlite, 'query' | 'exec'>): Sql => ({
    async query<T>(text: string, params?: unknown[]) {
      const r = await target.query<T>(text, params);
      return { rows: r.rows };
    },
    async exec(text: string) {
      await target.exec(text);
    },
  });
  return {
    kind: 'pglite',
    ...run(db),
    async transaction(work) {
      // PGlite runs in this thread; queued transactions would follow each other without the event
      // loop ever reading a socket. Yielding first lets requests (and their bodies) come in meanwhile.
      await new Promise((resolve) => setImmediate(resolve));
      return db.transaction((tx) => work(run(tx)));
    },
    async close() {
      await db.close();
      unlock();
    },
  };
}
