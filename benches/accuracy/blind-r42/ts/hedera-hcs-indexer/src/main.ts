import { Client, TopicId, TopicMessageQuery, Timestamp } from '@hashgraph/sdk'
import type { SubscriptionHandle } from '@hashgraph/sdk'
import { pool, loadCursor } from './db.js'
import { handleTopicMessage } from './handler.js'

const network = process.env.HEDERA_NETWORK ?? 'testnet'
const topics = (process.env.HCS_TOPICS ?? '').split(',').filter(Boolean)

async function main() {
  // One SDK client (gRPC channels to the mirror node) for every subscription.
  const client = Client.forName(network)
  const handles: SubscriptionHandle[] = []

  for (const id of topics) {
    const since = (await loadCursor(id)) ?? new Date(0)
    const handle = new TopicMessageQuery()
      .setTopicId(TopicId.fromString(id))
      .setStartTime(Timestamp.fromDate(since))
      .subscribe(
        client,
        (_message, error) => console.error(`subscription ${id} error`, error),
        (message) => {
          handleTopicMessage(id, message).catch((err) =>
            console.error(`failed to index ${id}#${message.sequenceNumber}`, err),
          )
        },
      )
    handles.push(handle)
    console.log(`subscribed to ${id} from ${since.toISOString()}`)
  }

  const shutdown = async () => {
    for (const h of handles) h.unsubscribe()
    client.close()
    await pool.end()
    process.exit(0)
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
