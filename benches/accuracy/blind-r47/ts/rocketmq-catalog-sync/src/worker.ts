import { SimpleConsumer } from 'rocketmq-client-nodejs'
import { handlers } from './handlers/index.js'

const consumer = new SimpleConsumer({
  consumerGroup: 'catalog-sync',
  endpoints: process.env.ROCKETMQ_ENDPOINTS ?? '127.0.0.1:8081',
  subscriptions: new Map().set('catalog-events', 'PRICE_CHANGED || STOCK_ADJUSTED'),
})

let running = true
process.on('SIGTERM', () => {
  running = false
})

async function main(): Promise<void> {
  await consumer.startup()
  console.log('catalog-sync consumer started')

  while (running) {
    const messages = await consumer.receive(16, 30_000)
    for (const message of messages) {
      const handler = handlers[message.tag ?? '']
      if (!handler) {
        await consumer.ack(message)
        continue
      }
      try {
        await handler(JSON.parse(message.body.toString('utf8')))
        await consumer.ack(message)
      } catch (err) {
        // not acked: redelivered after the invisible duration
        console.error(`handler for ${message.tag} failed on ${message.messageId}`, err)
      }
    }
  }
  await consumer.shutdown()
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
