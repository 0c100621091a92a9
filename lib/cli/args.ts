export type Format = 'json' | 'text';

export type Command =
  | { kind: 'help' }
  | { kind: 'scan'; format: Format; paths: string[] }
  | { kind: 'usage-error'; zh: string; en: string };

const FORMATS: readonly string[] = ['json', 'text'];

function formatOf(value: string | undefined): Format | { zh: string; en: string } {
  if (value === undefined) return { zh: '--format 缺少取值（json 或 text）', en: '--format needs a value (json or text)' };
  if (!FORMATS.includes(value)) return { zh: `未知输出格式 ${value}（可用 json、text）`, en: `unknown format ${value} (use json or text)` };
  return value as Format;
}

/** `scan [--format json|text] PATH...`; `--` ends the options, so a path may start with a dash. */
export function parseArgs(argv: readonly string[]): Command {
  if (argv.includes('--help') || argv.includes('-h')) {
    const dashdash = argv.indexOf('--');
    const help = argv.findIndex((a) => a === '--help' || a === '-h');
    if (dashdash < 0 || help < dashdash) return { kind: 'help' };
  }
  const [command, ...rest] = argv;
  if (command === undefined) return { kind: 'usage-error', zh: '缺少命令', en: 'missing command' };
  if (command !== 'scan') return { kind: 'usage-error', zh: `未知命令 ${command}`, en: `unknown command ${command}` };
  let format: Format = 'json';
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--') {
      paths.push(...rest.slice(i + 1));
      break;
    }
    if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? rest[++i] : arg.slice('--format='.length);
      const f = formatOf(value);
      if (typeof f !== 'string') return { kind: 'usage-error', ...f };
      format = f;
    } else if (arg.startsWith('-') && arg !== '-') {
      return { kind: 'usage-error', zh: `未知选项 ${arg}`, en: `unknown option ${arg}` };
    } else {
      paths.push(arg);
    }
  }
  if (paths.length === 0) return { kind: 'usage-error', zh: '缺少要扫描的路径', en: 'no PATH to scan' };
  return { kind: 'scan', format, paths };
}
