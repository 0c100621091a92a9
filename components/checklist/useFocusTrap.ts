import { useEffect, useRef, type KeyboardEvent } from 'react';

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal keeps the keyboard inside itself: it takes focus when it opens, and Tab from its last
 * control comes back to its first (the CMS form behind it must not be edited "blind").
 */
export function useFocusTrap<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  const onKeyDown = (e: KeyboardEvent<T>) => {
    const box = ref.current;
    if (e.key !== 'Tab' || !box) return;
    const items = [...box.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (items.length === 0) return;
    // Inside a shadow root the document's activeElement is the host; the root knows the real one.
    const active = (box.getRootNode() as Document | ShadowRoot).activeElement;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (e.shiftKey && (active === first || active === box)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  };
  return { ref, onKeyDown };
}
