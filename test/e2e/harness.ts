// The page-driving helpers live with the demo that shares them (lib/demo/drive.ts).
export * from '../../lib/demo/drive.ts';
