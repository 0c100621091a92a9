/**
 * Prints a PIN record for a managed policy, so IT can add a reviewer without the options page.
 * The PIN is read from standard input (not the command line, which lands in shell history):
 *
 *   npx tsx lib/policy/hash-pin-cli.ts          then type the PIN and press Enter
 */
import { createInterface } from 'node:readline/promises';
import { hashPin, PinFormatError } from './pin';

const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
process.stderr.write('PIN (4–12 digits): ');
const pin = (await rl.question('')).trim();
rl.close();
try {
  process.stdout.write(`${JSON.stringify(await hashPin(pin), null, 2)}\n`);
} catch (error) {
  if (!(error instanceof PinFormatError)) throw error;
  process.stderr.write(`${error.problem.zh} / ${error.problem.en}\n`);
  process.exitCode = 2;
}
