import { ensureExtensionBuilt } from './extension-helpers.ts';

// Once per e2e run, before any file: every suite that loads the extension gets a current build.
export default async function setup(): Promise<void> {
  await ensureExtensionBuilt();
}
