import type { Block, Origin, Point, Tip } from '@cardano-ogmios/schema'
import { ledgerPool, rewindTo } from './db/ledger.js'
import { forgetMintsAfter, recordMints } from './db/assets.js'

export async function rollForward(
  { block, tip }: { block: Block; tip: Tip | Origin },
  requestNextBlock: () => void,
): Promise<void> {
  const client = await ledgerPool.connect()
  if (block.type === 'ebb') {
    // epoch boundary blocks carry no transactions
    requestNextBlock()
    return
  }
  await client.query('BEGIN')
  await client.query(
    'INSERT INTO blocks (id, height, slot, era, tx_count) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING',
    [block.id, block.height, block.slot, block.era, block.transactions?.length ?? 0],
  )
  await client.query(
    'INSERT INTO sync_cursor (id, slot, block_id, tip_slot) VALUES (1, $1, $2, $3) ON CONFLICT (id) DO UPDATE SET slot = EXCLUDED.slot, block_id = EXCLUDED.block_id, tip_slot = EXCLUDED.tip_slot',
    [block.slot, block.id, tip === 'origin' ? 0 : tip.slot],
  )
  await client.query('COMMIT')
  client.release()

  for (const tx of block.transactions ?? []) {
    await recordMints(block.slot, tx)
  }
  requestNextBlock()
}

export async function rollBackward(
  { point }: { point: Point | Origin; tip: Tip | Origin },
  requestNextBlock: () => void,
): Promise<void> {
  const slot = point === 'origin' ? 0 : point.slot
  await rewindTo(slot)
  await forgetMintsAfter(slot)
  requestNextBlock()
}
