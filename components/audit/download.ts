/** Saves text as a file through the browser's download of a Blob URL (no downloads permission needed). */
export function downloadText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: revoking at once can cancel the download in Firefox.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
