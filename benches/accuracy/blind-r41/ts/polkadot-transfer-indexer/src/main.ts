import { ApiPromise, WsProvider } from '@polkadot/api';
import type { Header } from '@polkadot/types/interfaces';
import { lastIndexedBlock, saveBlock, pool } from './store.js';
import { raiseWhaleAlerts } from './alerts.js';
import type { Transfer } from './types.js';

async function handleFinalizedHead(api: ApiPromise, header: Header): Promise<void> {
  const blockNumber = header.number.toNumber();
  const blockHash = header.hash.toHex();
  const apiAt = await api.at(header.hash);
  const records = await apiAt.query.system.events();

  const transfers: Transfer[] = [];
  records.forEach(({ event }, eventIndex) => {
    if (api.events.balances.Transfer.is(event)) {
      const [from, to, amount] = event.data;
      transfers.push({
        blockNumber,
        blockHash,
        eventIndex,
        from: from.toString(),
        to: to.toString(),
        amountPlanck: amount.toBigInt(),
      });
    }
  });

  await saveBlock(blockNumber, blockHash, transfers);
  const alerts = await raiseWhaleAlerts(transfers);
  console.info(`#${blockNumber}: ${transfers.length} transfers, ${alerts} whale alerts`);
}

async function main(): Promise<void> {
  const provider = new WsProvider(process.env.DOT_WS_URL ?? 'wss://rpc.polkadot.io');
  const api = await ApiPromise.create({ provider });
  const chain = await api.rpc.system.chain();
  console.info(`connected to ${chain.toString()}, last indexed block #${await lastIndexedBlock()}`);

  let queue: Promise<void> = Promise.resolve();
  const unsubscribe = await api.rpc.chain.subscribeFinalizedHeads((header) => {
    // Serialize block handling so blocks are stored in order.
    queue = queue
      .then(() => handleFinalizedHead(api, header))
      .catch((err) => console.error(`block ${header.number.toNumber()} failed`, err));
  });

  const shutdown = async () => {
    unsubscribe();
    await queue;
    await api.disconnect();
    await pool.end();
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
