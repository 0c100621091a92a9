import { PACKED_REGION_CODES } from './region-codes';

let codes: Set<string> | undefined;
let provinces: Set<string> | undefined;

// Unpacked on first use so that a page without digits never pays for it.
function load(): Set<string> {
  if (codes) return codes;
  codes = new Set();
  for (const group of PACKED_REGION_CODES.split(' ')) {
    const head = group.slice(0, 4);
    for (let i = 4; i < group.length; i += 2) codes.add(head + group.slice(i, i + 2));
  }
  provinces = new Set([...codes].map((c) => c.slice(0, 2)));
  return codes;
}

/** HK, Macau and Taiwan residents' residence permits use these in place of a mainland region. */
const PERMIT_REGIONS = new Set(['810000', '820000', '830000']);

/** A region code that existed at any time since 1981 (old IDs keep abolished codes). */
export function isKnownRegion(code: string): boolean {
  return load().has(code) || PERMIT_REGIONS.has(code);
}

export function isKnownProvince(twoDigits: string): boolean {
  load();
  return provinces!.has(twoDigits);
}
