import { Client, logger } from 'camunda-external-task-client-js'
import { chargeInvoice } from './tasks/chargeInvoice'
import { archiveInvoice } from './tasks/archiveInvoice'
import { billingDb } from './db'

const client = new Client({
  baseUrl: process.env.CAMUNDA_REST_URL ?? 'http://localhost:8080/engine-rest',
  workerId: `billing-${process.env.HOSTNAME ?? 'local'}`,
  use: logger,
  maxTasks: 10,
  asyncResponseTimeout: 20000,
  lockDuration: 60000,
})

// Each subscription handler runs once per locked external task.
client.subscribe('invoice-charge', { lockDuration: 120000 }, chargeInvoice)
client.subscribe('invoice-archive', archiveInvoice)

client.on('complete:success', (task) => console.log('completed', task.id))
client.on('handleFailure:error', (task, err) => console.error('failure report failed', task.id, err))

async function shutdown(): Promise<void> {
  client.stop()
  await billingDb.end()
  process.exit(0)
}
process.once('SIGTERM', () => void shutdown())
process.once('SIGINT', () => void shutdown())
