import pg from 'pg'
import type { Transaction } from '@cardano-ogmios/schema'

const assetPool = new pg.Pool({ connectionString: process.env.DATABASE_URL })

// Records native-asset mints / burns for the token explorer.
export async function recordMints(slot: number, tx: Transaction): Promise<void> {
  if (!tx.mint) return
  for (const [policyId, assets] of Object.entries(tx.mint)) {
    for (const [assetName, quantity] of Object.entries(assets)) {
      await assetPool.query(
        `INSERT INTO asset_events (policy_id, asset_name, quantity, tx_id, slot)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tx_id, policy_id, asset_name) DO NOTHING`,
        [policyId, assetName, quantity.toString(), tx.id, slot],
      )
    }
  }
}

export async function forgetMintsAfter(slot: number): Promise<void> {
  await assetPool.query('DELETE FROM asset_events WHERE slot > $1', [slot])
}
