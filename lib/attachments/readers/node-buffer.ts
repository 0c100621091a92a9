import { Buffer } from 'buffer';

// word-extractor reads Word's binary streams with Node's Buffer as a global. In Node this is the
// built-in one; in the extension's worker, the `buffer` package (the same API). Imported before it.
const g = globalThis as { Buffer?: typeof Buffer };
g.Buffer ??= Buffer;
