import { ledgerPool } from "../store/db.js";

export async function recordLedgerEntry(
  txHash: string,
  logIndex: number,
  from: string,
  to: string,
  value: bigint,
): Promise<void> {
  const conn = await ledgerPool.connect();
  await conn.query("BEGIN");
  await conn.query(
    "insert into ledger (tx_hash, log_index, account, amount) values ($1, $2, $3, $4), ($1, $2, $5, $6)",
    [txHash, logIndex, from, (-value).toString(), to, value.toString()],
  );
  await conn.query(
    "update ledger_cursor set last_tx = $1, updated_at = now() where id = 1",
    [txHash],
  );
  await conn.query("COMMIT");
  conn.release();
}
