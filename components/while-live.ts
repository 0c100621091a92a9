/**
 * Hands a promise's outcome to `onValue` / `onError` only until the returned stop() is called: for
 * a React effect that loads something (its cleanup is stop()), since a popup or a page can go away,
 * or the effect's inputs change, before the background answers, and a late answer must not be set.
 */
export function whileLive<T>(promise: Promise<T>, onValue: (value: T) => void, onError: (error: unknown) => void = () => {}): () => void {
  let live = true;
  promise.then(
    (value) => {
      if (live) onValue(value);
    },
    (error: unknown) => {
      if (live) onError(error);
    },
  );
  return () => {
    live = false;
  };
}
