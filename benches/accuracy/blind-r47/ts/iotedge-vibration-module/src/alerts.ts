import { createClient } from 'redis'

// Clears the de-duplication keys the HMI uses to suppress repeated alerts.
// Invoked from the cloud as a direct method after maintenance.
export async function flushAlerts(line: string): Promise<number> {
  const redis = createClient({ url: process.env.HMI_REDIS_URL })
  redis.on('error', (err) => console.error('hmi redis error', err.message))
  await redis.connect()

  const pattern = line === 'all' ? 'alert:suppress:*' : `alert:suppress:${line}:*`
  let flushed = 0
  for await (const key of redis.scanIterator({ MATCH: pattern, COUNT: 200 })) {
    flushed += await redis.del(key)
  }
  await redis.publish('hmi:alerts', JSON.stringify({ type: 'flushed', line, flushed }))
  return flushed
}
