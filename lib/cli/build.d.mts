/** Bundles the CLI into dist/cli/ (see build.mjs). */
export function buildCli(): Promise<void>;
