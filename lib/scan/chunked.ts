import { docSignals } from './context';
import { scan, type ScanOptions } from './engine';
import type { Finding } from './types';

export const CHUNK_CHARS = 64 * 1024;

/**
 * Scans a large text in line-aligned pieces and yields between them, so a 1 MB draft never holds the
 * page's main thread for long. Numbers never span a line break, so no finding is cut in two; the
 * document-level signals are computed once for the whole text.
 */
export async function scanChunked(
  text: string,
  options: ScanOptions,
  yieldToPage: () => Promise<void>,
  chunkChars = CHUNK_CHARS,
): Promise<Finding[]> {
  if (text.length <= chunkChars) return scan(text, options);
  const doc = options.doc ?? docSignals(text);
  const findings: Finding[] = [];
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + chunkChars);
    if (to < text.length) {
      const nl = text.lastIndexOf('\n', to);
      if (nl > from) to = nl + 1;
    }
    for (const f of scan(text.slice(from, to), { ...options, doc })) {
      findings.push({ ...f, start: f.start + from, end: f.end + from });
    }
    from = to;
    if (from < text.length) await yieldToPage();
  }
  return findings;
}
