import { useRef, useState, type FormEvent } from 'react';

/**
 * A PIN input kept out of React state: the typed digits live only in the password input, are read
 * once when submitted and cleared right away. React tracks whether anything was typed, nothing more.
 */
export function usePin() {
  const ref = useRef<HTMLInputElement>(null);
  const [filled, setFilled] = useState(false);
  return {
    filled,
    props: {
      ref,
      type: 'password' as const,
      autoComplete: 'off',
      inputMode: 'numeric' as const,
      onInput: (e: FormEvent<HTMLInputElement>) => setFilled(e.currentTarget.value !== ''),
    },
    /** The typed PIN, and the input emptied: every submit asks for it again. */
    take(): string {
      const el = ref.current;
      const pin = el?.value ?? '';
      if (el) el.value = '';
      setFilled(false);
      return pin;
    },
  };
}
