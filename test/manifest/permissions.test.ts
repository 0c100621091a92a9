import { expect, it } from 'vitest';
import config from '../../wxt.config';

type ManifestFn = (env: { browser: string; manifestVersion: 3; mode: string; command: string }) => Record<string, unknown>;

// The README's permissions table, as the manifest has it: what an editor's browser grants at install.
it.each(['chrome', 'firefox'])('asks %s for storage, scripting, activeTab and declarativeNetRequestWithHostAccess, and for no tabs or <all_urls>', (browser) => {
  const manifest = (config.manifest as ManifestFn)({ browser, manifestVersion: 3, mode: 'production', command: 'build' });
  expect(manifest.permissions).toEqual(['storage', 'scripting', 'activeTab', 'declarativeNetRequestWithHostAccess']);
  expect(JSON.stringify(manifest)).not.toMatch(/"tabs"|<all_urls>/);
});
