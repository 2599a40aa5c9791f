import { PollingSubscribeProvider, TezosToolkit } from '@taquito/taquito'
import { createKnex, waitForDatabase } from './db.js'
import { makeOperationHandler, type EscrowOperation } from './watch.js'

const contract = process.env.ESCROW_CONTRACT!
const tezos = new TezosToolkit(process.env.TEZOS_RPC_URL ?? 'https://mainnet.api.tez.ie')
tezos.setStreamProvider(
  tezos.getFactory(PollingSubscribeProvider)({
    shouldObservableSubscriptionRetry: true,
    pollingIntervalMilliseconds: 10_000,
  }),
)

const db = createKnex(process.env.ESCROW_DB_URL!)
await waitForDatabase(db)
const onOperation = makeOperationHandler(db, process.env.SETTLEMENT_WEBHOOK_URL!)

const sub = tezos.stream.subscribeOperation({
  and: [{ destination: contract }, { kind: 'transaction' }],
})
sub.on('data', (op) => {
  onOperation(op as unknown as EscrowOperation).catch((err) => console.error('failed to record op', err))
})
sub.on('error', (err) => console.error('subscription error', err))
console.log(`watching escrow contract ${contract}`)

const shutdown = async () => {
  sub.close()
  await db.destroy()
  process.exit(0)
}
process.on('SIGTERM', () => void shutdown())
process.on('SIGINT', () => void shutdown())
