import { ModuleClient, Message } from 'azure-iot-device'
import { Mqtt } from 'azure-iot-device-mqtt'
import { handleReading } from './readings.js'
import { flushAlerts } from './alerts.js'
import { pool } from './db.js'

async function main(): Promise<void> {
  const client = await ModuleClient.fromEnvironment(Mqtt)
  client.on('error', (err: Error) => console.error('module client error', err.message))
  await client.open()
  console.log('vibration module connected to edgeHub')

  client.on('inputMessage', (inputName: string, msg: Message) => {
    void (async () => {
      try {
        if (inputName !== 'vibration') return
        const alert = await handleReading(msg.getBytes().toString('utf8'))
        if (alert) {
          const out = new Message(JSON.stringify(alert))
          out.properties.add('severity', alert.severity)
          await client.sendOutputEvent('alerts', out)
        }
      } catch (err) {
        console.error(`failed to process ${inputName} message`, err)
      } finally {
        await client.complete(msg)
      }
    })()
  })

  client.onMethod('flushAlerts', (request, response) => {
    const payload = (request.payload ?? {}) as { line?: string }
    flushAlerts(payload.line ?? 'all')
      .then((flushed) => response.send(200, { flushed }))
      .catch((err: Error) => response.send(500, { error: err.message }))
  })

  const shutdown = async () => {
    await client.close()
    await pool.end()
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown())
  process.on('SIGINT', () => void shutdown())
}

main().catch((err) => {
  console.error('module failed to start', err)
  process.exit(1)
})
