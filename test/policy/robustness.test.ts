/** Whatever arrives (a corrupt storage entry, a hand-edited file), validation answers; it never throws. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeManaged } from '../../lib/policy/managed';
import { parsePolicy, parsePolicyJson } from '../../lib/policy/validate';
import { fullPolicy } from './helpers';

type Json = Record<string, unknown> | unknown[];

/** Every path to a value inside a JSON tree. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v: unknown, i) => paths(v, [...prefix, i]))];
  if (typeof value === 'object' && value !== null) return [prefix, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))];
  return [prefix];
}

function setAt(root: Json, path: (string | number)[], value: unknown): void {
  let cur = root as Record<string | number, unknown>;
  for (const s of path.slice(0, -1)) cur = cur[s] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (last !== undefined) cur[last] = value;
}

const ALL_PATHS = paths(fullPolicy()).filter((p) => p.length > 0);

describe('validation never throws', () => {
  it('on arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = parsePolicy(input);
        expect(result.ok || result.problems.length > 0).toBe(true);
        mergeManaged(fullPolicy(), input);
      }),
    );
  });

  it('on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (text) => void parsePolicyJson(text)));
  });

  it('on a valid policy with one value replaced; every rejection names at least one path', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL_PATHS), fc.jsonValue(), (path, value) => {
        const p = structuredClone(fullPolicy()) as unknown as Json;
        setAt(p, path, value);
        const result = parsePolicy(p);
        if (!result.ok) {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const problem of result.problems) expect(problem.zh).toMatch(/[\u4e00-\u9fff]/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
