import type { IncomingStreamData } from '@libp2p/interface'
import * as lp from 'it-length-prefixed'
import { pipe } from 'it-pipe'
import { fromString, toString } from 'uint8arrays'
import type { RowDataPacket } from 'mysql2/promise'
import { openLedger } from './ledger.js'

export const STOCK_PROTOCOL = '/warehouse/stock/1.0.0'

interface StockRequest {
  skus: string[]
}

interface StockRow extends RowDataPacket {
  sku: string
  on_hand: number
  reserved: number
}

export async function handleStockQuery({ stream, connection }: IncomingStreamData): Promise<void> {
  const ledger = openLedger({ readOnly: true })
  const remote = connection.remotePeer.toString()

  await pipe(
    stream,
    (source) => lp.decode(source),
    async function* (source) {
      for await (const chunk of source) {
        const req = JSON.parse(toString(chunk.subarray())) as StockRequest
        if (!Array.isArray(req.skus) || req.skus.length === 0) {
          yield fromString(JSON.stringify({ error: 'skus required' }))
          continue
        }
        const [rows] = await ledger.query<StockRow[]>(
          'SELECT sku, on_hand, reserved FROM stock_levels WHERE sku IN (?)',
          [req.skus.slice(0, 200)],
        )
        yield fromString(JSON.stringify({
          site: process.env.SITE_CODE,
          requestedBy: remote,
          items: rows.map((r) => ({ sku: r.sku, available: r.on_hand - r.reserved })),
        }))
      }
    },
    (source) => lp.encode(source),
    stream,
  )
}
