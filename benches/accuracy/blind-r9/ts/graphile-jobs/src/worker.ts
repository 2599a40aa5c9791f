import { run } from 'graphile-worker';
import { send_receipt } from './tasks/send_receipt.js';
import { sync_inventory } from './tasks/sync_inventory.js';

async function main() {
  const runner = await run({
    connectionString: process.env.DATABASE_URL ?? 'postgres://shop:shop@localhost:5432/shop',
    concurrency: 8,
    noHandleSignals: false,
    pollInterval: 1000,
    taskList: { send_receipt, sync_inventory },
    crontab: '*/15 * * * * sync_inventory ?max=1 {skus:[]}',
  });
  await runner.promise;
}

main().catch(err => {
  console.error(err);
  process.exit(1);
});
