import { createClient } from 'redis'

export function createRedis () {
  const client = createClient({ url: process.env.REDIS_URL ?? 'redis://localhost:6379' })
  client.on('error', (err) => console.error('[redis]', err.message))
  return client
}
