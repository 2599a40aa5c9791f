#!/usr/bin/env node
import { cli, define } from 'gunshi';
import { exportOrders } from './commands/export-orders.js';
import { purgeCarts } from './commands/purge-carts.js';
import { reindexShards } from './commands/reindex-shards.js';

const main = define({
  name: 'shopops',
  description: 'Shop platform operator tasks',
  run() {
    console.log('usage: shopops <export-orders|purge-carts|reindex-shards> [options]');
  },
});

const subCommands = new Map();
subCommands.set('export-orders', exportOrders);
subCommands.set('purge-carts', purgeCarts);
subCommands.set('reindex-shards', reindexShards);

await cli(process.argv.slice(2), main, {
  name: 'shopops',
  version: '1.7.0',
  subCommands,
});
