import solace from 'solclientjs'
import { handlers } from './handlers/index.js'

const factoryProps = new solace.SolclientFactoryProperties()
factoryProps.profile = solace.SolclientFactoryProfiles.version10
solace.SolclientFactory.init(factoryProps)
solace.SolclientFactory.setLogLevel(solace.LogLevel.WARN)

const session = solace.SolclientFactory.createSession({
  url: process.env.SOLACE_URL ?? 'tcp://localhost:55555',
  vpnName: process.env.SOLACE_VPN ?? 'default',
  userName: process.env.SOLACE_USER ?? 'order-events',
  password: process.env.SOLACE_PASSWORD ?? '',
  reconnectRetries: -1,
})

function decode(message: solace.Message): unknown {
  const body = message.getBinaryAttachment()
  const text = typeof body === 'string' ? body : new TextDecoder().decode(body as Uint8Array)
  return JSON.parse(text)
}

function startConsumer() {
  const consumer = session.createMessageConsumer({
    queueDescriptor: { name: process.env.SOLACE_QUEUE ?? 'Q.orders.fulfilment', type: solace.QueueType.QUEUE },
    acknowledgeMode: solace.MessageConsumerAcknowledgeMode.CLIENT,
    requiredSettlementOutcomes: [solace.MessageOutcome.FAILED, solace.MessageOutcome.REJECTED],
  })

  consumer.on(solace.MessageConsumerEventName.UP, () => {
    console.log('bound to queue')
  })
  consumer.on(solace.MessageConsumerEventName.CONNECT_FAILED_ERROR, (err: unknown) => {
    console.error('queue bind failed', err)
  })
  consumer.on(solace.MessageConsumerEventName.MESSAGE, (message: solace.Message) => {
    const topic = message.getDestination()?.getName() ?? ''
    const kind = topic.split('/').slice(0, 3).join('/')
    const handler = handlers[kind]
    if (!handler) {
      message.settle(solace.MessageOutcome.REJECTED)
      return
    }
    handler(decode(message), topic)
      .then(() => message.acknowledge())
      .catch((err) => {
        console.error(`handler for ${kind} failed`, err)
        message.settle(solace.MessageOutcome.FAILED)
      })
  })

  consumer.connect()
}

session.on(solace.SessionEventCode.UP_NOTICE, () => startConsumer())
session.on(solace.SessionEventCode.CONNECT_FAILED_ERROR, (event: solace.SessionEvent) => {
  console.error('solace connect failed', event.infoStr)
  process.exit(1)
})

session.connect()

process.on('SIGTERM', () => {
  session.disconnect()
})
