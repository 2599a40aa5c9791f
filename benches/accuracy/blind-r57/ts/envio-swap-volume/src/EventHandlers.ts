import { UniswapV3Pool, Swap, PoolDayData } from "generated";
import { ethUsdAt, getAlertBus } from "./clients";

const WHALE_USD = 2_000_000;

// token0 is USDC (6 decimals) on both pools; token1 is WETH (18 decimals)
function usdValue(amount0: bigint, amount1: bigint, ethUsd: number): number {
  const usdc = Math.abs(Number(amount0)) / 1e6;
  if (usdc > 0) return usdc;
  return (Math.abs(Number(amount1)) / 1e18) * ethUsd;
}

function dayBucket(timestamp: number): number {
  return Math.floor(timestamp / 86_400) * 86_400;
}

UniswapV3Pool.Swap.handler(async ({ event, context }) => {
  const timestamp = event.block.timestamp;
  const ethUsd = await ethUsdAt(event.chainId, timestamp);
  const amountUsd = usdValue(event.params.amount0, event.params.amount1, ethUsd);

  const swap: Swap = {
    id: `${event.chainId}_${event.block.number}_${event.logIndex}`,
    chainId: event.chainId,
    pool: event.srcAddress,
    sender: event.params.sender,
    recipient: event.params.recipient,
    amount0: event.params.amount0,
    amount1: event.params.amount1,
    amountUsd,
    timestamp,
    txHash: event.transaction.hash,
  };
  context.Swap.set(swap);

  const date = dayBucket(timestamp);
  const dayId = `${event.chainId}_${event.srcAddress}_${date}`;
  const existing = await context.PoolDayData.get(dayId);
  const day: PoolDayData = existing
    ? { ...existing, volumeUsd: existing.volumeUsd + amountUsd, swapCount: existing.swapCount + 1 }
    : {
        id: dayId,
        chainId: event.chainId,
        pool: event.srcAddress,
        date,
        volumeUsd: amountUsd,
        swapCount: 1,
      };
  context.PoolDayData.set(day);

  if (amountUsd >= WHALE_USD) {
    context.log.info(`whale swap ${swap.id}: $${amountUsd.toFixed(0)}`);
    await getAlertBus().xadd(
      "swaps:whales",
      "MAXLEN",
      "~",
      "10000",
      "*",
      "id",
      swap.id,
      "usd",
      amountUsd.toFixed(2),
      "tx",
      swap.txHash,
    );
  }
});
