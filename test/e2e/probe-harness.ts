/**
 * The probes' cases and assertions over any browser (Chromium's suites through probe-page.ts,
 * Firefox's in test/e2e-firefox/gate-firefox-probe.e2e.test.ts): a case is page script run on the
 * guarded routes page and on the same page on a control host Precheck does not cover; what arrived
 * carrying the ID at each host's recording server and raw recorder is what is asserted.
 */
import { expect } from 'vitest';
import type { PageDriver } from '../../lib/demo/page-driver.ts';
import type { CmsServer } from '../../lib/demo/server.ts';
import { ID, openRoutes, ownDraft, writeDraft } from './gate-drive.ts';
import type { RawRecorder } from './raw-recorder.ts';

export interface ProbePage {
  /** `code` run on the guarded page: what carrying the ID arrived, how many requests arrived at all, and what the page saw. */
  onGuarded: (code: string) => Promise<{ carried: string[]; arrived: number; paths: string[]; outcome: string }>;
  /** `code` run on the control host, where Precheck does not run: what carrying the ID arrived, how many requests arrived at all, and what the page saw. */
  onControl: (code: string, draft: number) => Promise<{ carried: string[]; arrived: number; outcome: string }>;
  /** A request that is judged but clean must still arrive, and nothing carrying the ID. */
  expectCleanArrives: (code: string, act?: Act) => Promise<void>;
  /** Delivered without Precheck (the test can fail), nothing carrying the ID with it; the page's outcome is returned. */
  expectDeliveredOnlyWithout: (code: string, draft?: number, act?: Act) => Promise<string>;
  /**
   * For text the recorder cannot name (the draft without its ID): some request arrives without Precheck, none with it.
   * `act`: what a person does once the code has run (a click), on each side's tab.
   */
  expectArrivesOnlyWithout: (code: string, draft: number, act?: Act) => Promise<void>;
}

/** A person's action on a tab after a case's code has set the page up: the browser dispatches it (trusted). */
export type Act = (driver: PageDriver) => Promise<void>;

/** One host of a probe: a tab on it, its recording server and its raw recorder. */
export interface ProbeSide {
  driver: PageDriver;
  server: CmsServer;
  raw: RawRecorder;
}

export interface ProbeOptions {
  /** The page script a case's code runs as (probe-page.ts' pageScript, or a browser's wrapping of it). */
  script: (code: string, raw: RawRecorder) => string;
  /** How long requests a case started are given to arrive. */
  settleMs?: number;
  /** Run after each case on both hosts (Firefox closes the tabs a case opened). */
  after?: () => Promise<void>;
}

/**
 * The routes page of one host with `draft` in its editor: on the guarded host written as an editor
 * types it (Precheck scans it), on the control host set through the page's own hook.
 */
export async function openSide(on: ProbeSide, guarded: boolean, draft: string): Promise<void> {
  if (guarded) {
    await openRoutes(on.driver, on.server);
    await writeDraft(on.driver, draft);
    return;
  }
  await on.driver.goto(`${on.server.url}/routes/index.html`);
  await on.driver.waitFor(`window.__routes && window.__routes.ready === true && document.readyState === 'complete'`, { timeout: 20_000 });
  await on.driver.evaluate(`window.__routes.setContent(${JSON.stringify(draft)})`);
}

/** What reached a recording server or its raw recorder carrying the ID since the marks. */
function carrying(on: ProbeSide, since: number, t0: number): string[] {
  return [...on.server.carrying(ID, { since }).map((r) => `${r.method} ${r.url}`), ...on.raw.carrying(ID, t0)];
}

/** How much longer than the settle the control side is given to deliver. */
const CONTROL_GRACE_MS = 6_000;

/** `sides()`: the two hosts, once the suite's beforeAll has made them. */
export function probeHarness(sides: () => { guarded: ProbeSide; control: ProbeSide }, options: ProbeOptions): ProbePage {
  const settle = () => new Promise((r) => setTimeout(r, options.settleMs ?? 1_500));
  const run = (on: ProbeSide, code: string) => on.driver.evaluate<string>(options.script(code, on.raw)).catch((e: unknown) => `evaluate: ${String(e)}`);
  const sunk = (on: ProbeSide, since: number) => on.server.requests({ since }).filter((r) => r.path.startsWith('/sink/ro/'));

  const onGuarded = async (code: string, act?: Act) => {
    const on = sides().guarded;
    await openSide(on, true, ownDraft(81, true));
    const [since, t0] = [on.server.mark(), Date.now()];
    const outcome = await run(on, code);
    await act?.(on.driver);
    await settle();
    const arrived = sunk(on, since);
    return { carried: carrying(on, since, t0), arrived: arrived.length + on.raw.count(t0), paths: arrived.map((r) => r.url.slice(0, 80)), outcome };
  };
  const onControl = async (code: string, draft: number, act?: Act) => {
    const on = sides().control;
    await openSide(on, false, ownDraft(draft, true));
    const [since, t0] = [on.server.mark(), Date.now()];
    const outcome = await run(on, code);
    await act?.(on.driver);
    await settle();
    // the control must deliver: on a loaded machine a resource may come later than the settle (a CI run
    // saw Firefox's <tr background> image arrive after it), so it is waited for a while longer
    const nothingYet = () => carrying(on, since, t0).length === 0 && sunk(on, since).length + on.raw.count(t0) === 0;
    for (let waited = 0; nothingYet() && waited < CONTROL_GRACE_MS; waited += 250) await new Promise((r) => setTimeout(r, 250));
    return { carried: carrying(on, since, t0), arrived: sunk(on, since).length + on.raw.count(t0), outcome };
  };
  const both = async (code: string, draft: number, act?: Act) => {
    const [without, guarded] = await Promise.all([onControl(code, draft, act), onGuarded(code, act)]);
    await options.after?.();
    return { without, guarded };
  };
  return {
    onGuarded,
    onControl,
    expectCleanArrives: async (code, act) => {
      const guarded = await onGuarded(code, act);
      await options.after?.();
      expect(guarded.carried, guarded.outcome).toEqual([]);
      expect(guarded.arrived, guarded.outcome).toBeGreaterThan(0);
    },
    expectDeliveredOnlyWithout: async (code, draft = 81, act) => {
      const { without, guarded } = await both(code, draft, act);
      expect(without.carried.length, `control: ${without.outcome}`).toBeGreaterThan(0);
      expect(guarded.carried, guarded.outcome).toEqual([]);
      return guarded.outcome;
    },
    expectArrivesOnlyWithout: async (code, draft, act) => {
      const { without, guarded } = await both(code, draft, act);
      expect(without.arrived, `control: ${without.outcome}`).toBeGreaterThan(0);
      expect(guarded.arrived, `${guarded.outcome}: ${guarded.paths.join(' ')}`).toBe(0);
    },
  };
}
