import { MongoClient } from 'mongodb'

export type XpDoc = {
  guildId: string
  userId: string
  xp: number
  level: number
}

export function createStatsClient(): MongoClient {
  return new MongoClient(process.env.MONGO_URL ?? 'mongodb://localhost:27017', {
    appName: 'discord-xp-bot',
    maxPoolSize: 5,
  })
}

export function levelFor(xp: number): number {
  return Math.floor(0.1 * Math.sqrt(xp))
}
