#!/usr/bin/env node
// The CLI runs prebuilt (dist/cli, bundled by `npm ci`, `npm run build` and `npm run build:cli`), so
// it starts at once; CommonJS, because Node starts an ES module entry later (lib/cli/build.mjs).
// Without the bundle it says how to build it rather than compile on the fly.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '../dist/cli/precheck.cjs');
if (!existsSync(bundle)) {
  process.stderr.write(
    'precheck: 命令行工具尚未构建，请先运行 npm run build:cli（npm ci 和 npm run build 也会构建）\n' +
      'precheck: the CLI is not built yet: run `npm run build:cli` (npm ci and npm run build build it too)\n',
  );
  process.exit(2);
}
require(bundle);
