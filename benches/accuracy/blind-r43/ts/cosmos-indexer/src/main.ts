import { Tendermint37Client, WebsocketClient } from '@cosmjs/tendermint-rpc';
import { redis } from './cache.js';
import { pool, saveCursor } from './db.js';
import { onTx } from './handlers/transfer.js';
import { closeUptimeDb, onHeader } from './handlers/validators.js';

async function main(): Promise<void> {
  const ws = new WebsocketClient(process.env.COMET_WS ?? 'wss://rpc.cosmos.directory/cosmoshub/websocket', (err) =>
    console.error('websocket error', err),
  );
  const tm = await Tendermint37Client.create(ws);
  const status = await tm.status();
  console.log('connected to', status.nodeInfo.network, 'at height', status.syncInfo.latestBlockHeight);

  tm.subscribeTx("tm.event='Tx' AND message.module='bank'").addListener({
    next: (ev) => void onTx(ev).catch((err) => console.error('tx failed', err)),
    error: (err) => console.error('tx stream error', err),
    complete: () => console.warn('tx stream completed'),
  });

  tm.subscribeNewBlockHeader().addListener({
    next: (header) =>
      void Promise.all([onHeader(header), saveCursor(header.height)]).catch((err) => console.error('header failed', err)),
    error: (err) => console.error('header stream error', err),
    complete: () => console.warn('header stream completed'),
  });

  process.once('SIGTERM', async () => {
    tm.disconnect();
    await Promise.allSettled([pool.end(), closeUptimeDb(), redis.quit()]);
    process.exit(0);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
