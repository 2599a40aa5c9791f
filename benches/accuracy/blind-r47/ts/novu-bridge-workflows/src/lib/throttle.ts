import { Redis } from 'ioredis'

export const throttleRedis = new Redis(process.env.REDIS_URL!, {
  keyPrefix: 'notify:throttle:',
  maxRetriesPerRequest: 2,
})

// Returns true when the same order already produced a shipping mail recently
// (carriers sometimes send the "shipped" webhook twice).
export async function alreadySent(orderId: string): Promise<boolean> {
  const set = await throttleRedis.set(orderId, '1', 'EX', 6 * 3600, 'NX')
  return set === null
}
