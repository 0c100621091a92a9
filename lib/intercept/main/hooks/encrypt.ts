/* eslint-disable @typescript-eslint/unbound-method -- the original is kept unbound and called on its own target. */
/**
 * Web Crypto's `encrypt`: what page code encrypts and then sends is ciphertext no gate can read, so
 * the plaintext is judged here as if it were leaving — an ID or the unsigned draft is refused (the
 * promise rejects, as a failed encryption does), and a signed draft spends its release here. The
 * bytes are copied before the question: a page that changed its buffer while the answer was on its
 * way would otherwise have another text encrypted than the one judged.
 */
import type { GuardChannel } from '../channel';
import { serializeBody } from '../serialize';
import { apply } from '../../../realm/intrinsics';
import { bytesView, copyBytes } from '../natives';

type PageWindow = Window & typeof globalThis;

/** The pseudo-URL an encryption is judged under (the worker prelude writes it out too). */
const ENCRYPT_URL = 'crypto:encrypt';

/** A copy of a BufferSource's bytes, or null for anything else (the browser's own error then). */
function copyOf(data: unknown): Uint8Array<ArrayBuffer> | null {
  const view = bytesView(data);
  return view ? copyBytes(view) : null;
}

export function hookEncrypt(win: PageWindow, channel: GuardChannel): void {
  const proto = (win as unknown as { SubtleCrypto?: { prototype: SubtleCrypto } }).SubtleCrypto?.prototype;
  const encrypt = proto?.encrypt;
  if (!proto || typeof encrypt !== 'function') return;
  Object.defineProperty(proto, 'encrypt', {
    value: async function (this: SubtleCrypto, algorithm: AlgorithmIdentifier, key: CryptoKey, data: BufferSource): Promise<ArrayBuffer> {
      const bytes = copyOf(data);
      if (bytes === null) return apply(encrypt, this, [algorithm, key, data]);
      const s = serializeBody(win, bytes);
      const answer = await channel.ask({ route: 'encrypt', method: 'ENCRYPT', url: ENCRYPT_URL, body: s.body }, s.blobs);
      if (!answer.pass) throw new win.DOMException(answer.message ?? '发布前预检：要加密的内容含有须处理的敏感信息或未经签发的稿件，已阻止', 'OperationError');
      return apply(encrypt, this, [algorithm, key, bytes]);
    },
    writable: true,
    configurable: true,
  });
}
