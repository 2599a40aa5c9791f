import i2c from 'i2c-bus'
import { readCelsius, type Sensor } from './sensor.js'
import { flush, openPool, type Reading } from './store.js'

const SENSORS: Sensor[] = [
  { name: 'bench-north', address: 0x48 },
  { name: 'bench-south', address: 0x49 },
]
const SAMPLE_MS = 5_000
const FLUSH_MS = 60_000

async function main() {
  const bus = await i2c.openPromisified(1)
  const pool = await openPool(process.env.DATABASE_URL ?? 'postgres://pi@nas.local:5432/greenhouse')

  let buffer: Reading[] = []

  const sampler = setInterval(async () => {
    for (const sensor of SENSORS) {
      try {
        buffer.push({ sensor: sensor.name, celsius: await readCelsius(bus, sensor), takenAt: new Date() })
      } catch (err) {
        console.error(`read failed for ${sensor.name}: ${(err as Error).message}`)
      }
    }
  }, SAMPLE_MS)

  const flusher = setInterval(async () => {
    const batch = buffer
    buffer = []
    try {
      await flush(pool, batch)
    } catch (err) {
      console.error(`flush failed, keeping ${batch.length} readings: ${(err as Error).message}`)
      buffer = batch.concat(buffer)
    }
  }, FLUSH_MS)

  const stop = async () => {
    clearInterval(sampler)
    clearInterval(flusher)
    await flush(pool, buffer).catch(() => undefined)
    await pool.end()
    await bus.close()
    process.exit(0)
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
