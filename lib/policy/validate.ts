/**
 * The one way a policy gets in: migrate, validate, and either accept it whole or list every problem.
 * "Bad input never wins": a caller holding a policy keeps it unless the candidate is valid.
 */
import { migrateToCurrent } from './migrate';
import { problemAt, toProblems, type Problem } from './problems';
import { policySchema, POLICY_VERSION, type Policy } from './schema';

export type { Problem } from './problems';

export type ParseResult = { ok: true; policy: Policy; migratedFrom?: number } | { ok: false; problems: Problem[] };

export function parsePolicy(input: unknown): ParseResult {
  const migrated = migrateToCurrent(input);
  if (!migrated.ok) return migrated;
  const parsed = policySchema.safeParse(migrated.value);
  if (!parsed.success) return { ok: false, problems: toProblems(parsed.error.issues, migrated.value) };
  return migrated.from === POLICY_VERSION ? { ok: true, policy: parsed.data } : { ok: true, policy: parsed.data, migratedFrom: migrated.from };
}

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

/**
 * Where JSON.parse gave up, from its message (V8 says "at position N" or "(line L column C)",
 * Firefox "at line L column C"). The message itself is not shown: V8 quotes the input, which may be
 * a PIN hash.
 */
function jsonErrorPlace(text: string, error: unknown): { line: number; column: number } | null {
  const message = error instanceof Error ? error.message : '';
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message);
  if (pos) return lineColumn(text, Number(pos[1]));
  return null;
}

/** For imported policy files. A byte-order mark (Windows Notepad writes one) is not an error. */
export function parsePolicyJson(text: string): ParseResult {
  const body = text.replace(/^\uFEFF/, '');
  let input: unknown;
  try {
    input = JSON.parse(body);
  } catch (error) {
    const place = jsonErrorPlace(body, error);
    const zh = place ? `不是有效的 JSON（第 ${place.line} 行第 ${place.column} 列附近）` : '不是有效的 JSON';
    const en = place ? `is not valid JSON (near line ${place.line}, column ${place.column})` : 'is not valid JSON';
    return { ok: false, problems: [problemAt([], { zh, en })] };
  }
  return parsePolicy(input);
}

export interface Applied {
  /** The candidate when it was accepted, otherwise `current`, unchanged. */
  policy: Policy;
  accepted: boolean;
  problems: Problem[];
  migratedFrom?: number;
}

export function applyCandidate(current: Policy, input: unknown): Applied {
  const result = parsePolicy(input);
  if (!result.ok) return { policy: current, accepted: false, problems: result.problems };
  const applied: Applied = { policy: result.policy, accepted: true, problems: [] };
  if (result.migratedFrom !== undefined) applied.migratedFrom = result.migratedFrom;
  return applied;
}
