/**
 * `npm run collector [-- COMMAND]`: the county's audit collector. Without a command it serves;
 * the other commands manage units and the administrator. Settings come from the environment
 * (lib/collector/config.ts; README "Audit collector").
 */
import { createInterface } from 'node:readline';
import { acceptablePassword, newSetupCode, setPassword } from './auth/admin';
import { addUnit, listUnits, revokeUnit, rotateToken, ROTATE_GRACE_DAYS, UnitError } from './auth/units';
import { configFromEnv, type CollectorConfig } from './config';
import { ensureDashboardBuilt } from './dashboard-build';
import { openDatabase, type Database } from './db/database';
import { migrate } from './db/migrations';
import { say } from './log';
import { ImportError, importRecords } from './import-records';
import { startServer } from './server';

const USAGE = `用法 Usage: npm run collector [-- 命令 command]
  (无命令 none)               启动采集服务 start the collector (COLLECTOR_HOST/PORT, DATABASE_URL, COLLECTOR_DATA_DIR)
  add-unit 单位名             新建单位并打印其令牌和策略片段 add a unit, print its token and policy snippet
  rotate-token 单位名 [--now] 换发令牌（旧令牌 ${ROTATE_GRACE_DAYS} 天后失效；--now 立即失效） new token for a unit
  revoke-unit 单位名          吊销单位的全部令牌（记录保留） revoke all of a unit's tokens (records kept)
  list-units                  列出单位 list units
  set-password 用户名         从标准输入读取密码，设置或重置管理员 set or reset an administrator (password on stdin)
  import 文件.jsonl            导入仪表板导出的 JSON Lines 记录（可重复运行，不会重复保存） import a dashboard JSON Lines export (safe to run again)
  migrate                     只升级数据库结构 only apply database migrations`;

function policySnippet(config: CollectorConfig, token: string): string {
  const audit = { retentionDays: 1095, collectorUrl: `${config.publicUrl}/api/v1/records`, collectorToken: token };
  return JSON.stringify({ audit }, null, 2);
}

function printToken(config: CollectorConfig, unit: string, token: string): void {
  say(`单位 Unit: ${unit}`);
  say(`令牌 Token (只显示这一次 shown only now): ${token}`);
  say('\n下发到本单位浏览器的策略片段 (托管策略 3rdparty.extensions.<扩展 ID> 中的 audit 项；retentionDays 按本单位要求调整)');
  say('Policy snippet for this unit’s browsers (the audit key of the managed policy; adjust retentionDays):\n');
  say(policySnippet(config, token));
}

async function readPassword(): Promise<string> {
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

async function serve(db: Database, config: CollectorConfig): Promise<void> {
  if (await ensureDashboardBuilt(config.dashboardDir)) say('[collector] dashboard built');
  const running = await startServer(db, config);
  const code = await newSetupCode(db);
  if (code) {
    say(`[collector] 首次使用：在浏览器打开 ${config.publicUrl}/ ，用设置码 ${code} 创建管理员。`);
    say(`[collector] First run: open ${config.publicUrl}/ and create the administrator with setup code ${code}`);
  }
  // Last: tools that start the collector wait for this line.
  say(`[collector] listening on ${running.url} (database: ${db.kind === 'pglite' ? `PGlite ${config.dataDir}` : 'PostgreSQL'})`);
  const stop = async () => {
    await running.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

async function command(db: Database, config: CollectorConfig, cmd: string | undefined, args: string[]): Promise<number> {
  const name = args.find((a) => !a.startsWith('--'));
  switch (cmd) {
    case undefined:
    case 'serve':
      await serve(db, config);
      return -1;
    case 'migrate':
      return 0;
    case 'add-unit':
      if (!name) break;
      printToken(config, name, await addUnit(db, name));
      return 0;
    case 'rotate-token':
      if (!name) break;
      printToken(config, name, await rotateToken(db, name, args.includes('--now')));
      say(args.includes('--now') ? '\n旧令牌已失效。 The old tokens no longer work.' : `\n旧令牌 ${ROTATE_GRACE_DAYS} 天后失效。 The old tokens stop working in ${ROTATE_GRACE_DAYS} days.`);
      return 0;
    case 'revoke-unit':
      if (!name) break;
      await revokeUnit(db, name);
      say(`已吊销单位「${name}」的全部令牌，记录保留。 Revoked every token of "${name}"; its records are kept.`);
      return 0;
    case 'list-units':
      say('单位 unit\t吊销 revoked\t令牌 tokens\t浏览器 browsers\t记录 records\t最近 last seen');
      for (const u of await listUnits(db)) say([u.name, u.revoked ? '是' : '', u.tokens, u.browsers, u.records, u.lastSeen ?? ''].join('\t'));
      return 0;
    case 'import': {
      if (!name) break;
      const done = await importRecords(db, name);
      say(`已读 ${done.lines} 条记录：新存 ${done.stored} 条，已有 ${done.duplicates} 条；链状态异常 ${done.flagged} 条（见仪表板）。`);
      say(`Read ${done.lines} records: ${done.stored} stored, ${done.duplicates} already here; ${done.flagged} with a chain flag (see the dashboard).`);
      if (done.unitsCreated.length) say(`新建单位（暂无令牌，需要时用 rotate-token 发放） New units (no token yet; rotate-token issues one): ${done.unitsCreated.join('、')}`);
      return 0;
    }
    case 'set-password': {
      if (!name) break;
      const password = await readPassword();
      if (!acceptablePassword(name, password)) {
        console.error('密码至少 10 个字符。 The password needs at least 10 characters.');
        return 2;
      }
      await setPassword(db, name, password);
      say(`已设置管理员「${name}」的密码。 Password set for "${name}".`);
      return 0;
    }
  }
  console.error(USAGE);
  return 2;
}

async function main(): Promise<void> {
  const [cmd, ...args] = process.argv.slice(2);
  if (cmd === 'help' || cmd === '--help') {
    say(USAGE);
    return;
  }
  const config = configFromEnv();
  const db = await openDatabase(config);
  const applied = await migrate(db);
  if (applied.length) say(`[collector] database migrations applied: ${applied.join(', ')}`);
  let code: number;
  try {
    code = await command(db, config, cmd, args);
  } catch (e) {
    await db.close();
    if (e instanceof UnitError) {
      console.error(e.message);
      process.exit(1);
    }
    if (e instanceof ImportError) {
      console.error(e.stored > 0 ? `导入中止，已存 ${e.stored} 条（可修正后重新运行）。 Import stopped after ${e.stored} stored records (fix and run again).` : '未导入任何记录。 Nothing was imported.');
      for (const p of e.problems) console.error(`  ${p.zh}\n  ${p.en}`);
      process.exit(1);
    }
    throw e;
  }
  if (code >= 0) {
    await db.close();
    process.exit(code);
  }
}

await main();
