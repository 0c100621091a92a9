import { requestEditorApis } from '../editors/api-bridge';
import { extractText } from '../editors/text-map';
import { scan, type ScanOptions } from '../scan/engine';
import type { Finding } from '../scan/types';

/**
 * Scans what the editors' APIs say they will submit. It can differ from what is on screen (source
 * mode, content kept outside the editing area), and it is what actually goes online.
 */
export function scanSubmittedContent(docs: readonly Document[], options: ScanOptions): Finding[] {
  const parser = new DOMParser();
  return requestEditorApis(docs).flatMap(({ html }) => {
    const body = parser.parseFromString(html, 'text/html').body;
    return scan(extractText(body).text, options);
  });
}
