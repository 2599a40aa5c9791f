import type { Knex } from 'knex'
import { request } from 'undici'

export interface EscrowOperation {
  hash: string
  kind: string
  source: string
  destination: string
  amount: string
  parameters?: { entrypoint: string; value: unknown }
}

const STATE_BY_ENTRYPOINT: Record<string, string> = {
  deposit: 'funded',
  release: 'released',
  refund: 'refunded',
  dispute: 'disputed',
}

export function makeOperationHandler(db: Knex, webhookUrl: string) {
  return async function onOperation(op: EscrowOperation): Promise<void> {
    const entrypoint = op.parameters?.entrypoint ?? 'default'
    const state = STATE_BY_ENTRYPOINT[entrypoint]
    if (!state) return

    await db.transaction(async (trx) => {
      const inserted = await trx('escrow_operations')
        .insert({ op_hash: op.hash, entrypoint, sender: op.source, amount_mutez: op.amount })
        .onConflict('op_hash')
        .ignore()
      if (inserted.length === 0) return
      await trx('escrows').where({ sender: op.source, state: 'open' }).update({ state, updated_at: trx.fn.now() })
    })

    // plain request() on the global dispatcher, no per-call pool
    const { body } = await request(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hash: op.hash, entrypoint, state }),
    })
    await body.dump()
  }
}
