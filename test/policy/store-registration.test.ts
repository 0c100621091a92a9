/**
 * Content-script registration against a small in-memory stand-in for the browser's scripting and
 * permissions APIs (it throws where Chrome throws: duplicate ids, unknown ids, no matches).
 */
import { describe, expect, it } from 'vitest';
import {
  createRegistrationSync,
  desiredScripts,
  ISOLATED_SCRIPT_ID,
  MAIN_SCRIPT_ID,
  manifestScriptFiles,
  syncContentScripts,
  type PermissionEvents,
  type RegisteredScript,
  type RegistrationApi,
} from '../../lib/policy/registration';

class FakeEvent {
  private listeners = new Set<() => void>();
  addListener(cb: () => void) {
    this.listeners.add(cb);
  }
  removeListener(cb: () => void) {
    this.listeners.delete(cb);
  }
  fire() {
    for (const l of this.listeners) l();
  }
}

function fakeBrowserApis(granted: string[] = [], manifestScripts: string[] = []) {
  const registered = new Map<string, RegisteredScript>();
  const grantedSet = new Set(granted);
  const calls: string[] = [];
  const events = { onAdded: new FakeEvent(), onRemoved: new FakeEvent() };
  const api: RegistrationApi = {
    scripting: {
      getRegisteredContentScripts(filter) {
        const all = [...registered.values()];
        return Promise.resolve(structuredClone(filter?.ids ? all.filter((s) => filter.ids?.includes(s.id)) : all));
      },
      registerContentScripts(scripts) {
        calls.push(`register ${scripts.map((s) => s.id).join(',')}`);
        for (const s of scripts) {
          if (registered.has(s.id)) return Promise.reject(new Error(`Duplicate script ID '${s.id}'`));
          if (!s.matches || s.matches.length === 0) return Promise.reject(new Error('Script must specify at least one match'));
        }
        for (const s of scripts) registered.set(s.id, { persistAcrossSessions: true, ...structuredClone(s) });
        return Promise.resolve();
      },
      updateContentScripts(scripts) {
        calls.push(`update ${scripts.map((s) => s.id).join(',')}`);
        for (const s of scripts) if (!registered.has(s.id)) return Promise.reject(new Error(`Script with ID '${s.id}' does not exist`));
        for (const s of scripts) registered.set(s.id, { ...registered.get(s.id), ...structuredClone(s) });
        return Promise.resolve();
      },
      unregisterContentScripts(filter) {
        calls.push(`unregister ${(filter?.ids ?? ['*']).join(',')}`);
        for (const id of filter?.ids ?? [...registered.keys()]) {
          if (!registered.delete(id)) return Promise.reject(new Error(`Nonexistent script ID '${id}'`));
        }
        return Promise.resolve();
      },
    },
    permissions: {
      contains: ({ origins = [] }) => Promise.resolve(origins.every((o) => grantedSet.has(o))),
    },
    manifestScripts,
  };
  return {
    api,
    events: events as PermissionEvents,
    registered,
    calls,
    grant(origin: string) {
      grantedSet.add(origin);
      events.onAdded.fire();
    },
    revoke(origin: string) {
      grantedSet.delete(origin);
      events.onRemoved.fire();
    },
  };
}

const CMS = 'https://cms.example.gov.cn/*';
const INTRANET = 'http://10.1.2.3:8080/*';
const LOCAL = 'http://127.0.0.1/*';

describe('desiredScripts', () => {
  it('registers the isolated controller and the MAIN-world guard in every frame, fallback origins included', () => {
    const [isolated, main] = desiredScripts([CMS, LOCAL]);
    expect(isolated).toEqual({
      id: ISOLATED_SCRIPT_ID,
      js: ['content-scripts/content.js'],
      matches: [CMS, LOCAL].sort(),
      allFrames: true,
      matchOriginAsFallback: true,
      runAt: 'document_start',
    });
    expect(main).toEqual({
      id: MAIN_SCRIPT_ID,
      js: ['content-scripts/page-guard.js'],
      matches: [CMS, LOCAL].sort(),
      allFrames: true,
      matchOriginAsFallback: true,
      runAt: 'document_start',
      world: 'MAIN',
    });
  });

  it('asks for nothing without origins', () => {
    expect(desiredScripts([])).toEqual([]);
  });

  it('leaves out a script the manifest still injects, so no page gets it twice', () => {
    const files = manifestScriptFiles({ content_scripts: [{ js: ['content-scripts/content.js'] }] });
    expect(desiredScripts([CMS], files).map((s) => s.id)).toEqual([MAIN_SCRIPT_ID]);
    const both = manifestScriptFiles({ content_scripts: [{ js: ['content-scripts/content.js'] }, { js: ['content-scripts/page-guard.js'] }] });
    expect(desiredScripts([CMS], both)).toEqual([]);
  });
});

describe('syncContentScripts', () => {
  it('registers for exactly the policy origins that have host access', async () => {
    const b = fakeBrowserApis([CMS, LOCAL, 'https://unrelated.example.com/*']);
    const result = await syncContentScripts([CMS, INTRANET, LOCAL], b.api);
    expect(result.origins).toEqual([CMS, LOCAL]);
    expect(result.registered).toEqual([ISOLATED_SCRIPT_ID, MAIN_SCRIPT_ID]);
    expect(b.registered.get(ISOLATED_SCRIPT_ID)?.matches).toEqual([CMS, LOCAL].sort());
    expect(b.registered.get(MAIN_SCRIPT_ID)?.world).toBe('MAIN');
  });

  it('registers nothing while no origin has host access', async () => {
    const b = fakeBrowserApis([]);
    const result = await syncContentScripts([CMS], b.api);
    expect(result.origins).toEqual([]);
    expect(b.registered.size).toBe(0);
    expect(b.calls).toEqual([]);
  });

  it('does nothing when the registrations already match (the browser reporting extra fields)', async () => {
    const b = fakeBrowserApis([CMS]);
    await syncContentScripts([CMS], b.api);
    b.calls.length = 0;
    const again = await syncContentScripts([CMS], b.api);
    expect(again).toMatchObject({ registered: [], updated: [], unregistered: [] });
    expect(b.calls).toEqual([]);
  });

  it('updates the matches when the policy origins change', async () => {
    const b = fakeBrowserApis([CMS, INTRANET]);
    await syncContentScripts([CMS], b.api);
    const result = await syncContentScripts([CMS, INTRANET], b.api);
    expect(result.updated).toEqual([ISOLATED_SCRIPT_ID, MAIN_SCRIPT_ID]);
    expect(b.registered.get(MAIN_SCRIPT_ID)?.matches).toEqual([CMS, INTRANET].sort());
    expect(b.registered.get(MAIN_SCRIPT_ID)?.world).toBe('MAIN');
  });

  it('unregisters both scripts when the last origin goes, and leaves other extensions’ ids alone', async () => {
    const b = fakeBrowserApis([CMS]);
    await b.api.scripting.registerContentScripts([{ id: 'someone-else', js: ['x.js'], matches: [CMS] }]);
    await syncContentScripts([CMS], b.api);
    const result = await syncContentScripts([], b.api);
    expect(result.unregistered.sort()).toEqual([ISOLATED_SCRIPT_ID, MAIN_SCRIPT_ID].sort());
    expect([...b.registered.keys()]).toEqual(['someone-else']);
  });

  it('a pattern the browser refuses to check counts as not granted', async () => {
    const b = fakeBrowserApis([CMS]);
    b.api.permissions.contains = ({ origins = [] }) => (origins[0] === CMS ? Promise.resolve(true) : Promise.reject(new Error('Invalid url pattern')));
    const result = await syncContentScripts(['weird', CMS], b.api);
    expect(result.origins).toEqual([CMS]);
  });
});

describe('syncContentScripts on Firefox (no ports in match patterns)', () => {
  const HOST = 'http://10.1.2.3/*';

  /** Firefox as measured (ESR 153): a pattern with a port is never contained, whatever was granted. */
  function firefoxApis(granted: string[]) {
    const b = fakeBrowserApis(granted);
    const grantedSet = new Set(granted);
    b.api.permissions.contains = ({ origins = [] }) => Promise.resolve(origins.every((o) => !/:\d+\//.test(o) && grantedSet.has(o)));
    b.api.browser = 'firefox';
    return b;
  }

  it('registers an origin with a port on its host, port-less, once for two ports', async () => {
    const b = firefoxApis([CMS, HOST]);
    const result = await syncContentScripts([CMS, INTRANET, 'http://10.1.2.3:8081/*'], b.api);
    expect(result.origins).toEqual([CMS, HOST]);
    expect(b.registered.get(ISOLATED_SCRIPT_ID)?.matches).toEqual([CMS, HOST].sort());
    expect(b.registered.get(MAIN_SCRIPT_ID)?.matches).toEqual([CMS, HOST].sort());
  });

  it('a port origin without its host granted is not registered (granting the port pattern itself does not count)', async () => {
    const b = firefoxApis([CMS, INTRANET]);
    const result = await syncContentScripts([CMS, INTRANET], b.api);
    expect(result.origins).toEqual([CMS]);
  });

  it('the same policy on Chromium registers the port pattern as written', async () => {
    const b = fakeBrowserApis([CMS, INTRANET]);
    expect((await syncContentScripts([CMS, INTRANET], b.api)).origins).toEqual([CMS, INTRANET]);
  });
});

describe('createRegistrationSync', () => {
  it('re-syncs by itself when host access is granted or revoked', async () => {
    const b = fakeBrowserApis([]);
    const origins = [CMS];
    const sync = createRegistrationSync(b.api, b.events, () => origins);
    await sync.sync();
    expect(b.registered.size).toBe(0);

    b.grant(CMS);
    await expect.poll(() => b.registered.get(ISOLATED_SCRIPT_ID)?.matches).toEqual([CMS]);

    b.revoke(CMS);
    await expect.poll(() => b.registered.size).toBe(0);
    sync.dispose();
  });

  it('coalesces overlapping calls and ends with the latest origins', async () => {
    const b = fakeBrowserApis([CMS, INTRANET]);
    let origins = [CMS];
    const sync = createRegistrationSync(b.api, b.events, () => origins);
    const first = sync.sync();
    origins = [CMS, INTRANET];
    const second = sync.sync();
    await Promise.all([first, second]);
    expect(b.registered.get(ISOLATED_SCRIPT_ID)?.matches).toEqual([CMS, INTRANET].sort());
    expect(b.calls.filter((c) => c.startsWith('register'))).toHaveLength(1);
    sync.dispose();
  });

  it('reports a failing browser call and keeps working', async () => {
    const b = fakeBrowserApis([CMS]);
    const errors: unknown[] = [];
    const scripting = b.api.scripting;
    const register = scripting.registerContentScripts.bind(scripting);
    scripting.registerContentScripts = () => Promise.reject(new Error('boom'));
    const sync = createRegistrationSync(b.api, b.events, () => [CMS], (e) => errors.push(e));
    await sync.sync();
    expect(errors).toHaveLength(1);
    scripting.registerContentScripts = register;
    await sync.sync();
    expect(b.registered.size).toBe(2);
    sync.dispose();
  });
});
