import { Pool } from 'pg';

// Customer deposit accounts, keyed by destination tag.
export const db = new Pool({ connectionString: process.env.DATABASE_URL });

export async function watchedAddresses(): Promise<string[]> {
  const { rows } = await db.query<{ address: string }>('SELECT address FROM treasury_wallets WHERE watching');
  return rows.map((r) => r.address);
}

export async function creditDeposit(destinationTag: number, drops: string, txHash: string): Promise<string | null> {
  const { rows } = await db.query<{ customer_id: string }>(
    `UPDATE deposit_accounts
        SET balance_drops = balance_drops + $2::numeric, last_tx = $3
      WHERE destination_tag = $1
      RETURNING customer_id`,
    [destinationTag, drops, txHash],
  );
  return rows[0]?.customer_id ?? null;
}

export async function closeAccounts(): Promise<void> {
  await db.end();
}
