import type { ScannedFile } from './scan-files';

/** The JSON contract of design.md: { "files": [ { "path", "findings": [Finding...] } ] }. */
export function formatJson(files: readonly ScannedFile[]): string {
  return JSON.stringify({ files: files.map(({ path, findings }) => ({ path, findings })) }, null, 2) + '\n';
}
