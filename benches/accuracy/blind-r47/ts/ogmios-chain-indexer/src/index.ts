import {
  createChainSynchronizationClient,
  createInteractionContext,
} from '@cardano-ogmios/client'
import { loadCursor, ledgerPool } from './db/ledger.js'
import { rollBackward, rollForward } from './handlers.js'

async function main(): Promise<void> {
  const context = await createInteractionContext(
    (err) => console.error('ogmios error', err),
    (code, reason) => {
      console.error(`ogmios connection closed (${code}): ${reason}`)
      process.exit(1)
    },
    {
      connection: {
        host: process.env.OGMIOS_HOST ?? '127.0.0.1',
        port: Number(process.env.OGMIOS_PORT ?? 1337),
      },
    },
  )

  const chainSync = await createChainSynchronizationClient(context, { rollForward, rollBackward })
  const cursor = await loadCursor()
  await chainSync.resume(cursor ? [cursor] : ['origin'], 20)
  console.log('chain sync started from', cursor ?? 'origin')

  process.on('SIGTERM', async () => {
    await chainSync.shutdown()
    await ledgerPool.end()
    process.exit(0)
  })
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
