import type { ScannedFile } from './scan-files';

/**
 * The JSON contract of design.md: { "files": [ { "path", "findings": [Finding...] } ] }. Indented for
 * a person at a terminal; compact for a file or a pipe, where a program reads it: indenting a 5 MB
 * corpus's report took as long as reading the corpus and doubled what was written (`npm run bench`).
 */
export function formatJson(files: readonly ScannedFile[], indent: boolean): string {
  return JSON.stringify({ files: files.map(({ path, findings }) => ({ path, findings })) }, null, indent ? 2 : undefined) + '\n';
}
