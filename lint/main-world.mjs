/**
 * The modules that run in the page's MAIN world (the page guard's bundle, found by esbuild as the
 * build finds them), and what they may not do there. A page script can replace any built-in the
 * guard calls after document_start — an array iterator's next, String.prototype.indexOf, RegExp's
 * exec, Promise's then, the global String — and did, to get the ID past the gate (the tenth probe,
 * test/e2e/gate-built-ins.e2e.test.ts). Code there decides through lib/realm/intrinsics.ts and
 * lib/intercept/main/natives.ts; what runs only while the guard installs itself (document_start,
 * before any page script) says so with an eslint-disable comment and its reason.
 */
import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Bundled into the MAIN world but trusted by design: the editor bridge reads the page's own editor
 * objects for the gate (what the editor holds is the page's word in any case).
 */
const TRUSTED = [/^lib\/editors\//, /^lib\/fix\//, /^lib\/scan\/mask\.ts$/, /^lib\/intercept\/channel-protocol\.ts$/];

/** The repository's own modules in the page guard's bundle. */
export function mainWorldFiles() {
  const { metafile } = buildSync({
    absWorkingDir: ROOT,
    entryPoints: ['entrypoints/page-guard.content.ts'],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    logLevel: 'silent',
    alias: { '@': '.' },
    external: ['wxt/*'],
  });
  return Object.keys(metafile.inputs).filter((f) => f.startsWith('lib/') && !TRUSTED.some((t) => t.test(f)));
}

const METHODS = [
  // arrays and strings
  'push', 'pop', 'shift', 'unshift', 'map', 'filter', 'some', 'every', 'find', 'findIndex', 'forEach', 'join', 'reduce',
  'flatMap', 'flat', 'includes', 'indexOf', 'lastIndexOf', 'slice', 'splice', 'concat', 'fill', 'split', 'replace',
  'replaceAll', 'match', 'matchAll', 'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'startsWith', 'endsWith',
  'charCodeAt', 'codePointAt', 'padStart', 'padEnd', 'subarray',
  // regular expressions and promises
  'test', 'exec', 'then', 'catch', 'finally',
];

export const mainWorldRules = {
  'no-restricted-syntax': [
    'error',
    { selector: 'ForOfStatement', message: 'MAIN world: for..of asks the iterator, which a page can replace; use an index loop (lib/realm/intrinsics.ts).' },
    { selector: 'ArrayExpression > SpreadElement, CallExpression > SpreadElement, NewExpression > SpreadElement', message: 'MAIN world: spread asks the iterator, which a page can replace; use addAll or apply with a list.' },
    { selector: 'ArrayPattern', message: 'MAIN world: array destructuring asks the iterator, which a page can replace; read by index.' },
    { selector: `CallExpression[callee.type='MemberExpression'][callee.property.name=/^(${METHODS.join('|')})$/]`, message: 'MAIN world: a built-in method a page can replace; use the kept one (lib/realm/intrinsics.ts).' },
    { selector: 'CallExpression[callee.name=/^(String|Number|parseInt|parseFloat|decodeURIComponent|encodeURIComponent|isNaN|isFinite)$/]', message: 'MAIN world: a global the page can replace; use the kept one (toText, toInteger, decodeUri …).' },
    { selector: 'NewExpression[callee.name=/^(Set|Map|WeakMap|WeakSet|Promise|RegExp|Proxy)$/]', message: 'MAIN world: a constructor the page can replace, with methods it can replace; use keptSet, keptMap, sealedPromise.' },
    { selector: "BinaryExpression[operator='in']", message: "MAIN world: 'in' finds what a page put on Object.prototype; use hasOwn." },
    { selector: "BinaryExpression[operator='instanceof']", message: 'MAIN world: instanceof asks a constructor the page can replace; ask the platform (natives.ts).' },
  ],
};
