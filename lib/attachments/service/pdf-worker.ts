// pdf.js's own worker, started by the attachment worker for PDFs (readers/pdf.ts usePdfWorker).
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';
