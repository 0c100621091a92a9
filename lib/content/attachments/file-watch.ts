/**
 * Files are scanned the moment they appear, long before an upload: chosen in a file input, dropped
 * or pasted into any same-origin frame (an editor's iframe too). By the time the page uploads them the
 * verdict is usually known; the panel lists each file's findings meanwhile.
 */
import type { FileOrigin } from './page-files';

export type LearnFile = (file: File, origin: FileOrigin) => void;

function each(files: FileList | null | undefined, origin: FileOrigin, learn: LearnFile): void {
  for (const file of files ?? []) {
    // A picture costs its first bytes: what it says it is does not decide (text named .png is read).
    if (file.size > 0) learn(file, origin);
  }
}

export function watchFiles(win: Window, learn: LearnFile): void {
  win.addEventListener(
    'change',
    (e) => {
      const input = (e.composedPath()[0] ?? e.target) as HTMLInputElement | null;
      if (input?.tagName === 'INPUT' && input.type === 'file') each(input.files, 'input', learn);
    },
    true,
  );
  win.addEventListener('drop', (e) => each(e.dataTransfer?.files, 'drop', learn), true);
  win.addEventListener('paste', (e) => each(e.clipboardData?.files, 'paste', learn), true);
}
