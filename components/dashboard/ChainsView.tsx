/** Chain status per browser installation; a click lists that browser's flagged records. */
import { useEffect, useState } from 'react';
import { wallTime } from '../../lib/audit/describe';
import { eventLabel } from '../audit/format';
import { api, type BrowserChain, type FlaggedRecord } from './api';
import { ChainBadge } from './ChainBadge';
import { d } from './terms';

function problems(b: BrowserChain): string {
  const parts = (Object.entries(b.flags) as [keyof BrowserChain['flags'], number][]).filter(([, n]) => n > 0).map(([k, n]) => `${d(`chain_${k}`)} ${n}`);
  if (b.masked) parts.push(`${d('masked')} ${b.masked}`);
  return parts.join('，');
}

function Flagged({ installation }: { installation: string }) {
  const [rows, setRows] = useState<FlaggedRecord[] | null>(null);
  useEffect(() => void api.flagged(installation).then((r) => setRows(r.records), () => setRows([])), [installation]);
  if (!rows) return <p>{d('loading')}</p>;
  return (
    <table className="grid flagged" data-flagged={installation}>
      <thead>
        <tr>
          <th>{d('seq')}</th>
          <th>{d('col_time')}</th>
          <th>{d('col_event')}</th>
          <th>{d('col_title')}</th>
          <th>{d('col_chain')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.rid} data-seq={r.seq} data-chain={r.chain}>
            <td>{r.seq}</td>
            <td>{wallTime(r.time)}</td>
            <td>{eventLabel(r.event as Parameters<typeof eventLabel>[0])}</td>
            <td>{r.title}</td>
            <td>
              <ChainBadge chain={r.chain} masked={r.masked} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ChainsView() {
  const [browsers, setBrowsers] = useState<BrowserChain[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [problem, setProblem] = useState('');
  useEffect(() => void api.chains().then((r) => setBrowsers(r.browsers), (e: unknown) => setProblem(e instanceof Error ? e.message : String(e))), []);
  if (problem) return <p className="error">{d('error', problem)}</p>;
  if (!browsers) return <p>{d('loading')}</p>;
  return (
    <section className="chains">
      <table className="grid" data-ready="">
        <thead>
          <tr>
            {(['unit', 'ch_browser', 'ch_first', 'ch_last', 'ch_records', 'ch_max', 'ch_missing', 'ch_status', 'ch_problems'] as const).map((k) => (
              <th key={k}>{d(k)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {browsers.map((b) => (
            <tr key={b.installation} data-installation={b.installation} data-ok={b.ok}>
              <td>{b.unit}</td>
              <td>
                <code>{b.installation.slice(0, 8)}</code>
              </td>
              <td>{wallTime(b.firstSeen)}</td>
              <td>{wallTime(b.lastSeen)}</td>
              <td>{b.records}</td>
              <td>{b.maxSeq}</td>
              <td>{b.missing}</td>
              <td className={b.ok ? 'ok' : 'warn'}>{b.ok ? d('ch_intact') : d('ch_broken')}</td>
              <td>
                {problems(b)}{' '}
                {!b.ok && (
                  <button type="button" onClick={() => setOpen(open === b.installation ? null : b.installation)} data-show={b.installation}>
                    {d('ch_show')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {open && <Flagged installation={open} />}
    </section>
  );
}
