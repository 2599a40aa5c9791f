import { Redis } from 'ioredis'

const redis = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: 2 })

// Subscribers can mute individual notification types from the settings page.
export async function isMuted(subscriberId: string, stepId: string): Promise<boolean> {
  return (await redis.sismember(`mute:${subscriberId}`, stepId)) === 1
}
