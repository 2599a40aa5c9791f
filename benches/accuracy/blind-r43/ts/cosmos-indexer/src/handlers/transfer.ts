import { toHex } from '@cosmjs/encoding';
import type { TxEvent } from '@cosmjs/tendermint-rpc';
import { redis } from '../cache.js';
import { makeClickhouse } from '../sinks/clickhouse.js';

interface Transfer {
  tx_hash: string;
  height: number;
  sender: string;
  recipient: string;
  amount: string;
  denom: string;
}

function parseTransfers(ev: TxEvent): Transfer[] {
  const hash = toHex(ev.hash).toUpperCase();
  const out: Transfer[] = [];
  for (const e of ev.result.events) {
    if (e.type !== 'transfer') continue;
    const attr = Object.fromEntries(e.attributes.map((a) => [a.key, a.value]));
    for (const coin of String(attr.amount ?? '').split(',')) {
      const m = /^(\d+)(.+)$/.exec(coin);
      if (!m) continue;
      out.push({ tx_hash: hash, height: ev.height, sender: attr.sender, recipient: attr.recipient, amount: m[1], denom: m[2] });
    }
  }
  return out;
}

// Invoked by the xstream listener for every Tx event pushed by the node.
export async function onTx(ev: TxEvent): Promise<void> {
  if (ev.result.code !== 0) return;
  const transfers = parseTransfers(ev);
  if (transfers.length === 0) return;

  const ch = makeClickhouse();
  await ch.insert({ table: 'transfers', values: transfers, format: 'JSONEachRow' });

  const pipeline = redis.pipeline();
  for (const t of transfers) pipeline.zincrby(`volume:${t.denom}`, Number(t.amount), t.recipient);
  await pipeline.exec();
}
