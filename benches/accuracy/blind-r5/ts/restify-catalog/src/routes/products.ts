import type { Server } from 'restify'
import errors from 'restify-errors'
import type { Db } from '../db'
import { effectivePrice } from '../services/pricing'

export function registerProductRoutes(server: Server, db: Db) {
  server.get('/products/:sku', async (req, res) => {
    const product = await db('products').where({ sku: req.params.sku }).first()
    if (!product) throw new errors.NotFoundError('unknown sku')
    const currency = String(req.query?.currency ?? 'EUR')
    const price = await effectivePrice(db, product.sku, currency)
    res.send({ ...product, price })
  })

  server.put('/products/:sku/stock', async (req, res) => {
    const { delta, reason } = req.body as { delta: number; reason: string }
    const updated = await db.transaction(async (trx) => {
      const row = await trx('stock').where({ sku: req.params.sku }).forUpdate().first()
      if (!row) throw new errors.NotFoundError('unknown sku')
      const next = row.on_hand + delta
      if (next < 0) throw new errors.ConflictError('stock would go negative')
      await trx('stock').where({ sku: req.params.sku }).update({ on_hand: next })
      await trx('stock_movements').insert({ sku: req.params.sku, delta, reason })
      return next
    })
    res.send({ sku: req.params.sku, onHand: updated })
  })
}
