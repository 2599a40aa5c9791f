import pg from "pg";

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
  application_name: "erc20-indexer:transfers",
});

export interface TransferRow {
  token: string;
  txHash: string;
  logIndex: number;
  block: number;
  from: string;
  to: string;
  value: string;
  usd: number | null;
}

export async function recordTransfer(t: TransferRow): Promise<void> {
  await pool.query(
    `INSERT INTO erc20_transfers (token, tx_hash, log_index, block_number, from_addr, to_addr, value, usd)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (tx_hash, log_index) DO NOTHING`,
    [t.token, t.txHash, t.logIndex, t.block, t.from, t.to, t.value, t.usd]
  );
}
