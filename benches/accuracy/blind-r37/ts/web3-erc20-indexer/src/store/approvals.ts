import { Pool } from "pg";

const db = new Pool({
  connectionString: process.env.DATABASE_URL,
  application_name: "erc20-indexer:approvals",
});

export interface ApprovalRow {
  token: string;
  txHash: string;
  logIndex: number;
  block: number;
  owner: string;
  spender: string;
  value: string;
}

export async function recordApproval(a: ApprovalRow): Promise<void> {
  await db.query(
    `INSERT INTO erc20_allowances (token, owner, spender, value, block_number, tx_hash)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (token, owner, spender) DO UPDATE
       SET value = EXCLUDED.value, block_number = EXCLUDED.block_number, tx_hash = EXCLUDED.tx_hash
       WHERE erc20_allowances.block_number <= EXCLUDED.block_number`,
    [a.token, a.owner, a.spender, a.value, a.block, a.txHash]
  );
}
