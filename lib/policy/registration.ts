/**
 * Keeps Precheck's content scripts registered for exactly the policy's origins that the user has
 * granted host access to (options page: 添加并授权 / 授权). Nothing is injected anywhere else: the
 * manifest asks for no <all_urls>, only optional http(s) host access requested per origin. An
 * administrator's managed `origins` still need that grant on each computer: Chrome has no policy
 * that grants optional host permissions (ExtensionSettings `runtime_allowed_hosts` only exempts
 * hosts from `runtime_blocked_hosts`; tested, permissions.contains stays false).
 *
 * Two scripts, like the manifest entries they replace: the isolated-world controller and the
 * MAIN-world page guard (document_start, before the page's own scripts). Both run in every frame,
 * and matchOriginAsFallback also takes the about:blank / about:srcdoc / blob: editor iframes, whose
 * URL does not match but whose origin does (registerContentScripts has no matchAboutBlank: the
 * fallback implies it).
 *
 * While an entry point is still declared in the manifest (no `registration: 'runtime'`), its file is
 * left out here, so a page never gets the same script twice.
 *
 * Firefox cannot match a port: there an origin like `http://10.12.3.4:8080/*` is granted and
 * registered as `http://10.12.3.4/*` (lib/policy/host-access.ts), and the content scripts stand down
 * on the host's other ports because getPolicyForPage answers `covered: false` there.
 */
import type { Browser } from 'wxt/browser';
import { accessPatterns, type BrowserKind } from './host-access';

export type RegisteredScript = Browser.scripting.RegisteredContentScript;

export const ISOLATED_SCRIPT_ID = 'precheck-isolated';
export const MAIN_SCRIPT_ID = 'precheck-main';
export const SCRIPT_IDS: readonly string[] = [ISOLATED_SCRIPT_ID, MAIN_SCRIPT_ID];

export const ISOLATED_FILE = 'content-scripts/content.js' as const;
export const MAIN_FILE = 'content-scripts/page-guard.js' as const;

/** The parts of browser.scripting / browser.permissions used here (the browser's own objects fit). */
export interface RegistrationApi {
  scripting: {
    getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<RegisteredScript[]>;
    registerContentScripts(scripts: RegisteredScript[]): Promise<void>;
    updateContentScripts(scripts: RegisteredScript[]): Promise<void>;
    unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>;
  };
  permissions: {
    contains(permissions: { origins?: string[] }): Promise<boolean>;
  };
  /** Script files the manifest already injects (from runtime.getManifest().content_scripts). */
  manifestScripts: readonly string[];
  /** Whose match patterns these are (Firefox drops ports); Chromium when left out. */
  browser?: BrowserKind;
}

export function manifestScriptFiles(manifest: { content_scripts?: { js?: string[] }[] }): string[] {
  return (manifest.content_scripts ?? []).flatMap((cs) => cs.js ?? []);
}

/** The registrations Precheck wants for these (already granted) origins. */
export function desiredScripts(origins: readonly string[], manifestScripts: readonly string[] = []): RegisteredScript[] {
  if (origins.length === 0) return [];
  const matches = [...new Set(origins)].sort();
  const scripts: RegisteredScript[] = [
    // Both at document_start, the isolated one first: the MAIN-world guard finds it waiting for the handshake.
    { id: ISOLATED_SCRIPT_ID, js: [ISOLATED_FILE], matches, allFrames: true, matchOriginAsFallback: true, runAt: 'document_start' },
    { id: MAIN_SCRIPT_ID, js: [MAIN_FILE], matches, allFrames: true, matchOriginAsFallback: true, runAt: 'document_start', world: 'MAIN' },
  ];
  return scripts.filter((s) => !(s.js ?? []).some((f) => manifestScripts.includes(f) || manifestScripts.includes(`/${f}`)));
}

/** The origins host access has been granted for, in the policy's order. */
export async function grantedOrigins(origins: readonly string[], permissions: RegistrationApi['permissions']): Promise<string[]> {
  const granted: string[] = [];
  for (const origin of origins) {
    try {
      if (await permissions.contains({ origins: [origin] })) granted.push(origin);
    } catch {
      // A pattern the browser does not accept is never granted.
    }
  }
  return granted;
}

/**
 * Fields that decide what gets injected where, and whether it survives a browser restart; the
 * browser may report more.
 */
function signature(s: RegisteredScript): string {
  return JSON.stringify({
    js: s.js ?? [],
    matches: [...(s.matches ?? [])].sort(),
    allFrames: s.allFrames ?? false,
    matchOriginAsFallback: s.matchOriginAsFallback ?? false,
    runAt: s.runAt ?? 'document_idle',
    world: s.world ?? 'ISOLATED',
    persistAcrossSessions: s.persistAcrossSessions ?? true,
  });
}

/**
 * Registrations must outlive the browser session: after a restart nothing wakes the service worker
 * before the first CMS page loads, so only persisted scripts guard it. Chromium documents `true` as
 * the default, but its updateContentScripts drops the persistence of a script when the update leaves
 * the flag out (seen in Chromium 156: register → persistAcrossSessions true, update of the matches →
 * false), so it is always sent.
 */
const persisted = (s: RegisteredScript): RegisteredScript => ({ ...s, persistAcrossSessions: true });

export interface SyncResult {
  /** Patterns the scripts now run on (on Firefox an origin's port-less pattern). */
  origins: string[];
  registered: string[];
  updated: string[];
  unregistered: string[];
}

/** Brings the browser's registrations in line with the granted policy origins. */
export async function syncContentScripts(origins: readonly string[], api: RegistrationApi): Promise<SyncResult> {
  const granted = await grantedOrigins(accessPatterns(origins, api.browser ?? 'chrome'), api.permissions);
  const want = desiredScripts(granted, api.manifestScripts);
  const have = await api.scripting.getRegisteredContentScripts({ ids: [...SCRIPT_IDS] });
  const haveById = new Map(have.filter((s) => SCRIPT_IDS.includes(s.id)).map((s) => [s.id, s]));
  const wantIds = new Set(want.map((s) => s.id));

  const unregistered = [...haveById.keys()].filter((id) => !wantIds.has(id));
  const toRegister = want.filter((s) => !haveById.has(s.id));
  const toUpdate = want.filter((s) => {
    const existing = haveById.get(s.id);
    return existing !== undefined && signature(existing) !== signature(s);
  });

  if (unregistered.length > 0) await api.scripting.unregisterContentScripts({ ids: unregistered });
  if (toUpdate.length > 0) await api.scripting.updateContentScripts(toUpdate.map(persisted));
  if (toRegister.length > 0) await api.scripting.registerContentScripts(toRegister.map(persisted));
  return {
    origins: want.length > 0 ? granted : [],
    registered: toRegister.map((s) => s.id),
    updated: toUpdate.map((s) => s.id),
    unregistered,
  };
}

export interface PermissionEvents {
  onAdded: { addListener(cb: () => void): void; removeListener(cb: () => void): void };
  onRemoved: { addListener(cb: () => void): void; removeListener(cb: () => void): void };
}

export interface RegistrationSync {
  /**
   * Re-syncs now, for the policy's origins or for `origins` (the worker's first run, from the origins
   * the last run registered); calls made while one runs are coalesced into one more run.
   */
  sync(origins?: readonly string[]): Promise<SyncResult | undefined>;
  dispose(): void;
}

/**
 * Keeps the registrations in sync: call sync() when the policy changes; host permissions granted or
 * revoked (options page, chrome://extensions, enterprise policy) re-sync by themselves.
 */
export function createRegistrationSync(
  api: RegistrationApi,
  events: PermissionEvents,
  origins: () => readonly string[],
  onError: (error: unknown) => void = () => undefined,
  onSynced: (result: SyncResult) => void = () => undefined,
): RegistrationSync {
  let running: Promise<SyncResult | undefined> | null = null;
  let again = false;

  async function loop(first?: readonly string[]): Promise<SyncResult | undefined> {
    let last: SyncResult | undefined;
    let explicit = first;
    do {
      again = false;
      try {
        last = await syncContentScripts(explicit ?? origins(), api);
        onSynced(last);
      } catch (error) {
        onError(error);
      }
      explicit = undefined;
    } while (again);
    return last;
  }

  function sync(explicit?: readonly string[]): Promise<SyncResult | undefined> {
    if (running) {
      again = true;
      return running;
    }
    running = loop(explicit).finally(() => {
      running = null;
    });
    return running;
  }

  const onPermissions = () => void sync();
  events.onAdded.addListener(onPermissions);
  events.onRemoved.addListener(onPermissions);
  return {
    sync,
    dispose() {
      events.onAdded.removeListener(onPermissions);
      events.onRemoved.removeListener(onPermissions);
    },
  };
}
