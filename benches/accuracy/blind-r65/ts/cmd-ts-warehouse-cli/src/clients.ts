import pg from 'pg'
import { Redis } from 'ioredis'
import { S3Client } from '@aws-sdk/client-s3'
import { setTimeout as sleep } from 'node:timers/promises'

export interface Clients {
  db: pg.Client
  redis: Redis
  s3: S3Client
}

async function connectDb(url: string, attempts = 5): Promise<pg.Client> {
  for (let attempt = 1; ; attempt++) {
    const client = new pg.Client({ connectionString: url, application_name: 'whctl' })
    try {
      await client.connect()
      return client
    } catch (err) {
      await client.end().catch(() => undefined)
      if (attempt >= attempts) throw err
      console.error(`database not reachable (attempt ${attempt}/${attempts}), retrying…`)
      await sleep(1000 * attempt)
    }
  }
}

/** Opens the connections for one invocation of the CLI. */
export async function openClients(): Promise<Clients> {
  const db = await connectDb(process.env.WAREHOUSE_DATABASE_URL ?? 'postgres://localhost:5432/warehouse')
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379', { lazyConnect: true })
  await redis.connect()
  const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-central-1' })
  return { db, redis, s3 }
}

export async function closeClients({ db, redis, s3 }: Clients) {
  s3.destroy()
  await Promise.allSettled([db.end(), redis.quit()])
}
