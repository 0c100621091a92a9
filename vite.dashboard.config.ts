/**
 * The collector's dashboard (components/dashboard) as a plain web page, built into dist/dashboard
 * and served by the collector (lib/collector/http/static.ts). It shares the extension's audit
 * components; their `t()` reads browser.i18n, which a web page lacks, so `wxt/browser` is pointed at
 * a stand-in that reads the same public/_locales messages.
 */
import path from 'node:path';
import { defineConfig } from 'vite';

const here = import.meta.dirname;
const root = path.join(here, 'components', 'dashboard');

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  resolve: { alias: { 'wxt/browser': path.join(root, 'locale-browser.ts') } },
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: path.join(here, 'dist', 'dashboard'),
    emptyOutDir: true,
    rollupOptions: { input: { index: path.join(root, 'index.html'), form: path.join(root, 'form.html') } },
  },
});
