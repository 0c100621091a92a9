import { ensureExtensionBuilt } from '../e2e/extension-helpers.ts';

// Once per Firefox run, before any file: the Firefox build is current.
export default async function setup(): Promise<void> {
  await ensureExtensionBuilt('firefox');
}
