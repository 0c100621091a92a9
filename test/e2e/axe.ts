/**
 * An accessibility check with axe-core (the npm package, not a download) in a real page or frame:
 * the popup, the options page, and (later) the in-page panel and checklist. axe is evaluated in the
 * page over the DevTools protocol, which the extension pages' CSP (script-src 'self') does not stop,
 * where a <script> tag would be refused.
 *
 *   const found = await runAxe(page);                          // the whole page
 *   const found = await runAxe(page, { include: ['#audit'] }); // one part
 *   expect(serious(found), describeViolations(serious(found))).toEqual([]);
 *
 * For a shadow root (the panel), pass `{ include: [{ fromShadowDom: ['precheck-panel', 'section'] }] }`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export type Impact = 'minor' | 'moderate' | 'serious' | 'critical';

export interface AxeViolation {
  id: string;
  impact: Impact | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; html: string; failureSummary?: string }[];
}

export interface AxeOptions {
  /** axe's context: what to check (selectors, or { fromShadowDom } chains); default the whole document. */
  include?: unknown[];
  exclude?: unknown[];
  /** Rule tags to run; default WCAG 2.0/2.1/2.2 A and AA plus axe's best practices. */
  tags?: string[];
}

const DEFAULT_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Runs axe in the page (or frame) and returns its violations. */
export async function runAxe(target: Page | Frame, options: AxeOptions = {}): Promise<AxeViolation[]> {
  if (!(await target.evaluate('typeof window.axe === "object"'))) await target.evaluate(AXE_SOURCE);
  const context = { include: options.include ?? [['html']], ...(options.exclude && { exclude: options.exclude }) };
  const run = { runOnly: { type: 'tag', values: options.tags ?? DEFAULT_TAGS }, resultTypes: ['violations'] };
  // A string, not a function: the test transform may wrap functions in helpers the page lacks.
  return target.evaluate<AxeViolation[]>(`(async () => {
    const result = await window.axe.run(${JSON.stringify(context)}, ${JSON.stringify(run)});
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }));
  })()`);
}

/** The violations that block someone from using the page: impact serious or critical. */
export function serious(violations: readonly AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** One line per violation and node, for an assertion message a developer can act on. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .flatMap((v) => v.nodes.map((n) => `${v.impact ?? '?'} ${v.id}: ${v.help} — ${JSON.stringify(n.target)} ${n.html.slice(0, 120)}`))
    .join('\n');
}
