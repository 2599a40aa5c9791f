import pg from 'pg';
import type { Transfer } from './types.js';

export const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
  application_name: 'dot-indexer',
});

export async function lastIndexedBlock(): Promise<number> {
  const { rows } = await pool.query('SELECT coalesce(max(block_number), 0) AS n FROM dot_blocks');
  return Number(rows[0].n);
}

export async function saveBlock(blockNumber: number, blockHash: string, transfers: Transfer[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      'INSERT INTO dot_blocks (block_number, block_hash, indexed_at) VALUES ($1, $2, now()) ON CONFLICT DO NOTHING',
      [blockNumber, blockHash],
    );
    for (const t of transfers) {
      await client.query(
        `INSERT INTO dot_transfers (block_number, event_index, from_addr, to_addr, amount_planck)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [t.blockNumber, t.eventIndex, t.from, t.to, t.amountPlanck.toString()],
      );
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}
