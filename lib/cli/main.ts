import { rules } from '../../rules/index';
import { parseArgs } from './args';
import { formatJson } from './format-json';
import { formatText } from './format-text';
import { scanPaths } from './scan-files';
import { USAGE } from './usage';

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
  const run = await scanPaths(cmd.paths, {
    rules,
    withLines: cmd.format === 'text',
    onError: (err) => process.stderr.write(err.message + '\n'),
  });
  process.stdout.write(cmd.format === 'text' ? formatText(run.files, run.errors.length) : formatJson(run.files, process.stdout.isTTY === true));
  // An incomplete scan must not pass for a clean or a merely blocked one: unreadable input wins.
  if (run.errors.length > 0) return 2;
  return run.files.some((f) => f.findings.some((x) => x.severity === 'block')) ? 1 : 0;
}

// A reader that stops early (\`precheck scan … | head\`) closes the pipe: the rest of the report has
// nowhere to go, which is no error of the scan; the status already worked out still tells the result.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit();
});

// exitCode rather than exit(): a large report piped to another tool must be flushed first. No
// top-level await: the bundle is CommonJS (lib/cli/build.mjs).
// A crash is no verdict: it must not exit 0 (clean) or 1 (blocked), as an unhandled rejection would.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = 2;
  },
);
