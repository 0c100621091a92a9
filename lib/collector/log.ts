/**
 * The collector's output: service lines and command results on standard output. Nothing a record
 * carries is ever written here — only counts, unit names and the start of an installation id.
 */
let sink = (line: string): void => void process.stdout.write(`${line}\n`);

export function say(...lines: string[]): void {
  for (const line of lines) sink(line);
}

/** The bench's own table is the output; the per-batch lines would drown it. */
export function quiet(): void {
  sink = () => undefined;
}
