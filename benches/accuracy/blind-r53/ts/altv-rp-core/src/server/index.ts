import * as alt from 'alt-server';
import Redis from 'ioredis';
import { createDb } from './db.js';
import { registerAccountHandlers } from './accounts.js';
import { registerInventoryHandlers } from './inventory.js';

async function start(): Promise<void> {
  const pool = await createDb();
  const redis = new Redis(process.env.RP_REDIS_URL ?? 'redis://127.0.0.1:6379', {
    keyPrefix: 'rp:',
    maxRetriesPerRequest: 2,
  });

  registerAccountHandlers(pool, redis);
  registerInventoryHandlers(pool, redis);

  alt.on('consoleCommand', async (name: string) => {
    if (name !== 'dbstatus') return;
    const [rows] = await pool.query('SELECT COUNT(*) AS n FROM accounts');
    const pong = await redis.ping();
    alt.log(`[core] accounts=${JSON.stringify(rows)} redis=${pong}`);
  });

  alt.on('resourceStop', async () => {
    alt.log('[core] resource stopping, closing connections');
    await Promise.allSettled([pool.end(), redis.quit()]);
  });

  alt.log(`[core] ready, ${alt.Player.all.length} players online`);
}

start().catch((err) => {
  alt.logError(`[core] failed to start: ${(err as Error).stack ?? err}`);
  alt.stopServer();
});
