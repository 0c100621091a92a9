/**
 * The gate's route walk, shared by the Chromium suite (gate-routes.e2e.test.ts) and the Firefox one
 * (test/e2e-firefox/gate-routes.e2e.test.ts): one route case (gate-route-cases.ts) sent from the
 * route page with a draft holding an ID (refused), or with a clean draft through a sign-off (exactly
 * one passes). The browser comes in as a DriveTarget and a way to close the windows a route opened,
 * so both suites judge every route by the same rules and print the same table.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { checklistOpen, closeChecklist, pressChecklistPublish, waitForChecklist, waitForChecklistMessage } from '../../lib/demo/checklist-drive.ts';
import { demoPerson } from '../../lib/demo/demo-policy.ts';
import { driverOf, type DriveTarget } from '../../lib/demo/playwright-driver.ts';
import type { CmsServer } from '../../lib/demo/server.ts';
import { PROJECT_ROOT } from './extension-helpers.ts';
import { blockedShown, ID, openRoutes, ownDraft, refusalListed, runRoute, setExtra, signOff, writeDraft, type Outcome, type RouteEditor } from './gate-drive.ts';
import { replayedByChecklist, type RouteCase } from './gate-route-cases.ts';

/** how long a refused route is watched for a request that should not come */
export const SETTLE_MS = 500;
const lisi = demoPerson('lisi');
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface Row {
  label: string;
  route: string;
  control?: string;
  withId?: string;
  signedOff?: string;
  edited?: string;
  repeated?: string;
}
export type Column = Exclude<keyof Row, 'label' | 'route'>;

/**
 * A share of the route cases, so the table can be walked by two processes side by side (CI's two
 * browser streams, test/e2e-both.sh): PRECHECK_ROUTE_SHARD=`0/3` takes the cases whose index modulo 3
 * is 0, `1,2/3` the others. The tests that are not route cases run in the share that holds 0.
 */
export interface RouteShard {
  /** part of a file name: shard-1-2-of-3 */
  name: string;
  has(index: number): boolean;
  /** this share runs the tests that are not route cases */
  rest: boolean;
}

export function routeShard(spec = process.env.PRECHECK_ROUTE_SHARD): RouteShard | null {
  if (!spec) return null;
  const m = /^(\d+(?:,\d+)*)\/(\d+)$/.exec(spec);
  const of = Number(m?.[2]);
  const take = new Set((m?.[1] ?? '').split(',').map(Number));
  if (!m || of < 1 || [...take].some((t) => t >= of)) throw new Error(`PRECHECK_ROUTE_SHARD must look like 0/3 or 1,2/3: ${spec}`);
  return { name: `shard-${[...take].join('-')}-of-${of}`, has: (i) => take.has(i % of), rest: take.has(0) };
}

interface StoredRow extends Row {
  id: string;
  order: number;
}

/**
 * The suite's route table: one row per case, written to test-output/<name>.{json,md} and printed.
 * A shard writes its rows to <name>.<shard>.json, and the table from every shard's rows on disk
 * (test/e2e-both.sh removes the last run's first).
 */
export function routeNotes(name: string, order: (id: string) => number = () => 0, shard = routeShard()) {
  const table = new Map<string, Row>();
  const dir = path.join(PROJECT_ROOT, 'test-output');
  const stored = (): StoredRow[] => [...table].map(([id, row]) => ({ ...row, id, order: order(id) }));
  const onDisk = (): StoredRow[] =>
    readdirSync(dir)
      .filter((f) => f.startsWith(`${name}.shard-`) && f.endsWith('.json'))
      .flatMap((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as StoredRow[]);
  return {
    note: (c: { id: string; label: string; route?: string }, key: Column, value: string): void => {
      const row = table.get(c.id) ?? { label: c.label, route: c.route ?? '' };
      row[key] = value;
      table.set(c.id, row);
    },
    write: (): void => {
      if (table.size === 0) return;
      mkdirSync(dir, { recursive: true });
      if (shard) writeFileSync(path.join(dir, `${name}.${shard.name}.json`), JSON.stringify(stored(), null, 2));
      // a stable sort: rows of one order keep the order they were noted in
      const rows = (shard ? onDisk() : stored()).sort((a, b) => a.order - b.order);
      writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(rows, null, 2));
      const cell = (s?: string) => (s ?? '—').replace(/\|/g, '\\|');
      const md = [
        '| route | gate route | without Precheck | draft with an ID | signed off | edited after sign-off | repeated |',
        '|---|---|---|---|---|---|---|',
        ...rows.map((r) => `| ${cell(r.label)} | ${cell(r.route)} | ${cell(r.control)} | ${cell(r.withId)} | ${cell(r.signedOff)} | ${cell(r.edited)} | ${cell(r.repeated)} |`),
      ].join('\n');
      writeFileSync(path.join(dir, `${name}.md`), `${md}\n`);
      console.log(`\n${md}\n`);
    },
  };
}

/** What a walk needs of its suite: the tab, the recording server, the table. */
export interface GateWalk {
  tab: DriveTarget;
  server: CmsServer;
  /** closes any window a route opened (target=_blank, window.open), keeping the test's tab */
  closeOthers(): Promise<void>;
  note: ReturnType<typeof routeNotes>['note'];
}

const EDITOR_NAMES: Record<RouteEditor, string> = { textarea: '', tinymce: 'TinyMCE', ueditor: 'UEditor' };
/** Table rows: the textarea page's results, and the same routes again in a real editor. */
export const rowOf = (c: RouteCase, editor: RouteEditor) => (editor === 'textarea' ? c : { ...c, id: `${c.id}@${editor}`, label: `${c.label} — ${EDITOR_NAMES[editor]}` });
const asHtml = (editor: RouteEditor, text: string) => (editor === 'textarea' ? text : `<p>${text}</p>`);
let drafts = 10;
/** A clean draft no earlier test signed (sign-offs are kept per draft). */
export const nextDraft = () => ownDraft(drafts++);

export const describeOutcome = (o: Outcome) => (typeof o === 'string' ? o : o.ok ? `ok (${o.note ?? ''})` : `error: ${o.error ?? ''}`);

/** Runs the route; a driver call that fails (the page left under it) is a problem, not a crash. */
async function tryRoute(w: GateWalk, c: RouteCase, problems: string[]): Promise<Outcome> {
  try {
    return await runRoute(w.tab, c);
  } catch (error) {
    problems.push(`the route's run failed in the driver (${String(error).slice(0, 80)})`);
    return 'CLICKED';
  }
}

/** A draft holding an ID, sent by `c` from the route page with `editor`: nothing carrying the ID arrives. */
export async function refusesWithId(w: GateWalk, c: RouteCase, editor: RouteEditor): Promise<void> {
  const { tab, server } = w;
  const driver = driverOf(tab);
  await openRoutes(tab, server, editor);
  await writeDraft(tab, asHtml(editor, ownDraft(1, true)));
  const home = driver.url();
  const since = server.mark();
  const problems: string[] = [];
  const outcome = await tryRoute(w, c, problems);
  await sleep(SETTLE_MS);
  const leaked = server.carrying(ID, { since });
  if (leaked.length > 0) problems.push(`LEAK: ${leaked.map((r) => `${r.method} ${r.path}`).join(', ')}`);
  if (outcome === 'HUNG') problems.push('the page hung');
  if (c.refusal === 'error' && !c.earlyStop && (typeof outcome === 'string' || outcome.ok)) problems.push(`the page's error path did not run (${describeOutcome(outcome)})`);
  if (driver.url() !== home) problems.push(`the page navigated to ${driver.url()}`);
  let shown: string;
  if (c.earlyStop) {
    if (outcome !== 'NO-HANDLER') problems.push(`the page's handler ran (${describeOutcome(outcome)})`);
    await waitForChecklist(tab).catch(() => problems.push('the checklist did not open'));
    shown = (await blockedShown(tab)) ? 'stopped before the page’s handler; checklist opens' : 'stopped (panel silent)';
  } else {
    const unlisted = c.opaqueFrame || c.refusedOutright || c.personalNumberRule;
    const listed = !unlisted && (await refusalListed(tab, c.route, c.shownAs ?? String(c.path)));
    if (!listed && !unlisted) problems.push('the panel does not list the refusal with its route');
    shown = `refused${c.refusal === 'error' && typeof outcome !== 'string' ? ` (page: ${outcome.error?.slice(0, 40) ?? ''})` : ' (does not happen)'}`;
    if (c.opaqueFrame) shown += '; not listed in the page’s panel';
    if (c.refusedOutright) shown += '; refused outright (any text, signed or not), not listed in the panel';
    if (c.scriptUrl) shown += '; signed, refused too (the browser’s script-URL rule)';
    if (c.personalNumberRule) shown = 'refused by the browser’s navigation-URL rule (the ID’s shape, signed or not), not listed in the panel; text without a personal number is not refused';
  }
  const arrived = server.requests({ path: c.path, since });
  // a submission into another window or a frame cannot be cancelled where it is judged: it leaves empty
  const where = c.passes === 'new-window' ? 'the new window' : c.route === 'form' ? 'the frame' : (c.shownAs ?? String(c.path));
  if (c.passes !== 'navigates' && arrived.length > 0) shown += `; ${arrived.length} empty request(s) to ${where}`;
  await w.closeOthers();
  w.note(rowOf(c, editor), 'withId', problems.length ? problems.join('; ') : shown);
  expect(problems).toEqual([]);
}

/**
 * A clean draft sent by `c`: refused until signed off; after the sign-off one submission with the
 * signed content arrives, an edited one and a repeated one do not.
 */
export async function releasesOnce(w: GateWalk, c: RouteCase, editor: RouteEditor): Promise<void> {
  const { tab, server } = w;
  const row = rowOf(c, editor);
  // before the sign-off: refused (the checklist opens)
  const { mark, arrived, outcome: first } = await sendUnsigned(w, c, editor, 300);
  expect(arrived, `${c.id}: unsigned draft arrived (${describeOutcome(first)})`).toEqual([]);
  // a window the route opened holds the focus in Firefox: the reviewer's name and PIN were typed into it
  await w.closeOthers();

  // 发布 in the checklist runs a stopped click or submission again; a publish started by the page's
  // own script is left to the page (the checklist says so), so the script sends it again. Either way
  // the first submission after the sign-off is edited on its way out: it must not match the signature.
  await signOff(tab, lisi);
  const replays = replayedByChecklist(c);
  if (c.sealed) await sealedReleased(w, c, row, replays);
  else await editedRefused(w, c, row, mark, replays);
  await sendsSignedOnce(w, c, row, mark, replays);
  if (c.passes === 'navigates') {
    w.note(row, 'repeated', 'n/a (the page left with it)');
    return;
  }
  await w.closeOthers();
  await closeChecklist(tab).catch(() => undefined);
  const since = server.mark();
  const again = await runRoute(tab, c);
  await sleep(SETTLE_MS);
  const repeated = server.carrying(mark, { since });
  w.note(row, 'repeated', repeated.length === 0 ? 'refused' : `PASSED (${repeated.length})`);
  await w.closeOthers();
  expect(repeated, `${c.id}: a second submission passed (${describeOutcome(again)})`).toEqual([]);
}

/** A clean draft no test signed, written with `editor` and sent by `c`: what carrying it arrived within `settle` ms. */
async function sendUnsigned(w: GateWalk, c: RouteCase, editor: RouteEditor, settle: number): Promise<{ mark: string; arrived: unknown[]; outcome: Outcome }> {
  const draft = nextDraft();
  const mark = draft.slice(-8);
  await openRoutes(w.tab, w.server, editor);
  await writeDraft(w.tab, asHtml(editor, draft));
  const since = w.server.mark();
  const outcome = await runRoute(w.tab, c);
  await sleep(settle);
  return { mark, arrived: w.server.carrying(mark, { since }), outcome };
}

/**
 * A clean draft sent by `c`, not signed off: nothing carrying it arrives. For the routes whose signed
 * release a browser does not take (in Firefox a fresh frame or a blank window asks the page's gate
 * through its relay without the relay key, README): the hold itself is what is walked there.
 */
export async function refusesUnsigned(w: GateWalk, c: RouteCase, signed: string): Promise<void> {
  const { arrived, outcome } = await sendUnsigned(w, c, 'textarea', SETTLE_MS);
  w.note(c, 'signedOff', arrived.length === 0 ? `unsigned: refused; ${signed}` : `UNSIGNED PASSED (${arrived.length})`);
  await w.closeOthers();
  expect(arrived, `${c.id}: the unsigned draft arrived (${describeOutcome(outcome)})`).toEqual([]);
}

/**
 * Ciphertext cannot be compared with what was signed: the edited step is not walked, only the release
 * taken (发布 in the checklist issues it; a script's publish is then sent again by the script).
 */
async function sealedReleased(w: GateWalk, c: RouteCase, row: { id: string; label: string; route: string }, replays: boolean): Promise<void> {
  w.note(row, 'edited', 'not compared: ciphertext (the sign-off lets one such request out)');
  if (replays) return;
  await pressChecklistPublish(w.tab);
  await waitForChecklistMessage(w.tab);
}

/** After the sign-off, the first submission is edited on its way out: it must not pass. */
async function editedRefused(w: GateWalk, c: RouteCase, row: { id: string; label: string; route: string }, mark: string, replays: boolean): Promise<void> {
  const { tab, server } = w;
  await setExtra(tab, '（发布时另加的一句话）');
  const since = server.mark();
  await pressChecklistPublish(tab);
  if (!replays) {
    await waitForChecklistMessage(tab);
    await runRoute(tab, c);
  }
  await sleep(SETTLE_MS);
  const editedArrived = server.carrying(mark, { since });
  w.note(row, 'edited', editedArrived.length === 0 ? 'refused' : `PASSED (${editedArrived.length})`);
  expect(editedArrived, `${c.id}: an edited payload passed`).toEqual([]);
}

/** The signed content, sent again the same way (by 发布 where the checklist replays it): exactly one arrives. */
async function sendsSignedOnce(w: GateWalk, c: RouteCase, row: { id: string; label: string; route: string }, mark: string, replays: boolean): Promise<void> {
  const { tab, server } = w;
  await setExtra(tab, '');
  await w.closeOthers();
  const since = server.mark();
  let resent = false;
  if (replays && (await checklistOpen(tab).catch(() => false))) {
    await pressChecklistPublish(tab).catch(() => undefined);
    resent = await server.waitForRequests({ path: c.path, since }, { timeout: 3_000 }).then(() => true, () => false);
  }
  if (!resent) {
    await closeChecklist(tab).catch(() => undefined);
    await runRoute(tab, c);
    // a control labelled as a publish opens the checklist again (still signed: same draft) instead
    if (c.earlyStop) await pressChecklistPublish(tab);
  }
  const passed = await server.waitForRequests({ path: c.path, since }, { timeout: 8_000 }).catch(() => []);
  await sleep(SETTLE_MS);
  const withContent = server.carrying(mark, { since });
  w.note(row, 'signedOff', withContent.length === 1 ? 'exactly one passes, with the signed content' : `${withContent.length} arrived (${passed.length} to ${c.path})`);
  expect(withContent, `${c.id}: arrivals with the signed content`).toHaveLength(1);
  expect(server.carrying(ID, { since })).toEqual([]);
}
