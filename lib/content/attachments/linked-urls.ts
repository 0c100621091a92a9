/**
 * Which of a draft's links are attachments Precheck reads before publishing: on the CMS's own origin
 * (fetched with the editor's session; another site's file is not the page's to fetch), with an
 * extension an attachment reader takes. Pure: hrefs in, absolute URLs out, each once.
 */
import { ATTACHMENT_EXTENSIONS, baseName, extensionOf } from '../../attachments/extensions';

export function attachmentLinks(hrefs: readonly string[], base: string, origin: string): string[] {
  const out = new Set<string>();
  for (const href of hrefs) {
    let url: URL;
    try {
      url = new URL(href, base);
    } catch {
      continue;
    }
    if (url.origin !== origin || !ATTACHMENT_EXTENSIONS.includes(extensionOf(url.pathname))) continue;
    url.hash = '';
    out.add(url.href);
  }
  return [...out];
}

/** The file name a link gives its attachment: the last path segment, decoded (低保名单.xlsx). */
export function linkedName(href: string): string {
  const last = baseName(new URL(href).pathname);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
