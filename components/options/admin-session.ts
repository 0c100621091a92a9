/**
 * The administrator's unlock of this options page: whether a password is set (first run when not),
 * and the password the page was unlocked with, kept in this page's memory only and sent with the
 * saves that change the roster. The background checks it every time; closing the page forgets it.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AdminResult } from '../../lib/messaging/protocol';
import type { PolicyClient } from './client';
import { whileLive } from '../while-live';

export interface AdminSession {
  /** undefined until the background answered. */
  passwordSet: boolean | undefined;
  /** The password this page was unlocked with, or null. */
  password: string | null;
  unlock(password: string): Promise<AdminResult>;
  lock(): void;
  setPassword(req: { current?: string; next: string }): Promise<AdminResult>;
}

export function useAdminSession(client: PolicyClient): AdminSession {
  const [passwordSet, setPasswordSet] = useState<boolean | undefined>(undefined);
  const [password, setPassword] = useState<string | null>(null);
  useEffect(
    () =>
      whileLive(
        client.adminStatus(),
        (s) => setPasswordSet(s.passwordSet),
        // An older background without the message: treat as not set, so the first-run form shows.
        () => setPasswordSet(false),
      ),
    [client],
  );
  const unlock = useCallback(
    async (candidate: string) => {
      const result = await client.checkAdminPassword(candidate);
      setPassword(result.ok ? candidate : null);
      return result;
    },
    [client],
  );
  const change = useCallback(
    async (req: { current?: string; next: string }) => {
      const result = await client.setAdminPassword(req);
      if (result.ok) {
        setPasswordSet(true);
        // Setting it is proof enough: the administrator who just typed it goes on unlocked.
        setPassword(req.next);
      }
      return result;
    },
    [client],
  );
  return useMemo(
    () => ({ passwordSet, password, unlock, lock: () => setPassword(null), setPassword: change }),
    [passwordSet, password, unlock, change],
  );
}
