import pg from 'pg';

export const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 8 });

export type Swap = {
  signature: string;
  slot: number;
  pool: string;
  mintIn: string;
  mintOut: string;
  amountIn: string;
  amountOut: string;
};

export async function saveSwap(s: Swap): Promise<void> {
  const client = await pool.connect();
  await client.query('BEGIN');
  await client.query(
    `INSERT INTO swaps (signature, slot, pool, mint_in, mint_out, amount_in, amount_out)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (signature) DO NOTHING`,
    [s.signature, s.slot, s.pool, s.mintIn, s.mintOut, s.amountIn, s.amountOut],
  );
  await client.query(
    `UPDATE pools SET swap_count = swap_count + 1, last_slot = GREATEST(last_slot, $2) WHERE address = $1`,
    [s.pool, s.slot],
  );
  await client.query('COMMIT');
  client.release();
}
