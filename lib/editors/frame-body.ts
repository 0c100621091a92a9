/** The body of a same-origin iframe, or null while it is loading or when it is cross-origin. */
export function frameBody(frame: Element): HTMLElement | null {
  try {
    return (frame as HTMLIFrameElement).contentDocument?.body ?? null;
  } catch {
    return null;
  }
}

export function bodiesOf(doc: Document, frameSelector: string): HTMLElement[] {
  return [...doc.querySelectorAll(frameSelector)].map(frameBody).filter((b): b is HTMLElement => b !== null);
}
