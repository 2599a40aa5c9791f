import { Kafka, logLevel } from 'kafkajs'
import { setTimeout as sleep } from 'node:timers/promises'
import { pool } from './db'
import { fetchBatch, markSent } from './outbox/store'

const kafka = new Kafka({
  clientId: 'outbox-relay',
  brokers: (process.env.KAFKA_BROKERS ?? 'localhost:9092').split(','),
  logLevel: logLevel.WARN,
})

const BATCH_SIZE = Number(process.env.BATCH_SIZE ?? 200)
const IDLE_DELAY_MS = 1000

let stopping = false
process.on('SIGTERM', () => {
  stopping = true
})

async function heartbeat() {
  await pool.query('update relay_heartbeat set seen_at = now() where id = 1')
}

async function main() {
  while (!stopping) {
    const rows = await fetchBatch(BATCH_SIZE)
    if (rows.length === 0) {
      await heartbeat()
      await sleep(IDLE_DELAY_MS)
      continue
    }

    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 })
    await producer.connect()
    try {
      await producer.send({
        topic: 'outbox.events',
        messages: rows.map((r) => ({
          key: r.aggregate_id,
          value: JSON.stringify({ id: r.id, type: r.event_type, payload: r.payload }),
          headers: { 'event-type': r.event_type, 'aggregate-type': r.aggregate_type },
        })),
      })
      await markSent(rows.map((r) => r.id))
    } finally {
      await producer.disconnect()
    }
  }
  await pool.end()
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
