/** Tells whenever a click lands on `el` (or inside it), in any of these windows, until the returned stop. */
export function watchClicksOn(el: Element, windows: readonly Window[], hit: () => void): () => void {
  const onClick = (e: Event) => {
    const target = e.composedPath()[0] ?? e.target;
    if (target && (target as Node).nodeType && el.contains(target as Node)) hit();
  };
  for (const w of windows) w.addEventListener('click', onClick, true);
  return () => {
    for (const w of windows) w.removeEventListener('click', onClick, true);
  };
}
