import Bacnet from 'bacstack'
import { readFileSync } from 'node:fs'
import { createPoolWithRetry, createRedis } from './clients'
import { makeCovHandler } from './cov'

interface PointConfig {
  name: string
  address: string
  device: number
  objectType: number
  instance: number
}

const LIFETIME_S = 3600

async function main(): Promise<void> {
  const points: PointConfig[] = JSON.parse(readFileSync(process.env.POINTS_FILE ?? '/etc/bms/points.json', 'utf8'))

  const pool = await createPoolWithRetry()
  const redis = createRedis()
  const pointNames = new Map(points.map((p) => [`${p.device}:${p.objectType}:${p.instance}`, p.name]))

  const client = new Bacnet({ apduTimeout: 6000, interface: process.env.BACNET_IFACE })
  const onCov = makeCovHandler({ pool, redis, pointNames })

  client.on('covNotifyUnconfirmed', (data) => {
    onCov(data).catch((err) => console.error('COV write failed', err))
  })
  client.on('error', (err) => console.error('bacnet error', err))

  const subscribeAll = (): void => {
    points.forEach((p, i) => {
      client.subscribeCOV(p.address, { type: p.objectType, instance: p.instance }, 1000 + i, false, false, LIFETIME_S, (err) => {
        if (err) console.warn('subscribeCOV %s failed: %s', p.name, err.message)
      })
    })
  }
  subscribeAll()
  // COV subscriptions expire on the controllers; renew before the lifetime runs out.
  const renew = setInterval(subscribeAll, (LIFETIME_S - 300) * 1000)

  const shutdown = async (): Promise<void> => {
    clearInterval(renew)
    client.close()
    await pool.end()
    redis.disconnect()
    process.exit(0)
  }
  process.once('SIGTERM', () => void shutdown())
  process.once('SIGINT', () => void shutdown())
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
