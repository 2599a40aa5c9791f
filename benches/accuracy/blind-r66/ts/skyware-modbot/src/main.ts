import { Bot } from '@skyware/bot';
import { openPool, openRedis } from './clients.js';
import { makeHandlers } from './handlers.js';

async function main(): Promise<void> {
  const pool = await openPool(process.env.DATABASE_URL ?? 'postgres://modbot@localhost:5432/modbot');
  const redis = openRedis(process.env.REDIS_URL ?? 'redis://localhost:6379');

  const bot = new Bot();
  await bot.login({
    identifier: process.env.BSKY_HANDLE ?? 'reports.example.org',
    password: process.env.BSKY_APP_PASSWORD ?? '',
  });

  const handlers = makeHandlers({ bot, pool, redis });
  const guard = (fn: (p: any) => Promise<void>) => (p: any) => {
    fn(p).catch((err) => console.error('handler failed', err));
  };
  bot.on('mention', guard(handlers.onMention));
  bot.on('reply', guard(handlers.onReply));
  console.log('modbot listening for mentions');

  const stop = async () => {
    await pool.end();
    redis.disconnect();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
