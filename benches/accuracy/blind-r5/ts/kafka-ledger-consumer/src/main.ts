import { Kafka } from 'kafkajs'
import { Pool } from 'pg'
import { setTimeout as sleep } from 'node:timers/promises'
import { applyEntry, type LedgerEntry } from './ledger'

const kafka = new Kafka({
  clientId: 'ledger-consumer',
  brokers: (process.env.KAFKA_BROKERS ?? 'localhost:9092').split(','),
})

async function connectDatabase(): Promise<Pool> {
  // Postgres is often still starting when the container comes up.
  let attempt = 0
  while (true) {
    const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 8 })
    try {
      await pool.query('select 1')
      return pool
    } catch (err) {
      await pool.end().catch(() => {})
      attempt += 1
      if (attempt >= 10) throw err
      console.warn(`database not ready (attempt ${attempt}), retrying`)
      await sleep(Math.min(30_000, 500 * 2 ** attempt))
    }
  }
}

async function main() {
  const pool = await connectDatabase()
  const consumer = kafka.consumer({ groupId: 'ledger-writer' })
  await consumer.connect()
  await consumer.subscribe({ topic: 'payments.ledger', fromBeginning: false })

  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      if (!message.value) return
      const entry = JSON.parse(message.value.toString()) as LedgerEntry
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const applied = await applyEntry(client, entry)
        await client.query('COMMIT')
        if (!applied) console.info(`skipped duplicate ${entry.entryId} (p${partition})`)
      } catch (err) {
        await client.query('ROLLBACK')
        throw err
      } finally {
        client.release()
      }
    },
  })

  const shutdown = async () => {
    await consumer.disconnect()
    await pool.end()
    process.exit(0)
  }
  process.on('SIGTERM', shutdown)
  process.on('SIGINT', shutdown)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
