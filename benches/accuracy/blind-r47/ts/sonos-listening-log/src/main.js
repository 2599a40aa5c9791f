import { Listener, Sonos } from 'sonos'
import { createPool, createRedis } from './clients.js'
import { makeTrackHandler } from './track-handler.js'

const hosts = (process.env.SONOS_HOSTS ?? '').split(',').filter(Boolean)
if (hosts.length === 0) {
  console.error('SONOS_HOSTS is empty')
  process.exit(1)
}

const pool = await createPool(process.env.DATABASE_URL)
const redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379')

for (const host of hosts) {
  const device = new Sonos(host)
  const { roomName } = await device.deviceDescription()
  const onTrack = makeTrackHandler({ pool, redis, room: roomName })

  device.on('CurrentTrack', (track) => {
    onTrack(track).catch((err) => console.error(`[${roomName}] failed to log track`, err))
  })
  device.on('PlayState', (state) => {
    redis.hset('sonos:state', roomName, state).catch(() => {})
  })
  console.log(`listening to ${roomName} (${host})`)
}

async function shutdown() {
  await Listener.stopListener().catch(() => {})
  await redis.quit()
  await pool.end()
  process.exit(0)
}
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
