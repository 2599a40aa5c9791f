import { SocketModeClient, LogLevel } from '@slack/socket-mode';
import { WebClient } from '@slack/web-api';
import { Redis } from 'ioredis';
import pg from 'pg';

import { makeHandlers } from './handlers.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function createPool(): Promise<pg.Pool> {
  for (let attempt = 1; attempt <= 10; attempt++) {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 5, application_name: 'oncall-bot' });
    try {
      await pool.query('SELECT 1');
      return pool;
    } catch (err) {
      console.warn(`postgres not ready (attempt ${attempt}): ${(err as Error).message}`);
      await pool.end();
      await sleep(Math.min(attempt * 2_000, 15_000));
    }
  }
  throw new Error('postgres unavailable after 10 attempts');
}

async function main(): Promise<void> {
  const pool = await createPool();
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 2 });
  const web = new WebClient(process.env.SLACK_BOT_TOKEN, { retryConfig: { retries: 2 } });
  const socket = new SocketModeClient({
    appToken: process.env.SLACK_APP_TOKEN!,
    logLevel: LogLevel.INFO,
  });

  const handlers = makeHandlers({ pool, redis, web });

  socket.on('slash_commands', async ({ body, ack }) => {
    try {
      await ack(await handlers.slashCommand(body));
    } catch (err) {
      console.error('slash command failed', err);
      await ack({ response_type: 'ephemeral', text: 'Sorry, that failed. Check the bot logs.' });
    }
  });

  socket.on('app_mention', async ({ event, ack }) => {
    await ack();
    await handlers.mention(event).catch((err) => console.error('mention failed', err));
  });

  socket.on('interactive', async ({ body, ack }) => {
    await ack();
    await handlers.interaction(body).catch((err) => console.error('interaction failed', err));
  });

  const shutdown = async () => {
    await socket.disconnect();
    await Promise.allSettled([pool.end(), redis.quit()]);
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  await socket.start();
  console.log('on-call bot connected over Socket Mode');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
