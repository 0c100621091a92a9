/** The parts of untyped libraries Precheck uses. */
declare module 'mammoth' {
  export interface MammothNode {
    type: string;
    children?: MammothNode[];
    value?: string;
    body?: MammothNode[];
    altText?: string;
    noteType?: string;
    noteId?: string;
  }
  export interface MammothDocument extends MammothNode {
    comments: MammothNode[];
    notes: { resolve(ref: MammothNode): MammothNode | null };
  }
  export function convertToHtml(
    input: { arrayBuffer?: ArrayBuffer; buffer?: Uint8Array },
    options?: { transformDocument?: (doc: MammothDocument) => MammothDocument },
  ): Promise<{ value: string; messages: unknown[] }>;
  const mammoth: { convertToHtml: typeof convertToHtml };
  export default mammoth;
}

declare module 'word-extractor/lib/word-ole-extractor.js' {
  export interface WordDocument {
    getBody(): string;
    getFootnotes(): string;
    getEndnotes(): string;
    getHeaders(opts?: { includeFooters?: boolean }): string;
    getFooters(): string;
    getAnnotations(): string;
    getTextboxes(opts?: { includeHeadersAndFooters?: boolean; includeBody?: boolean }): string;
  }
  export default class WordOleExtractor {
    extract(reader: unknown): Promise<WordDocument>;
    extractWordDocument(document: unknown, buffer: Uint8Array): Promise<WordDocument>;
    documentStream(document: unknown, streamName: string): Promise<unknown>;
    streamBuffer(stream: unknown): Promise<Uint8Array>;
  }
}

declare module '@e965/xlsx/dist/cpexcel.full.mjs';

