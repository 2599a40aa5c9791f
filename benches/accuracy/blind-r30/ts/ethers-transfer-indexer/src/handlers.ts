import { ContractEventPayload, EventLog, formatUnits } from "ethers";
import Redis from "ioredis";
import { pool } from "./db.js";
import { latestPrice } from "./prices.js";

const SYMBOL = process.env.TOKEN_SYMBOL ?? "USDC";
const DECIMALS = Number(process.env.TOKEN_DECIMALS ?? 6);

export async function onTransfer(
  from: string,
  to: string,
  value: bigint,
  payload: ContractEventPayload,
): Promise<void> {
  const log = payload.log as EventLog;
  const amount = formatUnits(value, DECIMALS);

  const client = await pool.connect();
  await client.query("BEGIN");
  await client.query(
    `INSERT INTO transfers (tx_hash, log_index, block_number, sender, recipient, amount)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (tx_hash, log_index) DO NOTHING`,
    [log.transactionHash, log.index, log.blockNumber, from, to, amount],
  );
  await client.query(
    "UPDATE balances SET amount = amount - $2 WHERE holder = $1",
    [from, amount],
  );
  await client.query(
    `INSERT INTO balances (holder, amount) VALUES ($1, $2)
     ON CONFLICT (holder) DO UPDATE SET amount = balances.amount + EXCLUDED.amount`,
    [to, amount],
  );
  await client.query("COMMIT");
  client.release();
}

export async function onBlock(blockNumber: number): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  try {
    await redis.set("indexer:head", String(blockNumber));
    const price = await latestPrice(SYMBOL);
    if (price) {
      await redis.publish(
        "indexer:blocks",
        JSON.stringify({ blockNumber, symbol: SYMBOL, usd: price.usd }),
      );
    }
  } finally {
    await redis.quit();
  }
}
