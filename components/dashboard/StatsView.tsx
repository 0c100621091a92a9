/** Per-unit numbers for the annual assessment over a period (this year by default). */
import { useEffect, useState } from 'react';
import { api, type UnitStats } from './api';
import { d } from './terms';

function thisYear(): { from: string; to: string } {
  const y = new Date().getFullYear();
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

function median(s: UnitStats): string {
  if (s.medianBlockToSignoffS === null) return '—';
  return d('minutes', (s.medianBlockToSignoffS / 60).toFixed(1));
}

export function StatsView() {
  const [period, setPeriod] = useState(thisYear);
  const [stats, setStats] = useState<UnitStats[] | null>(null);
  const [problem, setProblem] = useState('');
  useEffect(() => {
    api.stats(new URLSearchParams(period).toString()).then(
      (r) => (setStats(r.units), setProblem('')),
      (e: unknown) => setProblem(e instanceof Error ? e.message : String(e)),
    );
  }, [period]);
  return (
    <section className="stats">
      <p className="filters">
        {d('stats_period')}{' '}
        <input type="date" name="from" value={period.from} onChange={(e) => setPeriod({ ...period, from: e.target.value })} /> —{' '}
        <input type="date" name="to" value={period.to} onChange={(e) => setPeriod({ ...period, to: e.target.value })} />
      </p>
      {problem && <p className="error">{d('error', problem)}</p>}
      {stats && (
        <table className="grid" data-ready="">
          <thead>
            <tr>
              {(['unit', 'st_browsers', 'st_published', 'st_blocked', 'st_blocked_items', 'st_overridden', 'st_median', 'st_mismatch', 'st_chain', 'st_reasons'] as const).map((k) => (
                <th key={k}>{d(k)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {stats.map((s) => (
              <tr key={s.unitId} data-unit={s.unit}>
                <td>
                  {s.unit}
                  {s.revoked && d('revoked')}
                </td>
                <td>{s.browsers}</td>
                <td data-stat="published">{s.published}</td>
                <td data-stat="blocked">{s.blocked}</td>
                <td>{s.blockedItems}</td>
                <td data-stat="overridden">{s.overridden}</td>
                <td data-stat="median">{median(s)}</td>
                <td data-stat="mismatches">{s.mismatches}</td>
                <td className={s.chainProblems ? 'warn' : undefined}>{s.chainProblems}</td>
                <td>
                  <ul className="reasons">
                    {s.reasons.map((r, i) => (
                      <li key={i}>
                        {r.reason} {r.ruleId && <code>{r.ruleId}</code>} ×{r.count}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
