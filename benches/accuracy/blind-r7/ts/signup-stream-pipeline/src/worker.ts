// Worker process: drains the `signups` Redis stream into Postgres.
import { createClient, type RedisClientType } from 'redis';
import pg from 'pg';
import { config, sleep } from './config.js';

const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 4 });

async function connectRedis(): Promise<RedisClientType> {
  for (let attempt = 1; attempt <= 8; attempt++) {
    const client: RedisClientType = createClient({
      url: config.redisUrl,
      socket: { reconnectStrategy: false },
    });
    try {
      await client.connect();
      return client;
    } catch (err) {
      console.warn(`redis not ready (attempt ${attempt}): ${(err as Error).message}`);
      await client.disconnect().catch(() => undefined);
      await sleep(attempt * 500);
    }
  }
  throw new Error('could not reach redis');
}

let running = true;
process.once('SIGTERM', () => {
  running = false;
});

async function main() {
  const redis = await connectRedis();
  try {
    await redis.xGroupCreate(config.stream, config.group, '0', { MKSTREAM: true });
  } catch (err) {
    if (!String(err).includes('BUSYGROUP')) throw err;
  }

  while (running) {
    const batches = await redis.xReadGroup(
      config.group,
      config.consumer,
      { key: config.stream, id: '>' },
      { COUNT: 100, BLOCK: 5_000 },
    );
    if (!batches) continue;

    for (const batch of batches) {
      for (const { id, message } of batch.messages) {
        await pool.query(
          'INSERT INTO signups (stream_id, email, plan, created_at) VALUES ($1, $2, $3, now()) ON CONFLICT (stream_id) DO NOTHING',
          [id, message.email, message.plan ?? 'free'],
        );
        await redis.xAck(config.stream, config.group, id);
      }
    }
  }

  await redis.quit();
  await pool.end();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
