/**
 * Unit tests' global setup: the CLI tests run the prebuilt bin, so it is built from the sources
 * under test first (a bundle left from an earlier install could be stale).
 */
import { buildCli } from '../lib/cli/build.mjs';

export default async function setup(): Promise<void> {
  await buildCli();
}
