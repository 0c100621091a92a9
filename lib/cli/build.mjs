/**
 * Bundles the CLI into dist/cli/ with esbuild, so `precheck` starts as plain Node: no TypeScript
 * loader at run time. Run by `npm ci` (postinstall), `npm run build`, `npm run build:cli` and the
 * unit tests' global setup. Plain JavaScript: it runs before anything can compile TypeScript.
 *
 * The entry is CommonJS (dist/cli/precheck.cjs, started by bin/precheck.cjs): Node 20 starts an ES
 * module entry about 18 ms later than a CommonJS one (measured here, 141 vs 123 ms for a one-line
 * scan), an eighth of the start budget. What only HTML and attachments need — jsdom's readers, SheetJS,
 * pdf.js, mammoth — is built as ES modules split into chunks (dist/cli/lazy-*.mjs) that the entry
 * imports on first use, so a run over .txt files loads none of it.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { URL, fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The modules the entry imports lazily, by the file name their ES module build gets. */
const LAZY = { 'lazy-extract-html': 'lib/page/extract-html.ts', 'lazy-scan-attachment': 'lib/attachments/scan-attachment.ts' };

/** The entry's `import('../page/extract-html')` becomes `import('./lazy-extract-html.mjs')`, left to Node. */
const lazyImports = {
  name: 'lazy-imports',
  setup(b) {
    b.onResolve({ filter: /./ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const source = join(args.resolveDir, args.path).slice(ROOT.length);
      const name = Object.keys(LAZY).find((k) => LAZY[k].replace(/\.ts$/, '') === source);
      if (!name) throw new Error(`build:cli: ${args.path} is imported lazily but has no lazy build (lib/cli/build.mjs LAZY)`);
      return { path: `./${name}.mjs`, external: true };
    });
  },
};

const common = { absWorkingDir: ROOT, bundle: true, platform: 'node', target: 'node20', external: ['jsdom'], legalComments: 'none', logLevel: 'warning' };

export async function buildCli() {
  // Chunk names carry a hash: without this, every change left its old chunks beside the new ones.
  rmSync(join(ROOT, 'dist/cli'), { recursive: true, force: true });
  await build({
    ...common,
    entryPoints: { precheck: 'lib/cli/main.ts' },
    outfile: 'dist/cli/precheck.cjs',
    format: 'cjs',
    plugins: [lazyImports],
  });
  await build({
    ...common,
    entryPoints: LAZY,
    outdir: 'dist/cli',
    outExtension: { '.js': '.mjs' },
    splitting: true,
    format: 'esm',
    // CommonJS parsers (mammoth, word-extractor) require Node's built-ins at run time; an ES module
    // has no require of its own, so every chunk gets one.
    banner: { js: "import { createRequire as __precheckRequire } from 'node:module'; const require = __precheckRequire(import.meta.url);" },
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildCli();
