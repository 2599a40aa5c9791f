import { Server } from 'node-osc'
import { closeVenueClients, redisForVenue } from './venues.js'
import { connectStore, makeRecorder } from './store.js'

const store = await connectStore()
const record = makeRecorder(store)

const port = Number(process.env.OSC_PORT ?? 9000)
const osc = new Server(port, '0.0.0.0', () => console.log(`OSC telemetry listening on udp/${port}`))

// Consoles send e.g. /venue/arena/fader/12 0.73 or /venue/club/scene "Act 2"
osc.on('message', (msg) => {
  const [address, ...args] = msg
  const parts = String(address).split('/')
  if (parts[1] !== 'venue' || parts.length < 4) return
  const venue = parts[2]
  const control = parts.slice(3).join('/')

  const redis = redisForVenue(venue)
  if (!redis) return

  redis.hset(`foh:${venue}`, control, JSON.stringify(args)).catch(() => {})
  record(venue, control, args).catch((err) => console.error('cassandra write failed', err.message))
})

const shutdown = async () => {
  osc.close()
  await closeVenueClients()
  await store.shutdown()
  process.exit(0)
}
process.on('SIGTERM', () => void shutdown())
process.on('SIGINT', () => void shutdown())
