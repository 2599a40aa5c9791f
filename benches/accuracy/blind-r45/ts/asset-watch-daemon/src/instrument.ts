import * as Sentry from '@sentry/node'
import { Redis } from 'ioredis'

const MAX_EVENTS_PER_FINGERPRINT_PER_HOUR = 20

Sentry.init({
  dsn: process.env.SENTRY_DSN,
  environment: process.env.NODE_ENV ?? 'production',
  tracesSampleRate: 0,
  // Runs for every captured error: drop noisy repeats so a broken file
  // on the share doesn't burn the whole Sentry quota.
  async beforeSend(event) {
    const fingerprint = event.exception?.values?.[0]?.type ?? event.message ?? 'unknown'
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true })
    try {
      await redis.connect()
      const bucket = `sentry:rate:${fingerprint}:${new Date().toISOString().slice(0, 13)}`
      const seen = await redis.incr(bucket)
      if (seen === 1) await redis.expire(bucket, 3600)
      return seen > MAX_EVENTS_PER_FINGERPRINT_PER_HOUR ? null : event
    } catch {
      return event
    } finally {
      redis.disconnect()
    }
  },
})
