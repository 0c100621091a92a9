import type { Finding, FindingLocation, Localized } from '../scan/types';

/** The formats Precheck reads, named by what the bytes are (a WPS .et holding BIFF8 is 'xls'). */
export type AttachmentFormat = 'xlsx' | 'xls' | 'csv' | 'docx' | 'doc' | 'pdf' | 'txt';

/**
 * One piece of text a reader of the published file can reach, and where it stands. A reader with
 * hundreds of thousands of cells gives a function instead, called as the segment's method (a cell's
 * segment keeps its row and column): only segments with a finding are located.
 */
export interface TextSegment {
  text: string;
  location: FindingLocation | (() => FindingLocation);
}

/**
 * A segment as a reader found it, in reading order. `separator` is what stands between it and the
 * next in the scanned text ('\t' between cells of one row, '\n' otherwise), so the rules see a
 * sheet's rows as table lines. `number` is a spreadsheet cell's value when the cell holds a number
 * (its text is then what the cell shows, or every digit when the number is exact).
 */
export interface ExtractedSegment extends TextSegment {
  separator?: '\t' | '\n';
  number?: number;
}

export interface Extracted {
  format: AttachmentFormat;
  segments: ExtractedSegment[];
}

/** Why a file was not scanned; never confused with clean. */
export type NotScannedStatus =
  /** Encrypted, corrupt, or a parser failure: its content is unknown. */
  | 'unreadable'
  /** A format no reader here handles (e.g. a WPS file in Kingsoft's own format). */
  | 'unsupported'
  /** Larger than the policy's attachments.maxMB: not opened at all. */
  | 'too-large';

/** Why an unreadable file could not be read, when the reader knows: a reviewer may confirm such a file unchecked. */
export type UnreadableCause = 'encrypted' | 'corrupt';

export class AttachmentError extends Error {
  constructor(
    readonly status: NotScannedStatus,
    readonly reason: Localized,
    readonly unreadable?: UnreadableCause,
  ) {
    super(reason.en);
  }
}

export type AttachmentResult =
  | { file: string; size: number; status: 'scanned'; format: AttachmentFormat; findings: Finding[] }
  | { file: string; size: number; status: NotScannedStatus; reason: Localized; cause?: UnreadableCause; findings: [] };
