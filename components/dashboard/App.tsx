/**
 * The dashboard: first-run setup or sign-in, then three views chosen by the URL's hash — records
 * (#records), per-unit statistics (#stats), chain status per browser (#chains).
 */
import { useCallback, useEffect, useState } from 'react';
import { api } from './api';
import { ChainsView } from './ChainsView';
import { SignIn } from './SignIn';
import { RecordsView } from './RecordsView';
import { StatsView } from './StatsView';
import { d } from './terms';

type Session = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; setUp: boolean; admin: string | null };
const VIEWS = ['records', 'stats', 'chains'] as const;
type View = (typeof VIEWS)[number];

function useHashView(): View {
  const read = (): View => (VIEWS as readonly string[]).includes(location.hash.slice(1)) ? (location.hash.slice(1) as View) : 'records';
  const [view, setView] = useState<View>(read);
  useEffect(() => {
    const on = () => setView(read());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return view;
}

export function App() {
  const [session, setSession] = useState<Session>({ status: 'loading' });
  const view = useHashView();
  const refresh = useCallback(() => {
    api.session().then(
      (s) => setSession({ status: 'ready', ...s }),
      (e: unknown) => setSession({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  }, []);
  useEffect(refresh, [refresh]);

  if (session.status === 'loading') return <p className="loading">{d('loading')}</p>;
  if (session.status === 'error') return <p className="error" role="alert">{d('error', session.message)}</p>;
  if (!session.admin) return <SignIn setUp={session.setUp} onDone={refresh} />;
  return (
    <div className="app" data-view={view}>
      <header>
        <h1>{d('title')}</h1>
        <nav>
          {VIEWS.map((v) => (
            <a key={v} href={`#${v}`} className={v === view ? 'current' : undefined} data-tab={v}>
              {d(`tab_${v}`)}
            </a>
          ))}
        </nav>
        <span className="who">
          {session.admin}{' '}
          <button type="button" onClick={() => void api.logout().then(refresh)}>
            {d('logout')}
          </button>
        </span>
      </header>
      <main>
        {view === 'records' && <RecordsView />}
        {view === 'stats' && <StatsView />}
        {view === 'chains' && <ChainsView />}
      </main>
    </div>
  );
}
