/** A record's chain status as a coloured word (flags are never hidden in a merged view). */
import type { ChainFlag } from '../../lib/collector/ingest/chain-flags';
import { d } from './terms';

export function ChainBadge({ chain, masked }: { chain: ChainFlag; masked?: boolean }) {
  return (
    <>
      <span className={`chain chain-${chain}`} data-chain={chain}>
        {d(`chain_${chain}`)}
      </span>
      {masked && (
        <span className="chain chain-masked" data-masked="">
          {d('masked')}
        </span>
      )}
    </>
  );
}
