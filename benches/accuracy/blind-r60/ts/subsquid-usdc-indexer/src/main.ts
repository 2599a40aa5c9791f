import { TypeormDatabase } from '@subsquid/typeorm-store'
import Redis from 'ioredis'
import { processor, USDC_ADDRESS } from './processor'
import * as usdc from './abi/usdc'
import { Transfer } from './model'
import { alertsDb, insertWhaleAlerts, WhaleTransfer } from './alerts'

// 1M USDC (6 decimals)
const WHALE_THRESHOLD = 1_000_000n * 10n ** 6n

processor.run(new TypeormDatabase({ supportHotBlocks: true }), async (ctx) => {
    const transfers: Transfer[] = []
    const whales: WhaleTransfer[] = []

    for (const block of ctx.blocks) {
        for (const log of block.logs) {
            if (log.address !== USDC_ADDRESS || log.topics[0] !== usdc.events.Transfer.topic) continue
            const { from, to, value } = usdc.events.Transfer.decode(log)
            const transfer = new Transfer({
                id: log.id,
                block: block.header.height,
                timestamp: new Date(block.header.timestamp),
                from,
                to,
                value,
                txHash: log.transactionHash,
            })
            transfers.push(transfer)
            if (value >= WHALE_THRESHOLD) {
                whales.push({ txHash: log.transactionHash, from, to, value, block: transfer.block, timestamp: transfer.timestamp })
            }
        }
    }

    await ctx.store.insert(transfers)

    // live ticker for the dashboard: last indexed height + transfer count of this batch
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379')
    const last = ctx.blocks[ctx.blocks.length - 1]
    await redis
        .multi()
        .set('usdc:last_height', String(last.header.height))
        .incrby('usdc:transfers_total', transfers.length)
        .publish('usdc:batches', JSON.stringify({ height: last.header.height, count: transfers.length }))
        .exec()
    await redis.quit()

    if (whales.length > 0) {
        const risk = alertsDb()
        await insertWhaleAlerts(risk, whales)
        await risk.end()
        ctx.log.info(`${whales.length} whale transfer(s) flagged`)
    }
})
