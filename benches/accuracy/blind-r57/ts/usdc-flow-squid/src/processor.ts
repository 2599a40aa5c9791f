import {
    BlockHeader,
    DataHandlerContext,
    EvmBatchProcessor,
    EvmBatchProcessorFields,
    Log as _Log,
} from '@subsquid/evm-processor'
import {Store} from '@subsquid/typeorm-store'
import * as p from '@subsquid/evm-codec'
import {event, indexed} from '@subsquid/evm-abi'

export const USDC_CONTRACT = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48'

// Trimmed output of `squid-evm-typegen` for the one event we index.
export const events = {
    Transfer: event(
        '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef',
        'Transfer(address,address,uint256)',
        {from: indexed(p.address), to: indexed(p.address), value: p.uint256}
    ),
}

export const processor = new EvmBatchProcessor()
    .setGateway('https://v2.archive.subsquid.io/network/ethereum-mainnet')
    .setRpcEndpoint({
        url: process.env.RPC_ETH_HTTP ?? 'https://rpc.ankr.com/eth',
        rateLimit: 10,
    })
    .setFinalityConfirmation(75)
    .setFields({
        log: {
            transactionHash: true,
        },
    })
    .setBlockRange({
        from: Number(process.env.START_BLOCK ?? 19_000_000),
    })
    .addLog({
        address: [USDC_CONTRACT],
        topic0: [events.Transfer.topic],
    })

export type Fields = EvmBatchProcessorFields<typeof processor>
export type Block = BlockHeader<Fields>
export type Log = _Log<Fields>
export type ProcessorContext = DataHandlerContext<Store, Fields>
