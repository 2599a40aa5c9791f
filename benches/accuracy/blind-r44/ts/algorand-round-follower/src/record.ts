import type pg from "pg";
import type { Redis } from "ioredis";

export interface IndexerTxn {
  id: string;
  sender: string;
  "tx-type": string;
  "confirmed-round": number;
  "round-time": number;
  "payment-transaction"?: { receiver: string; amount: number };
  "asset-transfer-transaction"?: { receiver: string; amount: number; "asset-id": number };
}

export interface RecordDeps {
  pool: pg.Pool;
  redis: Redis;
  watched: Set<string>;
}

function transferOf(t: IndexerTxn): { receiver: string; amount: number; assetId: number } | null {
  if (t["tx-type"] === "pay" && t["payment-transaction"]) {
    return { receiver: t["payment-transaction"].receiver, amount: t["payment-transaction"].amount, assetId: 0 };
  }
  if (t["tx-type"] === "axfer" && t["asset-transfer-transaction"]) {
    const a = t["asset-transfer-transaction"];
    return { receiver: a.receiver, amount: a.amount, assetId: a["asset-id"] };
  }
  return null;
}

export async function recordRound(deps: RecordDeps, round: number, txns: IndexerTxn[]): Promise<number> {
  const relevant = txns
    .map((t) => ({ t, x: transferOf(t) }))
    .filter(({ t, x }) => x !== null && (deps.watched.has(t.sender) || deps.watched.has(x.receiver)));

  const client = await deps.pool.connect();
  try {
    await client.query("BEGIN");
    for (const { t, x } of relevant) {
      await client.query(
        `INSERT INTO transfers (txid, round, sender, receiver, asset_id, amount, confirmed_at)
         VALUES ($1, $2, $3, $4, $5, $6, to_timestamp($7)) ON CONFLICT (txid) DO NOTHING`,
        [t.id, round, t.sender, x!.receiver, x!.assetId, x!.amount, t["round-time"]],
      );
    }
    await client.query(
      "INSERT INTO follower_state (id, last_round) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET last_round = EXCLUDED.last_round",
      [round],
    );
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  } finally {
    client.release();
  }

  if (relevant.length > 0) {
    await deps.redis.publish("algorand:transfers", JSON.stringify({ round, count: relevant.length }));
  }
  return relevant.length;
}
