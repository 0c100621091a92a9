import { requestEditorApis } from '../editors/api-bridge';
import { extractTextInSlices } from '../editors/text-map';
import { scanChunked } from '../scan/chunked';
import type { ScanOptions } from '../scan/engine';
import type { Finding } from '../scan/types';
import { pacedYield, SCAN_STEP, WALK_STEP, yieldToPage } from './yield';

/**
 * Scans what the editors' APIs say they will submit. It can differ from what is on screen (source
 * mode, content kept outside the editing area), and it is what actually goes online.
 */
export async function scanSubmittedContent(docs: readonly Document[], options: ScanOptions): Promise<Finding[]> {
  const parser = new DOMParser();
  const findings: Finding[] = [];
  for (const { html } of requestEditorApis(docs)) {
    await yieldToPage();
    const body = parser.parseFromString(html, 'text/html').body;
    const pause = pacedYield();
    const { text } = await extractTextInSlices(body, pause, WALK_STEP);
    findings.push(...(await scanChunked(text, options, pause, SCAN_STEP)));
  }
  return findings;
}
