import {TypeormDatabase} from '@subsquid/typeorm-store'
import {In} from 'typeorm'
import Redis from 'ioredis'
import {processor, events, USDC_CONTRACT, ProcessorContext} from './processor'
import {Transfer, Account} from './model'
import {postWhaleAlerts, WhaleAlert, formatUsdc} from './alerts'

const WHALE_THRESHOLD = 1_000_000n * 10n ** 6n // 1M USDC

processor.run(new TypeormDatabase({supportHotBlocks: true}), async (ctx) => {
    const feed = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0')

    const transfers = decodeTransfers(ctx)
    const whales: WhaleAlert[] = []

    for (const t of transfers) {
        if (t.value >= WHALE_THRESHOLD) {
            whales.push(t)
            await feed.publish(
                'usdc:whales',
                JSON.stringify({tx: t.txHash, amount: formatUsdc(t.value), block: t.blockNumber})
            )
        }
    }

    const accounts = await loadAccounts(ctx, transfers)
    for (const t of transfers) {
        applyTransfer(accounts, t)
    }

    await ctx.store.upsert([...accounts.values()])
    await ctx.store.insert(transfers)

    if (ctx.isHead) {
        await feed.set('usdc:head', String(ctx.blocks[ctx.blocks.length - 1].header.height))
    }
    await postWhaleAlerts(whales, ctx.log)
})

function decodeTransfers(ctx: ProcessorContext): Transfer[] {
    const out: Transfer[] = []
    for (const block of ctx.blocks) {
        for (const log of block.logs) {
            if (log.address !== USDC_CONTRACT || log.topics[0] !== events.Transfer.topic) continue
            const {from, to, value} = events.Transfer.decode(log)
            out.push(
                new Transfer({
                    id: log.id,
                    blockNumber: block.header.height,
                    timestamp: new Date(block.header.timestamp),
                    from: from.toLowerCase(),
                    to: to.toLowerCase(),
                    value,
                    txHash: log.transactionHash,
                })
            )
        }
    }
    return out
}

async function loadAccounts(ctx: ProcessorContext, transfers: Transfer[]): Promise<Map<string, Account>> {
    const ids = new Set<string>()
    for (const t of transfers) {
        ids.add(t.from)
        ids.add(t.to)
    }
    const existing = await ctx.store.findBy(Account, {id: In([...ids])})
    const map = new Map(existing.map((a) => [a.id, a]))
    for (const id of ids) {
        if (!map.has(id)) {
            map.set(id, new Account({id, balance: 0n, transferCount: 0, lastSeen: null}))
        }
    }
    return map
}

function applyTransfer(accounts: Map<string, Account>, t: Transfer): void {
    const from = accounts.get(t.from)!
    const to = accounts.get(t.to)!
    from.balance -= t.value
    from.transferCount += 1
    from.lastSeen = t.timestamp
    to.balance += t.value
    to.transferCount += 1
    to.lastSeen = t.timestamp
}
