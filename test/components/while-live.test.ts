import { describe, expect, it, vi } from 'vitest';
import { whileLive } from '../../components/while-live';

describe('whileLive', () => {
  it('hands over the value or the error while live', async () => {
    const onValue = vi.fn();
    const onError = vi.fn();
    whileLive(Promise.resolve(7), onValue, onError);
    whileLive(Promise.reject(new Error('x')), onValue, onError);
    await new Promise((r) => setTimeout(r, 0));
    expect(onValue).toHaveBeenCalledWith(7);
    expect(onError).toHaveBeenCalledWith(new Error('x'));
  });

  it('hands over nothing once stopped (an answer after the popup closed)', async () => {
    const onValue = vi.fn();
    const onError = vi.fn();
    let resolve!: (v: number) => void;
    let reject!: (e: unknown) => void;
    whileLive(new Promise<number>((r) => (resolve = r)), onValue, onError)();
    whileLive(new Promise<number>((_, j) => (reject = j)), onValue, onError)();
    resolve(1);
    reject(new Error('late'));
    await new Promise((r) => setTimeout(r, 0));
    expect(onValue).not.toHaveBeenCalled();
    expect(onError).not.toHaveBeenCalled();
  });

  it('an error nobody asked for is swallowed, not left unhandled', async () => {
    const onValue = vi.fn();
    whileLive(Promise.reject(new Error('ignored')), onValue);
    await new Promise((r) => setTimeout(r, 0));
    expect(onValue).not.toHaveBeenCalled();
  });
});
