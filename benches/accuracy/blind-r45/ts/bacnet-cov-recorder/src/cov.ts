import type { Pool } from 'mysql2/promise'
import type Redis from 'ioredis'
import type { CovNotification } from 'bacstack'

const PROP_PRESENT_VALUE = 85
const PROP_STATUS_FLAGS = 111

export interface CovDeps {
  pool: Pool
  redis: Redis
  pointNames: Map<string, string>
}

/** Built once in main; the returned function runs per COV notification. */
export function makeCovHandler({ pool, redis, pointNames }: CovDeps) {
  return async function onCov(data: CovNotification): Promise<void> {
    const { initiatingDeviceId, monitoredObjectId, values } = data.request
    const key = `${initiatingDeviceId.instance}:${monitoredObjectId.type}:${monitoredObjectId.instance}`
    const point = pointNames.get(key) ?? key

    const present = values.find((v) => v.property.id === PROP_PRESENT_VALUE)?.value[0]?.value
    const flags = values.find((v) => v.property.id === PROP_STATUS_FLAGS)?.value[0]?.value
    if (present === undefined) return

    const conn = await pool.getConnection()
    try {
      await conn.query(
        'INSERT INTO point_samples (point, device, value, status_flags, sampled_at) VALUES (?, ?, ?, ?, NOW(3))',
        [point, initiatingDeviceId.instance, Number(present), JSON.stringify(flags ?? null)],
      )
      await conn.query('UPDATE points SET last_value = ?, last_seen = NOW(3) WHERE name = ?', [Number(present), point])
    } finally {
      conn.release()
    }

    await redis.hset('bms:latest', point, JSON.stringify({ v: present, at: Date.now() }))
  }
}
