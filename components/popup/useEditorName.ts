import { useEffect, useState } from 'react';
import { whileLive } from '../while-live';

export interface IdentityApi {
  get(): Promise<string | null>;
  set(name: string): Promise<void>;
}

/**
 * The editor's stored name: undefined while it loads, null when none is set or it could not be
 * read (either way the popup asks for one). `failed` says the last save was refused.
 */
export function useEditorName(api: IdentityApi) {
  const [name, setName] = useState<string | null | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  useEffect(() => whileLive(api.get(), setName, () => setName(null)), [api]);
  /** Stores `value` and shows it, then calls `saved`; a refusal keeps the old name and sets `failed`. */
  const save = (value: string, saved: () => void) => {
    setFailed(false);
    void api.set(value).then(
      () => {
        setName(value);
        saved();
      },
      () => setFailed(true),
    );
  };
  return { name, failed, save };
}
