// The attachment scanner page (Chrome: offscreen document; Firefox: a frame of the background page).
// It receives files over ATTACHMENT_PORT and scans each in its own worker; the parsers live there.
import { browser } from 'wxt/browser';
import { serveAttachmentPorts } from '@/lib/attachments/service/scanner-host';

serveAttachmentPorts(browser.runtime, () => new Worker(new URL('../../lib/attachments/service/worker.ts', import.meta.url), { type: 'module' }));
