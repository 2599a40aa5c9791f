import { EvmBatchProcessor, EvmBatchProcessorFields, BlockHeader, Log as _Log } from '@subsquid/evm-processor'
import * as usdc from './abi/usdc'

export const USDC_ADDRESS = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48'

export const processor = new EvmBatchProcessor()
    .setGateway('https://v2.archive.subsquid.io/network/ethereum-mainnet')
    .setRpcEndpoint({
        url: process.env.RPC_ETH_HTTP ?? 'https://rpc.ankr.com/eth',
        rateLimit: 10,
    })
    .setFinalityConfirmation(75)
    .setFields({
        log: { transactionHash: true },
    })
    .setBlockRange({ from: 6_082_465 })
    .addLog({
        address: [USDC_ADDRESS],
        topic0: [usdc.events.Transfer.topic],
    })

export type Fields = EvmBatchProcessorFields<typeof processor>
export type Block = BlockHeader<Fields>
export type Log = _Log<Fields>
