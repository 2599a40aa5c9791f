import { Redis } from 'ioredis'
import { from } from 'ix/asynciterable'
import { buffer, map } from 'ix/asynciterable/operators'
import type pg from 'pg'
import { createPool } from './db.js'

const STREAM = 'clicks'
const GROUP = 'clickstream-writer'
const CONSUMER = process.env.DYNO ?? `worker-${process.pid}`

interface Click {
  id: string
  path: string
  visitor: string
  at: Date
  valid: boolean
}

async function* readClicks(redis: Redis, signal: AbortSignal): AsyncGenerator<[string, string[]]> {
  while (!signal.aborted) {
    const res = (await redis.xreadgroup(
      'GROUP', GROUP, CONSUMER, 'COUNT', 200, 'BLOCK', 5000, 'STREAMS', STREAM, '>',
    )) as [string, [string, string[]][]][] | null
    if (!res) continue
    for (const [, entries] of res) yield* entries
  }
}

function toClick([id, fields]: [string, string[]]): Click {
  const f: Record<string, string> = {}
  for (let i = 0; i < fields.length; i += 2) f[fields[i]] = fields[i + 1]
  const valid = Boolean(f.path && f.visitor) && !f.path.startsWith('/healthz')
  return { id, path: f.path ?? '', visitor: f.visitor ?? '', at: new Date(Number(f.ts) || Date.now()), valid }
}

async function writeBatch(pool: pg.Pool, redis: Redis, batch: Click[]) {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    for (const c of batch.filter((click) => click.valid)) {
      await client.query('INSERT INTO page_views (path, visitor, viewed_at) VALUES ($1, $2, $3)', [c.path, c.visitor, c.at])
    }
    await client.query('COMMIT')
  } catch (err) {
    await client.query('ROLLBACK')
    throw err
  } finally {
    client.release()
  }
  await redis.xack(STREAM, GROUP, ...batch.map((c) => c.id))
}

async function main() {
  const pool = createPool('worker')
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379')
  await redis.xgroup('CREATE', STREAM, GROUP, '$', 'MKSTREAM').catch((err: Error) => {
    if (!err.message.includes('BUSYGROUP')) throw err
  })

  const stop = new AbortController()
  process.on('SIGTERM', () => stop.abort())

  const batches = from(readClicks(redis, stop.signal)).pipe(
    map(toClick),
    buffer(100),
  )

  for await (const batch of batches) {
    await writeBatch(pool, redis, batch)
  }

  await pool.end()
  await redis.quit()
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
