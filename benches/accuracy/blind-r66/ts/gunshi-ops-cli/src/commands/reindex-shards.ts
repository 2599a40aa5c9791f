import { readFile } from 'node:fs/promises';
import { define } from 'gunshi';
import { openDb } from '../db.js';

interface Shard {
  name: string;
  dsn: string;
}

export const reindexShards = define({
  name: 'reindex-shards',
  description: 'REINDEX CONCURRENTLY the hot order indexes on every shard database',
  args: {
    config: { type: 'string', default: 'config/shards.json', description: 'shard list' },
  },
  async run(ctx) {
    const { shards } = JSON.parse(await readFile(ctx.values.config, 'utf8')) as { shards: Shard[] };
    // Each shard is a different database server, so each needs its own connection.
    for (const shard of shards) {
      const db = await openDb(shard.dsn);
      try {
        await db.query('REINDEX INDEX CONCURRENTLY orders_created_at_idx');
        await db.query('REINDEX INDEX CONCURRENTLY order_lines_order_id_idx');
        console.log(`reindexed ${shard.name}`);
      } finally {
        await db.end();
      }
    }
  },
});
