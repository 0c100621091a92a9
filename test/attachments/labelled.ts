/** Labelled values for the generated attachment corpus: real-shaped, checksums valid, nobody's. */
import { idCheckChar, isValidUscc } from '../../lib/scan/checksums';

export function residentId(region: string, birth: string, seq: string): string {
  const first17 = region + birth + seq;
  return first17 + idCheckChar(first17);
}

export const IDS = [
  residentId('640221', '19580312', '021'),
  residentId('640221', '19630705', '044'),
  residentId('640202', '19711120', '013'),
  residentId('110105', '19900307', '123'),
];

export const masked = (id: string) => `${id.slice(0, 6)}********${id.slice(14)}`;

/** An organisation's unified social credit code with a valid check character (must stay quiet). */
export function orgUscc(body17: string): string {
  for (const c of '0123456789ABCDEFGHJKLMNPQRTUWXY') if (isValidUscc(body17 + c)) return body17 + c;
  throw new Error(`no check character for ${body17}`);
}

export const ORG_CODES = [orgUscc('91640221MA76XK3P1'), orgUscc('12640221455712345'), orgUscc('11640221010203040')];
