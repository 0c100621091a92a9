/** Resolves a ReaderSource: the reader itself, or the error that opening the log ended in. */
import { useEffect, useState } from 'react';
import type { AuditReader } from '../../lib/audit/types';
import type { ReaderSource } from './client';
import { whileLive } from '../while-live';

export type ReaderState = { status: 'opening' } | { status: 'open'; reader: AuditReader } | { status: 'failed'; error: unknown };

export function useReader(source: ReaderSource): ReaderState {
  const [state, setState] = useState<ReaderState>(typeof source === 'function' ? { status: 'opening' } : { status: 'open', reader: source });
  useEffect(() => {
    if (typeof source !== 'function') {
      setState({ status: 'open', reader: source });
      return;
    }
    setState({ status: 'opening' });
    return whileLive(
      source(),
      (reader) => setState({ status: 'open', reader }),
      (error) => setState({ status: 'failed', error }),
    );
  }, [source]);
  return state;
}

/** An error for a reader of the page: what failed in Chinese (or English), and the browser's words. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}
