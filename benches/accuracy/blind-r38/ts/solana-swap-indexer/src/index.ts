import { Connection, PublicKey, type Logs, type Context } from '@solana/web3.js';
import { saveSwap } from './db.js';
import { recordSlot } from './metrics.js';
import { openPriceCache, publishLastPrice } from './prices.js';

const PROGRAM_ID = new PublicKey(process.env.AMM_PROGRAM_ID ?? '675kPX9MHTjS2zt1qfr1NYHuzeLXfQM9H24wFSUt1Mp8');

const connection = new Connection(process.env.RPC_URL ?? 'https://api.mainnet-beta.solana.com', {
  commitment: 'confirmed',
  wsEndpoint: process.env.RPC_WS_URL,
});

async function onSwapLogs(logs: Logs, ctx: Context): Promise<void> {
  if (logs.err || !logs.logs.some((l) => l.includes('Instruction: Swap'))) return;

  const tx = await connection.getParsedTransaction(logs.signature, {
    commitment: 'confirmed',
    maxSupportedTransactionVersion: 0,
  });
  if (!tx?.meta) return;

  const pre = tx.meta.preTokenBalances ?? [];
  const post = tx.meta.postTokenBalances ?? [];
  const deltas = post.map((p) => {
    const before = pre.find((b) => b.accountIndex === p.accountIndex);
    const delta = BigInt(p.uiTokenAmount.amount) - BigInt(before?.uiTokenAmount.amount ?? '0');
    return { mint: p.mint, owner: p.owner ?? '', delta };
  });
  const poolAccount = tx.transaction.message.accountKeys[1]?.pubkey.toBase58() ?? 'unknown';
  const into = deltas.find((d) => d.owner === poolAccount && d.delta > 0n);
  const outOf = deltas.find((d) => d.owner === poolAccount && d.delta < 0n);
  if (!into || !outOf) return;

  await saveSwap({
    signature: logs.signature,
    slot: ctx.slot,
    pool: poolAccount,
    mintIn: into.mint,
    mintOut: outOf.mint,
    amountIn: into.delta.toString(),
    amountOut: (-outOf.delta).toString(),
  });

  const cache = openPriceCache();
  await publishLastPrice(cache, poolAccount, Number(-outOf.delta) / Number(into.delta));

  const blockTime = tx.blockTime ? tx.blockTime * 1000 : Date.now();
  await recordSlot(ctx.slot, Date.now() - blockTime);
}

const subscriptionId = connection.onLogs(
  PROGRAM_ID,
  (logs, ctx) => {
    onSwapLogs(logs, ctx).catch((err) => console.error('swap handling failed', logs.signature, err));
  },
  'confirmed',
);
console.log(`subscribed to ${PROGRAM_ID.toBase58()} logs (subscription ${subscriptionId})`);

process.on('SIGTERM', async () => {
  await connection.removeOnLogsListener(subscriptionId);
  process.exit(0);
});
