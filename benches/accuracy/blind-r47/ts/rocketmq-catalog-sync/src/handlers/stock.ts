import cassandra from 'cassandra-driver'

export interface StockAdjusted {
  sku: string
  warehouse: string
  delta: number
  reason: string
}

export async function handleStockAdjusted(evt: StockAdjusted): Promise<void> {
  const client = new cassandra.Client({
    contactPoints: (process.env.CASSANDRA_CONTACT_POINTS ?? '127.0.0.1').split(','),
    localDataCenter: process.env.CASSANDRA_DC ?? 'dc1',
    keyspace: 'inventory',
  })
  await client.execute(
    'UPDATE stock_counters SET on_hand = on_hand + ? WHERE sku = ? AND warehouse = ?',
    [cassandra.types.Long.fromNumber(evt.delta), evt.sku, evt.warehouse],
    { prepare: true },
  )
  await client.execute(
    'INSERT INTO stock_ledger (sku, warehouse, at, delta, reason) VALUES (?, ?, now(), ?, ?)',
    [evt.sku, evt.warehouse, evt.delta, evt.reason],
    { prepare: true },
  )
}
