/**
 * The bench's peer for whole-process runs: reads the files under the given directories and finds
 * phone numbers in each with libphonenumber-js, as `precheck scan` reads and scans them. Plain
 * JavaScript, so it starts as plain Node, as the prebuilt CLI does.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findPhoneNumbersInText } from 'libphonenumber-js';

function* files(path) {
  if (!statSync(path).isDirectory()) return yield path;
  for (const name of readdirSync(path).sort()) yield* files(join(path, name));
}

let found = 0;
for (const arg of process.argv.slice(2)) for (const file of files(arg)) found += findPhoneNumbersInText(readFileSync(file, 'utf8'), 'CN').length;
process.stdout.write(`${found}\n`);
