import { availableParallelism } from 'node:os';
import { rules } from '../../rules/index';
import { parseArgs } from './args';
import { formatJson } from './format-json';
import { formatText } from './format-text';
import { jobsFrom } from './jobs';
import { scanInParallel } from './scan-parallel';
import { USAGE } from './usage';

/** A megabyte of text: less than that per thread, a worker's start and cold JIT cost more than they save. */
const PER_SCANNER_BYTES = 1_000_000;

/** Exit status of design.md: 0 clean, 1 a block finding, 2 usage error or unreadable input. */
async function main(argv: readonly string[]): Promise<number> {
  const cmd = parseArgs(argv);
  if (cmd.kind === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (cmd.kind === 'usage-error') {
    process.stderr.write(`precheck: ${cmd.zh} / ${cmd.en}\n\n${USAGE}`);
    return 2;
  }
  const jobs = jobsFrom(process.env.PRECHECK_JOBS, availableParallelism());
  if (typeof jobs !== 'number') {
    process.stderr.write(`precheck: ${jobs.zh} / ${jobs.en}\n`);
    return 2;
  }
  const workerUrl = new URL('./scan-worker.mjs', import.meta.url);
  const run = await scanInParallel(cmd.paths, rules, (err) => process.stderr.write(err.message + '\n'), { jobs, workerUrl, minBytes: PER_SCANNER_BYTES });
  process.stdout.write(cmd.format === 'text' ? formatText(run.files, run.errors.length) : formatJson(run.files));
  // An incomplete scan must not pass for a clean or a merely blocked one: unreadable input wins.
  if (run.errors.length > 0) return 2;
  return run.files.some((f) => f.findings.some((x) => x.severity === 'block')) ? 1 : 0;
}

// exitCode rather than exit(): a large report piped to another tool must be flushed first.
process.exitCode = await main(process.argv.slice(2));
