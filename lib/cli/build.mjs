/**
 * Bundles the CLI into dist/cli/ with esbuild, so `precheck` starts as plain Node: no TypeScript
 * loader at run time. Run by `npm ci` (postinstall), `npm run build`, `npm run build:cli` and the
 * unit tests' global setup. Plain JavaScript: it runs before anything can compile TypeScript.
 * jsdom stays outside the bundle (a dependency, loaded only for HTML); what HTML needs besides is
 * split into a chunk of its own, so a run over .txt files loads none of it.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { URL, fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export async function buildCli() {
  // Chunk names carry a hash: without this, every change left its old chunks beside the new ones.
  rmSync(join(ROOT, 'dist/cli'), { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: { precheck: 'lib/cli/main.ts' },
    outdir: 'dist/cli',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['jsdom'],
    legalComments: 'none',
    // CommonJS parsers (mammoth, word-extractor) require Node's built-ins at run time; an ES module
    // has no require of its own, so every chunk gets one.
    banner: { js: "import { createRequire as __precheckRequire } from 'node:module'; const require = __precheckRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildCli();
