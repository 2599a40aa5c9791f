import ZongJi, { type BinlogEvent } from 'zongji';
import { currentBinlogPosition, loadCursor, redis, saveCursor } from './db.js';
import { indexRows } from './indexer.js';

const TABLES = ['products', 'product_prices', 'product_stock'];
const ROW_EVENTS = new Set(['writerows', 'updaterows', 'deleterows']);

async function main(): Promise<void> {
  const start = (await loadCursor()) ?? (await currentBinlogPosition());
  let binlogFile = start.file;
  let chain: Promise<void> = Promise.resolve();

  const zongji = new ZongJi({
    host: process.env.SHOP_DB_HOST ?? '127.0.0.1',
    port: Number(process.env.SHOP_DB_PORT ?? 3306),
    user: process.env.BINLOG_USER ?? 'cdc',
    password: process.env.BINLOG_PASSWORD,
  });

  zongji.on('binlog', (evt: BinlogEvent) => {
    const name = evt.getEventName();
    if (name === 'rotate') {
      binlogFile = evt.binlogName ?? binlogFile;
      return;
    }
    if (!ROW_EVENTS.has(name)) return;

    const position = evt.nextPosition;
    // Keep events strictly ordered: each one waits for the previous index write.
    chain = chain
      .then(() => indexRows(evt))
      .then(() => saveCursor({ file: binlogFile, position }))
      .catch((err) => console.error('failed to index binlog event', err));
  });

  zongji.on('error', (err: Error) => {
    console.error('binlog stream error', err);
    process.exit(1);
  });

  zongji.start({
    serverId: Number(process.env.BINLOG_SERVER_ID ?? 4711),
    filename: start.file,
    position: start.position,
    includeEvents: ['rotate', 'tablemap', 'writerows', 'updaterows', 'deleterows'],
    includeSchema: { shop: TABLES },
  });
  console.log(`tailing ${start.file}:${start.position}`);

  const shutdown = async () => {
    zongji.stop();
    await chain;
    await redis.quit();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
