import { boolean, command, flag, number, option, string } from 'cmd-ts'
import { closeClients, openClients } from '../clients.js'

export const reindex = command({
  name: 'reindex',
  description: 'Rebuild the Redis bin-location index for one warehouse',
  args: {
    warehouse: option({ type: string, long: 'warehouse', short: 'w' }),
    batch: option({ type: number, long: 'batch', defaultValue: () => 500 }),
    dryRun: flag({ type: boolean, long: 'dry-run' }),
  },
  handler: async ({ warehouse, batch, dryRun }) => {
    const clients = await openClients()
    try {
      let lastSku = ''
      let total = 0
      for (;;) {
        const { rows } = await clients.db.query<{ sku: string; bin: string }>(
          'SELECT sku, bin FROM bin_locations WHERE warehouse = $1 AND sku > $2 ORDER BY sku LIMIT $3',
          [warehouse, lastSku, batch],
        )
        if (rows.length === 0) break
        if (!dryRun) {
          const pipeline = clients.redis.pipeline()
          for (const row of rows) pipeline.hset(`bins:${warehouse}`, row.sku, row.bin)
          await pipeline.exec()
        }
        total += rows.length
        lastSku = rows[rows.length - 1].sku
      }
      console.log(`${dryRun ? 'would index' : 'indexed'} ${total} SKUs for ${warehouse}`)
    } finally {
      await closeClients(clients)
    }
  },
})
