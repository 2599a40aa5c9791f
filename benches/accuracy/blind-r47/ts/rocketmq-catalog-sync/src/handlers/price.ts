import { openCatalog, type Product } from '../lib/catalog.js'
import { publishPriceDrop } from '../lib/notify.js'

export interface PriceChanged {
  productId: string
  priceCents: number
  currency: string
}

export async function handlePriceChanged(evt: PriceChanged): Promise<void> {
  const catalog = await openCatalog()
  const products = catalog.db('catalog').collection<Product>('products')
  const before = await products.findOneAndUpdate(
    { _id: evt.productId },
    { $set: { priceCents: evt.priceCents, currency: evt.currency, updatedAt: new Date() } },
    { returnDocument: 'before' },
  )
  if (before && before.priceCents > evt.priceCents && before.watchers.length > 0) {
    await publishPriceDrop(evt.productId, before.priceCents, evt.priceCents)
  }
}
