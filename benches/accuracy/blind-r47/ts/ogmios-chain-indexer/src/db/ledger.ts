import pg from 'pg'
import type { Point } from '@cardano-ogmios/schema'

export const ledgerPool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 })

export async function loadCursor(): Promise<Point | null> {
  const { rows } = await ledgerPool.query<{ slot: string; block_id: string }>(
    'SELECT slot, block_id FROM sync_cursor WHERE id = 1',
  )
  return rows.length ? { slot: Number(rows[0].slot), id: rows[0].block_id } : null
}

export async function rewindTo(slot: number): Promise<void> {
  await ledgerPool.query('DELETE FROM blocks WHERE slot > $1', [slot])
}
