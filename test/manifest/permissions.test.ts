import { expect, it } from 'vitest';
import config from '../../wxt.config';

type ManifestFn = (env: { browser: string; manifestVersion: 3; mode: string; command: string }) => Record<string, unknown>;

// The README's permissions table, as the manifest has it: what an editor's browser grants at install.
// Chrome also gets offscreen: its attachment scanner page runs workers, which a service worker cannot.
it.each([
  ['chrome', ['storage', 'scripting', 'activeTab', 'declarativeNetRequest', 'offscreen']],
  ['firefox', ['storage', 'scripting', 'activeTab', 'declarativeNetRequest']],
])('asks %s for %j, and for no tabs or <all_urls>', (browser, permissions) => {
  const manifest = (config.manifest as ManifestFn)({ browser, manifestVersion: 3, mode: 'production', command: 'build' });
  expect(manifest.permissions).toEqual(permissions);
  expect(JSON.stringify(manifest)).not.toMatch(/"tabs"|<all_urls>/);
});
