import { lastAtOrBefore } from '../scan/bisect';
import { scan, type ScanOptions } from '../scan/engine';
import type { Finding, FindingLocation } from '../scan/types';
import { lostDigitsFinding } from './number-id';
import type { Extracted } from './types';

/** The scanned text of an extraction and where each segment starts in it. */
export interface JoinedText {
  text: string;
  starts: number[];
}

/**
 * One text for the whole file, so document-wide signals (a list of people, a 身份证号 header above a
 * column) work as they do for a draft: cells of a row joined by tabs, rows and parts by line breaks.
 */
export function joinSegments(extracted: Extracted): JoinedText {
  const segments = extracted.segments;
  const starts: number[] = new Array<number>(segments.length);
  // One growing string (V8 keeps it as a rope, flattened once by the scan): no array of 800,000 pieces.
  let text = '';
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    // A line break inside a cell or paragraph stays a line break: the rules never match across one.
    starts[i] = text.length;
    text += seg.text + (seg.separator ?? '\n');
  }
  return { text, starts };
}

/** Index of the segment holding offset `at` (the last start ≤ at). */
export function segmentAt(starts: readonly number[], at: number): number {
  return lastAtOrBefore(starts, at);
}

/**
 * Scans an extraction with the ordinary engine; each finding gets the location of the segment it
 * starts in, offsets being offsets into the joined text. Cells whose number lost digits (an ID typed
 * into a number cell) are reported over their segment's span.
 */
export function scanExtracted(extracted: Extracted, options: ScanOptions, file?: string): Finding[] {
  const joined = joinSegments(extracted);
  const at = (i: number): FindingLocation => {
    const seg = extracted.segments[i]!;
    // A reader's function builds a new location for each call (called on its segment, which may be
    // an object that keeps its place); a shared object is copied, not changed.
    const location = typeof seg.location === 'function' ? seg.location() : { ...seg.location };
    if (file) location.file = file;
    return location;
  };
  // The engine's findings are new objects: each gets its location set, not copied into another.
  const findings: Finding[] = scan(joined.text, options);
  for (const f of findings) f.location = at(segmentAt(joined.starts, f.start));
  extracted.segments.forEach((seg, i) => {
    const hit = lostDigitsFinding(seg, options.locale ?? 'zh');
    if (hit) findings.push({ ...hit, start: joined.starts[i]!, end: joined.starts[i]! + seg.text.length, location: at(i) });
  });
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}
