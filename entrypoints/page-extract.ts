/**
 * Injected by the popup's 「扫描此页面」 into the tab's top frame (isolated world):
 *   browser.scripting.executeScript({ target: { tabId }, files: ['/page-extract.js'] })
 * WXT builds an unlisted script as an IIFE whose value is main()'s return value and appends that
 * value as the file's last expression, which is what executeScript hands back as `result`. So main
 * stays synchronous and returns plain strings (structured-clonable); nothing is sent anywhere else.
 */
import { extractMain, type ExtractedPage } from '@/lib/page/extract-main';

export default defineUnlistedScript((): ExtractedPage => ({ ...extractMain(document), url: location.href }));
