import { createLibp2p } from 'libp2p'
import { tcp } from '@libp2p/tcp'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { gossipsub } from '@chainsafe/libp2p-gossipsub'
import { identify } from '@libp2p/identify'
import { bootstrap } from '@libp2p/bootstrap'
import { handleStockQuery, STOCK_PROTOCOL } from './stock.js'
import { onPriceGossip, PRICE_TOPIC } from './gossip.js'

const bootstrapPeers = (process.env.BOOTSTRAP_PEERS ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean)

async function main(): Promise<void> {
  const node = await createLibp2p({
    addresses: {
      listen: [process.env.LISTEN_ADDR ?? '/ip4/0.0.0.0/tcp/4010'],
    },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    peerDiscovery: bootstrapPeers.length > 0 ? [bootstrap({ list: bootstrapPeers })] : [],
    services: {
      identify: identify(),
      pubsub: gossipsub({ allowPublishToZeroTopicPeers: true, emitSelf: false }),
    },
  })

  // Other warehouses open a stream per stock lookup.
  await node.handle(STOCK_PROTOCOL, (data) => {
    handleStockQuery(data).catch((err) => {
      console.error('stock query from %s failed', data.connection.remotePeer.toString(), err)
      data.stream.abort(err as Error)
    })
  }, { maxInboundStreams: 64 })

  // The pricing service gossips every price change to all sites.
  node.services.pubsub.subscribe(PRICE_TOPIC)
  node.services.pubsub.addEventListener('message', (evt) => {
    if (evt.detail.topic !== PRICE_TOPIC) return
    onPriceGossip(evt.detail.data).catch((err) => console.error('price gossip failed', err))
  })

  node.addEventListener('peer:connect', (evt) => {
    console.log('connected to', evt.detail.toString())
  })

  console.log('peer id', node.peerId.toString())
  for (const addr of node.getMultiaddrs()) console.log('listening on', addr.toString())

  const shutdown = async (): Promise<void> => {
    await node.stop()
    process.exit(0)
  }
  process.once('SIGINT', () => void shutdown())
  process.once('SIGTERM', () => void shutdown())
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
