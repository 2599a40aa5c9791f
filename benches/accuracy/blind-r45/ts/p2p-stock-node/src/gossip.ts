import { createClient } from 'redis'
import { toString } from 'uint8arrays'

export const PRICE_TOPIC = 'warehouse/prices/v1'

interface PriceUpdate {
  sku: string
  price: number
  currency: string
  ts: number
}

export async function onPriceGossip(data: Uint8Array): Promise<void> {
  const update = JSON.parse(toString(data)) as PriceUpdate
  if (!update.sku || !Number.isFinite(update.price)) return

  const redis = createClient({ url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' })
  redis.on('error', (err) => console.error('redis error', err))
  await redis.connect()

  const key = `price:${update.sku}`
  const lastTs = await redis.hGet(key, 'ts')
  if (lastTs !== undefined && Number(lastTs) >= update.ts) {
    // stale gossip, a newer price already arrived
    return
  }
  await redis.hSet(key, {
    price: String(update.price),
    currency: update.currency,
    ts: String(update.ts),
  })
  await redis.quit()
}
